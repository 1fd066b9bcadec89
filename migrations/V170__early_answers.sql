-- Answers given before the card was due by the learner's choice: review ahead from the done page (origin 'ahead')
-- and custom sessions by tag or of today's failed cards (origin 'custom'). The scheduler applies them with the real
-- elapsed time; true retention (stats, class dashboard) leaves them out, so they never count as early lapses.
alter table review_log
    add column early boolean generated always as (origin in ('ahead', 'custom')) stored;
