-- Issue 15, settings: a daily limit of review cards, and whether the learner chose their time zone (until they do, the
-- settings page proposes the browser's zone instead of the default UTC).
alter table user_settings
    add column max_reviews_per_day integer not null default 200 check (max_reviews_per_day between 0 and 9999),
    add column time_zone_chosen boolean not null default false;

-- a zone other than the default was picked by someone; UTC may be the untouched default
update user_settings set time_zone_chosen = true where time_zone <> 'UTC';

-- today's answers on review cards, which the study queue counts against the daily review limit in the same statement
-- (as review_log_new_today counts today's new cards against the new-card budget)
create index review_log_reviews_today on review_log (user_id, reviewed_at) where state_before = 2 and undone_at is null;
