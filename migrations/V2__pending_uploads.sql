-- Files an instructor previewed in the browser, waiting for "Confirm import". In the database rather than in
-- one server's memory, so the confirm may land on any replica. Expired rows are removed on the next upload.
create table pending_upload (
    token      varchar(64)  primary key,
    user_id    bigint       not null references app_user (id) on delete cascade,
    file_name  varchar(255) not null,
    data       bytea        not null,
    created_at timestamptz  not null default now(),
    expires_at timestamptz  not null
);
create index pending_upload_user on pending_upload (user_id, created_at);
create index pending_upload_expiry on pending_upload (expires_at);
