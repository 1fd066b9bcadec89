-- Issue 14: the deck change log (V150) also records imports, with how many questions each created, updated and
-- retired, and the question editor's changes, with the question they changed. Counts and the question's id are
-- columns rather than text, so the deck's manage page says them in the reader's language.
alter table deck_change
    add column question_external_id varchar(200),
    add column created_count        integer,
    add column updated_count        integer,
    add column retired_count        integer;
