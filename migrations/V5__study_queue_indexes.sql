-- The study queue reads, in one statement, the due cards of a learner's deck with today's counts. These indexes keep
-- every part of it an index range over the learner's own rows, however large the tables and decks grow:
-- the due cards and their counts (question and stability ride along, so the ranking and the retired-question check
-- need no table row), the cards of retired questions to leave out, the deck's active questions, suspended cards,
-- and the new cards a learner introduced today (the daily new-card budget).
create index card_queue_covering on card (user_id, deck_id, state, due) include (question_id, stability, id) where not suspended;
drop index card_queue;
create index card_suspended on card (user_id, deck_id) where suspended;
create index question_retired on question (deck_id) where retired;
create index question_active on question (deck_id) where not retired;
create index review_log_new_today on review_log (user_id, reviewed_at) where state_before = 0 and undone_at is null;
