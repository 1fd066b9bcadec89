-- Learn ahead (as Anki): a (re)learning card due within this many minutes is shown at once when nothing else is
-- due, so a session never stops for a card that comes back in a few minutes. 0 turns it off.
alter table user_settings
    add column learn_ahead_minutes integer not null default 20 check (learn_ahead_minutes between 0 and 1440);

-- "More new cards today": extra new cards a learner allowed themselves for one study day (the new-card limit is
-- per learner, so is this); the daily limit in the settings stays as it is.
create table extra_new_cards (
    user_id   bigint      not null references app_user (id) on delete cascade,
    day_start timestamptz not null,
    extra     integer     not null check (extra between 1 and 9999),
    primary key (user_id, day_start)
);
