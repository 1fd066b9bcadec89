-- The study queue reads, in one statement, the cards of retired questions to leave out and the new cards a learner
-- introduced today (the daily new-card budget). Both are tiny subsets of large tables: partial indexes keep them
-- index-only lookups however many questions a deck and reviews a learner have.
create index question_retired on question (deck_id) where retired;
create index review_log_new_today on review_log (user_id, reviewed_at) where state_before = 0 and undone_at is null;
