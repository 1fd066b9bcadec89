-- The name a source gives a question (GIFT ::name::, Moodle <name>): shown to instructors, exported back.
alter table question add column title varchar(255);

-- Cloze (Moodle "embedded answers"): the prompt holds the text with its {1:SHORTANSWER:=…} gaps.
alter table question drop constraint question_type_check;
alter table question add constraint question_type_check check (type in ('FLASHCARD', 'SINGLE_CHOICE',
    'MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER', 'NUMERICAL', 'MATCHING', 'ESSAY', 'DESCRIPTION', 'CLOZE'));
