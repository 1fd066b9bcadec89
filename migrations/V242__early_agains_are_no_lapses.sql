-- Issue 15: an Again given early by the learner's choice (review ahead, custom sessions: review_log.early, V170) moves
-- the card but is no lapse (io.demodeck.review.EarlyAnswers). Until now it counted one. Take those lapses back out of
-- the cards and out of the before-states of the answers given after them (undo restores a card to such a state).
-- An early Again that was undone never counted on the card and is left alone.
with early_lapse as (
    select card_id, reviewed_at, id from review_log
    where early and undone_at is null and state_before = 2 and rating = 1),
counted_before as (
    select l.id, count(*) as n
    from review_log l join early_lapse e on e.card_id = l.card_id and (e.reviewed_at, e.id) < (l.reviewed_at, l.id)
    group by l.id)
update review_log l set lapses_before = greatest(0, l.lapses_before - c.n)
from counted_before c where c.id = l.id;

-- a changed card is one that clients syncing card changes (api.CardChanges) fetch again
update card c set lapses = greatest(0, c.lapses - e.n), version = c.version + 1, updated_at = now()
from (select card_id, count(*) as n from review_log
      where early and undone_at is null and state_before = 2 and rating = 1 group by card_id) e
where e.card_id = c.id;
