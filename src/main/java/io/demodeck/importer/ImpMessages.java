package io.demodeck.importer;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the import report: {@code {imp:...}}, Russian in {@code messages/imp_ru.properties}. After the places
 * and severities come the problems, one message per {@link ProblemCode}, named by its key, with its parameters.
 */
@MessageBundle(value = "imp", locale = "en")
public interface ImpMessages {

    @Message("error")
    String severity_error();

    @Message("warning")
    String severity_warning();

    @Message("question {n}")
    String ref_question(String n);

    @Message("note {id}")
    String ref_note(String id);

    @Message("deck")
    String ref_deck();

    @Message("media")
    String ref_media();

    @Message("note type {id}")
    String ref_note_type(String id);

    @Message("card {id}")
    String ref_card(String id);

    @Message("media {n}")
    String ref_media_entry(String n);

    @Message("ZIP entry {n}")
    String ref_zip_entry(String n);

    @Message("start of the archive")
    String ref_archive_start();

    @Message("the entry after {entry}")
    String ref_entry_after(String entry);

    @Message("the question is skipped")
    String skipped();

    @Message("the row is left out")
    String left_out();

    @Message("line {line}: {text}")
    String at_line(long line, String text);

    @Message("{ref}: {text}")
    String at_ref(String ref, String text);

    @Message("question '{question}'")
    String about_gift_question(String question);

    @Message("{type} question")
    String about_moodle_question(String type);

    @Message("{type} question '{question}'")
    String about_moodle_named_question(String type, String question);

    @Message("{count} more {#if plural:en(count) == 'one'}problem is{#else}problems are{/if} not listed")
    String more_problems(long count);

    @Message("the file contains NUL characters: it is binary or UTF-16; save it as UTF-8 text")
    String file_has_nul();

    @Message("the file is not valid UTF-8 (byte {position}); save it as UTF-8 and upload it again")
    String not_utf8(long position);

    @Message("the id '{id}' is used by an earlier question: give every question its own id")
    String id_used_earlier(String id);

    @Message("the file ends here without a single question")
    String no_question_in_file();

    @Message("the package contains no questions")
    String no_question_in_package();

    @Message("the database refused the import ({reason}); nothing was stored")
    String database_refused(String reason);

    @Message("the file could not be read as {format} ({error})")
    String unreadable_as_format(String format, String error);

    @Message("the deck '{deck}' is a question bank deck: its questions come from its file in the questions/ folder, which is loaded again at every start and would overwrite an import; change that file, or import into another deck id")
    String deck_of_the_bank(String deck);

    @Message("the deck id '{deck}' must be lower-case letters, digits and '-' (at most 100)")
    String deck_id_form(String deck);

    @Message("the deck has no questions")
    String no_questions();

    @Message("the file name '{name}' is empty, longer than {max} characters or contains NUL: the file is not stored")
    String media_name_unusable(String name, long max);

    @Message("the question has no type")
    String question_no_type();

    @Message("the question id must be 1 to {max} characters")
    String question_id_length(long max);

    @Message("the id '{id}' is used twice")
    String id_used_twice(String id);

    @Message("the question has no text")
    String question_no_text();

    @Message("language '{language}' is not one of {languages}")
    String language_unknown(String language, String languages);

    @Message("the question has no prompt in '{language}'")
    String question_no_prompt(String language);

    @Message("a common wrong answer in '{language}' needs both a claim and why it is wrong (and no NUL)")
    String wrong_answer_incomplete(String language);

    @Message("the question's original language has no text")
    String original_language_no_text();

    @Message("the cloze text in '{language}': {detail}")
    String cloze_text_invalid(String language, String detail);

    @Message("an option has no text or a language without a prompt")
    String option_incomplete();

    @Message("an option's credit must be between -100% and 100%")
    String option_credit_range();

    @Message("two options share a position")
    String options_share_position();

    @Message("the numerical range is not min <= max")
    String range_order();

    @Message("a follow-up id is empty")
    String follow_up_empty();

    @Message("a tag is empty")
    String tag_empty();

    @Message("the question contains a NUL character (\\0), which cannot be stored: remove it")
    String question_has_nul();

    @Message("the question name starts with '::' but has no closing '::' (put a backslash before a literal colon)")
    String gift_name_not_closed();

    @Message("'}' without '\\{': put a backslash before a literal brace")
    String gift_close_without_open();

    @Message("the answer block '\\{' is never closed with '}' (a blank line ends a question; write a backslash and n for a line break)")
    String gift_block_not_closed();

    @Message("a second '\\{' inside the answer block: put a backslash before a literal brace")
    String gift_second_open();

    @Message("more than one answer block \\{…} in one question: separate questions with a blank line")
    String gift_two_blocks();

    @Message("the question has no text before its answer block")
    String gift_no_text();

    @Message("the weight in '{value}' must be a percentage between -100 and 100, e.g. %50%")
    String gift_weight(String value);

    @Message("an empty answer after '{marker}'")
    String gift_empty_answer(String marker);

    @Message("a multiple-choice question needs at least 2 answers")
    String gift_choice_two_answers();

    @Message("no answer is right: mark one with '=' or give a positive weight like ~%50%")
    String gift_no_right_answer();

    @Message("the pair '{pair}' has no '->': write '=left -> right'")
    String gift_pair_no_arrow(String pair);

    @Message("the pair '{pair}' has nothing after '->'")
    String gift_pair_no_right(String pair);

    @Message("a matching question needs at least 2 pairs '=left -> right'")
    String gift_matching_two_pairs();

    @Message("an empty accepted answer after '='")
    String gift_empty_accepted();

    @Message("a short-answer question needs at least one accepted answer '=…'")
    String gift_short_no_answer();

    @Message("'{value}' is not a number, 'value:tolerance' or 'min..max'")
    String gift_not_a_number(String value);

    @Message("a numerical question needs a right answer, e.g. \\{#1822:5} or \\{#1..5}")
    String gift_numerical_no_answer();

    @Message("a lone backslash at the end of the question is kept as written; write two for one backslash")
    String gift_lone_backslash();

    @Message("unknown escape '{escape}' is kept as written; GIFT escapes only {escapes}")
    String gift_unknown_escape(String escape, String escapes);

    @Message("DOCTYPE declarations (DTDs and entities) are refused for safety; Moodle exports have none — remove it")
    String xml_doctype_refused();

    @Message("malformed XML: {detail}")
    String xml_malformed(String detail);

    @Message("malformed XML: the parser stopped here ({detail})")
    String xml_parser_stopped(String detail);

    @Message("the file has no XML element")
    String xml_no_element();

    @Message("the root element is <{element}>, a Moodle XML export has <quiz>")
    String moodle_root_not_quiz(String element);

    @Message("<{element}> is not a <question> and is ignored")
    String moodle_not_a_question(String element);

    @Message("the type is not supported")
    String moodle_type_unsupported();

    @Message("there is no <questiontext>")
    String moodle_no_questiontext();

    @Message("unknown question type")
    String moodle_type_unknown();

    @Message("{detail}")
    String moodle_cloze_invalid(String detail);

    @Message("gap {gap} sits inside markup that is removed on import (a script, a style or an attribute)")
    String moodle_gap_in_removed_markup(long gap);

    @Message("at least 2 answers are needed")
    String moodle_two_answers();

    @Message("no answer has a positive fraction")
    String moodle_no_positive_answer();

    @Message("single-answer, but no answer is worth 100%")
    String moodle_single_no_full();

    @Message("neither 'true' nor 'false' is marked with fraction 100")
    String moodle_true_false_unmarked();

    @Message("no accepted answer (fraction above 0)")
    String moodle_no_accepted_answer();

    @Message("the answer '{value}' is not a number")
    String moodle_answer_not_a_number(String value);

    @Message("no right numeric answer")
    String moodle_no_right_number();

    @Message("units are not supported; learners answer with the number only")
    String moodle_units_ignored();

    @Message("a <subquestion> has no <answer>")
    String moodle_subquestion_no_answer();

    @Message("at least 2 <subquestion> pairs are needed")
    String moodle_two_subquestions();

    @Message("fraction '{fraction}' must be a number from -100 to 100")
    String moodle_fraction_range(String fraction);

    @Message("an <answer> has no text")
    String moodle_answer_no_text();

    @Message("a <file> without a name is ignored")
    String moodle_file_no_name();

    @Message("the file '{file}' is not valid base64 and is not stored")
    String moodle_file_not_base64(String file);

    @Message("the media file '{file}' is not stored: the files of one import may total at most {megabytes} MB")
    String moodle_media_over_budget(String file, long megabytes);

    @Message("the image '{image}' is not embedded in the file and is left out")
    String moodle_image_not_embedded(String image);

    @Message("unknown separator '{value}': use Comma, Semicolon, Tab, Space, Pipe, Colon or one character")
    String anki_separator_unknown(String value);

    @Message("'{header}' must be a column number from 1, found '{value}'")
    String anki_column_number(String header, String value);

    @Message("'#{header}' is ignored: DemoDeck always matches by GUID (or the front) within the target deck and updates in place")
    String anki_match_header_ignored(String header);

    @Message("no notes after the headers")
    String anki_no_notes();

    @Message("'#{header} column:{column}' is past the {width} columns of the first note (line {firstLine}) and is ignored")
    String anki_column_past_width(String header, long column, long width, long firstLine);

    @Message("this row has {fields} fields but the first has {width}: it is padded with empty fields, which are ignored")
    String anki_row_padded(long fields, long width);

    @Message("this row has {fields} fields but the first has {width}: the extra fields are ignored (Anki does the same)")
    String anki_row_extra_fields(long fields, long width);

    @Message("this row has {fields} {#if plural:en(fields) == 'one'}field{#else}fields{/if} but the first has {width}: the missing ones are empty")
    String anki_row_missing_fields(long fields, long width);

    @Message("duplicate first field '{front}': the same as on line {earlierLine}")
    String anki_duplicate_front(String front, long earlierLine);

    @Message("the back is empty: the card would have no answer")
    String anki_back_empty();

    @Message("the quote opened here is never closed (the file may be truncated); write a literal quote inside a quoted field as \"\"")
    String csv_quote_not_closed();

    @Message("the note's first field (the front) is empty")
    String anki_front_empty();

    @Message("the note has only one field: a flashcard needs a front and a back")
    String anki_one_field();

    @Message("a cloze note without a deletion: mark one as \\{\\{c1::text}}")
    String anki_cloze_no_deletion();

    @Message("cloze deletion {deletion} is empty")
    String anki_cloze_deletion_empty(long deletion);

    @Message("cloze deletion {deletion} sits inside markup that is removed on import")
    String anki_cloze_deletion_in_removed_markup(long deletion);

    @Message("the cloze note cannot be a cloze question: {detail}")
    String anki_cloze_invalid(String detail);

    @Message("the archive has more than {max} entries")
    String zip_too_many_entries(long max);

    @Message("the archive expands to more than {megabytes} MB (at most {ratio} times its size): it looks like a zip bomb")
    String zip_bomb(long megabytes, long ratio);

    @Message("the archive is damaged here ({#if detail}{detail}{#else}cut short{/if})")
    String zip_damaged(String detail);

    @Message("not a ZIP archive: an Anki package (.apkg, .colpkg) is one")
    String not_a_zip();

    @Message("the compressed collection expands to more than {megabytes} MB (at most {ratio} times its size)")
    String zstd_too_large(long megabytes, long ratio);

    @Message("the package metadata is unreadable; guessing the collection from the entry names")
    String apkg_meta_unreadable();

    @Message("the package has no collection (collection.anki21b, collection.anki21 or collection.anki2)")
    String apkg_no_collection();

    @Message("the compressed collection is unreadable: {detail}")
    String apkg_collection_uncompressable(String detail);

    @Message("a .colpkg is a whole Anki collection: all its notes are imported into one deck")
    String apkg_colpkg_one_deck();

    @Message("the collection is not a readable Anki database ({reason})")
    String apkg_not_a_database(String reason);

    @Message("the package could not be read: {detail}")
    String apkg_unreadable(String detail);

    @Message("the note's type {noteType} is not in the package")
    String apkg_note_type_missing(String noteType);

    @Message("the media file '{file}' is not in the package and is left out")
    String apkg_media_missing(String file);

    @Message("the media file '{file}' is not stored: the files of one import may total at most {megabytes} MB")
    String media_over_budget(String file, long megabytes);

    @Message("the review log has {entries} entries, more than the {max} one import carries over; the questions are imported without it (split the collection in Anki, or import with keepHistory=false to silence this)")
    String apkg_revlog_too_long(long entries, long max);

    @Message("{cards} {#if plural:en(cards) == 'one'}card carries{#else}cards carry{/if} Anki scheduling but the package has no review log (exported without scheduling information?), so these questions start as new")
    String apkg_scheduled_without_revlog(long cards);

    @Message("{cards} {#if plural:en(cards) == 'one'}card carries{#else}cards carry{/if} Anki scheduling; the review log is not carried over (keepHistory=false), so these questions start as new")
    String apkg_revlog_not_kept(long cards);

    @Message("review log: {entries} manual rescheduling {#if plural:en(entries) == 'one'}entry{#else}entries{/if} (set due date, forget) — not carried over")
    String revlog_manual_left_out(long entries);

    @Message("review log: {answers} {#if plural:en(answers) == 'one'}answer{#else}answers{/if} of a card that is not in the package — not carried over")
    String revlog_card_missing(long answers);

    @Message("review log: {answers} {#if plural:en(answers) == 'one'}answer{#else}answers{/if} of a card that has no question in this import — not carried over")
    String revlog_no_question(long answers);

    @Message("review log: {entries} {#if plural:en(entries) == 'one'}entry{#else}entries{/if} with an unknown rating or kind, or a time before 1970 or in the future — not carried over")
    String revlog_invalid_left_out(long entries);

    @Message("the note types are unreadable: {detail}")
    String apkg_note_types_unreadable(String detail);

    @Message("the note type's settings are unreadable; treated as Basic")
    String apkg_note_type_settings_unreadable();

    @Message("note type '{noteType}' (kind {kind}, e.g. image occlusion) is imported as front/back cards")
    String apkg_note_type_kind(String noteType, long kind);

    @Message("the media list is unreadable; the notes are imported without their media")
    String apkg_media_list_unreadable();

    @Message("the term separator and the row separator must differ")
    String separators_differ();

    @Message("no term separator in '{row}': check the 'between term and definition' setting")
    String no_term_separator(String row);

    @Message("the term or the definition is empty")
    String term_or_definition_empty();

    @Message("not a DemoDeck JSON export: expected \\{\"format\": \"{format}\", \"version\": {version}, \"deck\": \\{…}, \"media\": […]}")
    String json_not_an_export(String format, long version);

    @Message("JSON export version {version} is newer than this server understands ({supported})")
    String json_version_newer(long version, long supported);

    @Message("the question has no text in its original language '{language}'")
    String json_no_original_text(String language);

    @Message("no question has a text in its original language")
    String json_no_question_in_original();

    @Message("a media entry without data is left out")
    String json_media_no_data();

    @Message("the media file name '{name}' is not one DemoDeck stores (letters, digits, '.', '_', '-'); the file is left out")
    String json_media_name(String name);

    @Message("the media file '{name}' comes twice; the first one is kept")
    String json_media_twice(String name);

    @Message("not a DemoDeck JSON export: the document is nested too deeply or a value is too long")
    String json_too_deep();

    @Message("not a DemoDeck JSON export: {#if detail}{detail}{#else}malformed JSON{/if}")
    String json_malformed(String detail);

    @Message("not a DemoDeck JSON export: {#if path}at {path}: {/if}'{value}' is not one of [{allowed}]")
    String json_not_one_of(String path, String value, String allowed);

    @Message("not a DemoDeck JSON export: {#if path}at {path}: {/if}expected one of {allowed}")
    String json_expected_one_of(String path, String allowed);

    @Message("not a DemoDeck JSON export: {#if path}at {path}: {/if}a required value is missing, null or of the wrong kind")
    String json_value_missing(String path);

    @Message("not a DemoDeck JSON export: {#if path}at {path}: {/if}expected text")
    String json_expected_text(String path);

    @Message("not a DemoDeck JSON export: {#if path}at {path}: {/if}expected true or false")
    String json_expected_boolean(String path);

    @Message("not a DemoDeck JSON export: {#if path}at {path}: {/if}expected a number")
    String json_expected_number(String path);

    @Message("not a DemoDeck JSON export: {#if path}at {path}: {/if}expected a list [ … ]")
    String json_expected_list(String path);

    @Message("not a DemoDeck JSON export: {#if path}at {path}: {/if}expected an object \\{ … }")
    String json_expected_object(String path);

    @Message("not a DemoDeck JSON export: {#if path}at {path}: {/if}expected another kind of value")
    String json_expected_other(String path);

    @Message("no '## ' heading found: a plain Markdown deck needs one per question")
    String md_no_heading();

    @Message("empty '## ' heading: write the question after '## '")
    String md_empty_heading();

    @Message("question '{heading}' has no answer below its heading")
    String md_heading_no_answer(String heading);

    @Message("the heading '{heading}' appears twice")
    String md_heading_twice(String heading);

    @Message("the deck id '{deck}' must be lower-case letters, digits and '-' (at most 100)")
    String md_deck_id_form(String deck);

    @Message("expected 'key: value' in the deck header, found '{line}'")
    String md_deck_header_line(String line);

    @Message("language '{language}' is not one of {languages}")
    String md_language_unknown(String language, String languages);

    @Message("unknown deck header key '{key}' (expected title.<lang>, description.<lang>, language, source)")
    String md_deck_header_key(String key);

    @Message("the deck needs a title: add a line 'title.ru: …' or 'title.en: …'")
    String md_deck_no_title();

    @Message("question '{question}' names itself as a follow-up")
    String md_follow_up_itself(String question);

    @Message("follow-up '{followUp}' of question '{question}' is not a question id of this deck")
    String md_follow_up_unknown(String followUp, String question);

    @Message("the deck has no questions: add a '## <id>' section")
    String md_deck_no_questions();

    @Message("'{key}': language '{language}' is not one of {languages}")
    String md_key_language_unknown(String key, String language, String languages);

    @Message("the question id '{id}' must be lower-case letters, digits and '-' (at most 100)")
    String md_question_id_form(String id);

    @Message("the question id '{id}' is used twice in this deck")
    String md_question_id_twice(String id);

    @Message("expected 'key: value' before the first '### ' section, found '{line}'")
    String md_question_meta_line(String line);

    @Message("'{key}' is given twice")
    String md_key_twice(String key);

    @Message("expected '### <lang>: <part>', found '{line}'")
    String md_section_heading(String line);

    @Message("unknown section '{section}' (expected one of {sections})")
    String md_section_unknown(String section, String sections);

    @Message("section '{section}' is given twice")
    String md_section_twice(String section);

    @Message("section '{section}' is empty")
    String md_section_empty(String section);

    @Message("unknown key '{key}' (expected type, tags, demos, follow-ups, source, correct, tolerance, range)")
    String md_key_unknown(String key);

    @Message("follow-up '{followUp}' is not a question id (lower-case letters, digits and '-')")
    String md_follow_up_form(String followUp);

    @Message("question '{id}' has no 'type:' line")
    String md_no_type(String id);

    @Message("unknown type '{type}' (expected flashcard, single_choice, multiple_choice, true_false, short_answer, numerical, matching, essay, cloze)")
    String md_type_unknown(String type);

    @Message("question '{id}' has no '### <lang>: prompt' section")
    String md_no_prompt(String id);

    @Message("a true_false question needs 'correct: true' or 'correct: false'")
    String md_true_false_correct();

    @Message("'{key}' applies only to true_false or numerical questions")
    String md_key_not_for_type(String key);

    @Message("question '{id}' has no '### {language}: prompt' section")
    String md_no_prompt_in(String id, String language);

    @Message("question '{id}' has no '### {language}: answer' section")
    String md_no_answer_in(String id, String language);

    @Message("a {type} needs 2 to 5 key points in '### {language}: key points' (found {found})")
    String md_key_points_count(String type, String language, long found);

    @Message("section '{section}' does not belong to a {type} question")
    String md_section_not_for_type(String section, String type);

    @Message("a {type} question needs '### {section}'")
    String md_quiz_part_missing(String type, String section);

    @Message("the cloze prompt of '{id}' in {language}: {detail}")
    String md_cloze_invalid(String id, String language, String detail);

    @Message("question '{id}' has a different number of items per language {counts}")
    String md_items_per_language(String id, String counts);

    @Message("question '{id}' marks different choices as right in different languages")
    String md_right_choices_differ(String id);

    @Message("a numerical question needs either 'correct: <number>' (with optional 'tolerance:') or 'range: <min>..<max>'")
    String md_numerical_needs_answer();

    @Message("range '{range}' must be '<min>..<max>' with min <= max")
    String md_range_form(String range);

    @Message("correct '{value}' is not a number")
    String md_correct_not_a_number(String value);

    @Message("tolerance '{value}' must be a number >= 0")
    String md_tolerance_form(String value);

    @Message("expected '- [x] right choice' or '- [ ] wrong choice', found '{line}'")
    String md_choice_line(String line);

    @Message("expected '- accepted answer', found '{line}'")
    String md_accepted_line(String line);

    @Message("expected '- left -> right', found '{line}'")
    String md_pair_line(String line);

    @Message("a single_choice question needs at least 2 choices and exactly one '[x]' (found {choices} {#if plural:en(choices) == 'one'}choice{#else}choices{/if}, {marked} marked)")
    String md_single_choice_form(long choices, long marked);

    @Message("a multiple_choice question needs at least 2 choices and at least one '[x]'")
    String md_multiple_choice_form();

    @Message("a matching question needs at least 2 pairs")
    String md_matching_form();

    @Message("expected '- what candidates say => why it is wrong', found '{line}'")
    String md_wrong_answer_line(String line);

    @Message("expected a '- ' list item, found '{line}'")
    String md_list_item_line(String line);

    @Message("the question has no text")
    String cloze_no_text();

    @Message("gap {gap} ({type}) has no closing '}'")
    String cloze_gap_not_closed(long gap, String type);

    @Message("the text has more than {max} gaps")
    String cloze_too_many_gaps(long max);

    @Message("gap {gap} ({type}): unknown type '{type}'; use SHORTANSWER (SA), SHORTANSWER_C (SAC), NUMERICAL (NM), MULTICHOICE (MC, MCV, MCH, MCS, MCVS, MCHS) or MULTIRESPONSE (MR, MRH, MRS, MRHS)")
    String cloze_type_unknown(long gap, String type);

    @Message("gap {gap} ({type}): the weight {weight} is larger than {max}")
    String cloze_weight_too_large(long gap, String type, String weight, long max);

    @Message("the text has no gaps: write one as \\{1:SHORTANSWER:=answer}")
    String cloze_no_gaps();

    @Message("gap {gap} ({type}) has more than {max} answers")
    String cloze_too_many_answers(long gap, String type, long max);

    @Message("gap {gap} ({type}): answer {answer} has the weight {weight}%, outside -100% to 100%")
    String cloze_answer_weight_range(long gap, String type, long answer, String weight);

    @Message("gap {gap} ({type}): answer {answer} is empty")
    String cloze_answer_empty(long gap, String type, long answer);

    @Message("gap {gap} ({type}): '{value}' is not a number (write 23.8 or 23.8:0.1, value:tolerance)")
    String cloze_not_a_number(long gap, String type, String value);

    @Message("gap {gap} ({type}) needs at least 2 choices; it has {#if count > 0}{count}{#else}none{/if}")
    String cloze_two_choices(long gap, String type, long count);

    @Message("gap {gap} ({type}) has no answer")
    String cloze_no_answer(long gap, String type);

    @Message("gap {gap} ({type}) has no right choice (one with credit, = or %50%)")
    String cloze_no_right_choice(long gap, String type);

    @Message("gap {gap} ({type}) has no answer worth 100% (mark the right one with = or %100%)")
    String cloze_no_full_answer(long gap, String type);
}
