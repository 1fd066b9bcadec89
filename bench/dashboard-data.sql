-- The class the dashboard benchmark reads (bench/dashboard.sh): 500 learners in one class, one deck of 1,000
-- questions assigned to it, every learner with a card for every question (500,000 cards), 1,000,000 review-log rows
-- (two answers per card over the last 120 days: the first of a new card, then one in review state), and the checked
-- answers of the single-choice questions (first try, some wrong). Set-based (generate_series), in one transaction.
-- psql variables: instructor (the instructor's account id).
begin;
set local synchronous_commit = off;

insert into app_user (username, password_hash, roles)
select 'dash' || lpad(i::text, 4, '0'), 'no-sign-in', 'learner' from generate_series(1, 500) i;
insert into user_settings (user_id, time_zone, day_rollover_hour)
select u.id, (array['UTC', 'Europe/Moscow', 'America/New_York', 'Asia/Tokyo'])[1 + u.id % 4], 4
from app_user u where u.username like 'dash%';

insert into deck (external_id, original_language, origin, created_by, owner_id, visibility)
values ('dash-deck', 'en', 'import', :instructor, :instructor, 'class');
insert into deck_text (deck_id, lang, title) select id, 'en', 'Dashboard benchmark deck' from deck where external_id = 'dash-deck';

-- every third question single choice (four options, the first right), the others flashcards
insert into question (deck_id, external_id, type, position, original_language, content_hash, title)
select d.id, 'dq' || i, case when i % 3 = 0 then 'SINGLE_CHOICE' else 'FLASHCARD' end, i, 'en', md5(i::text),
       'Question ' || i
from deck d, generate_series(1, 1000) i where d.external_id = 'dash-deck';
insert into question_text (question_id, lang, prompt, answer)
select q.id, 'en', 'Prompt of ' || q.external_id, 'Answer of ' || q.external_id
from question q join deck d on d.id = q.deck_id where d.external_id = 'dash-deck';
insert into question_option (question_id, lang, position, text, fraction)
select q.id, 'en', p, case when p = 0 then 'right' else 'wrong ' || p end, case when p = 0 then 1 else 0 end
from question q join deck d on d.id = q.deck_id, generate_series(0, 3) p
where d.external_id = 'dash-deck' and q.type = 'SINGLE_CHOICE';

insert into study_class (owner_id, name) values (:instructor, 'Dashboard benchmark class');
insert into class_deck (class_id, deck_id, new_cards_per_day)
select c.id, d.id, 20 from study_class c, deck d where c.name = 'Dashboard benchmark class' and d.external_id = 'dash-deck';
insert into class_member (class_id, user_id)
select c.id, u.id from study_class c, app_user u where c.name = 'Dashboard benchmark class' and u.username like 'dash%';

-- cards: review state, difficulty 1-10, due from 10 days ago to 30 days ahead, last review in the last 120 days
insert into card (user_id, question_id, deck_id, state, stability, difficulty, due, last_review, reps, lapses)
select u.id, q.id, q.deck_id, 2, 1 + random() * 60, 1 + random() * 9,
       now() + (random() * 40 - 10) * interval '1 day', now() - random() * interval '120 days', 2, 0
from app_user u, question q join deck d on d.id = q.deck_id
where u.username like 'dash%' and d.external_id = 'dash-deck';

-- two answers per card: the first (new) rated Good, the second (review state) Again about one time in six
insert into review_log (card_id, user_id, client_review_id, rating, reviewed_at, state_before, due_before,
                        reps_before, lapses_before, state_after, stability_after, difficulty_after, due_after,
                        elapsed_days, scheduled_days)
select c.id, c.user_id, gen_random_uuid(),
       case when k = 0 then 3 when random() < 1.0 / 6 then 1 else 3 end,
       c.last_review - case when k = 0 then interval '3 days' else interval '0' end,
       case when k = 0 then 0 else 2 end, c.last_review, k, 0, 2, c.stability, c.difficulty, c.due, 3 * k, 3
from card c cross join generate_series(0, 1) k
where c.deck_id = (select id from deck where external_id = 'dash-deck');

-- checked answers of the single-choice cards: the first right two times in three, else a random wrong option
insert into quiz_answer (user_id, question_id, client_review_id, correct, chosen, answered_at)
select c.user_id, c.question_id, gen_random_uuid(), r < 0.67,
       array[case when r < 0.67 then 0 else 1 + floor(random() * 3)::int end], c.last_review - interval '3 days'
from (select c.*, random() as r from card c join question q on q.id = c.question_id
      where q.type = 'SINGLE_CHOICE' and c.deck_id = (select id from deck where external_id = 'dash-deck')) c;
commit;
analyze;
