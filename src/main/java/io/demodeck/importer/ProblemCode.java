package io.demodeck.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every problem an import can report. The key ({@code gift_weight}) is the message's name in the {@code imp} bundle
 * ({@link ImpMessages}, Russian in {@code messages/imp_ru.properties}) and the {@code code} of the API's problems; the
 * parameters are the values the message quotes, by name, in the order a parser gives them.
 */
public enum ProblemCode {
    MORE_PROBLEMS(Subject.NONE, "count"),
    FILE_HAS_NUL(Subject.NONE),
    NOT_UTF8(Subject.NONE, "position"),
    ID_USED_EARLIER(Subject.NONE, "id"),
    NO_QUESTION_IN_FILE(Subject.NONE),
    NO_QUESTION_IN_PACKAGE(Subject.NONE),
    DATABASE_REFUSED(Subject.NONE, "reason"),
    UNREADABLE_AS_FORMAT(Subject.NONE, "format", "error"),
    DECK_OF_THE_BANK(Subject.NONE, "deck"),
    DECK_ID_FORM(Subject.NONE, "deck"),
    NO_QUESTIONS(Subject.NONE),
    MEDIA_NAME_UNUSABLE(Subject.NONE, "name", "max"),
    QUESTION_NO_TYPE(Subject.NONE),
    QUESTION_ID_LENGTH(Subject.NONE, "max"),
    ID_USED_TWICE(Subject.NONE, "id"),
    QUESTION_NO_TEXT(Subject.NONE),
    LANGUAGE_UNKNOWN(Subject.NONE, "language", "languages"),
    QUESTION_NO_PROMPT(Subject.NONE, "language"),
    WRONG_ANSWER_INCOMPLETE(Subject.NONE, "language"),
    ORIGINAL_LANGUAGE_NO_TEXT(Subject.NONE),
    CLOZE_TEXT_INVALID(Subject.NONE, "language", "detail"),
    OPTION_INCOMPLETE(Subject.NONE),
    OPTION_CREDIT_RANGE(Subject.NONE),
    OPTIONS_SHARE_POSITION(Subject.NONE),
    RANGE_ORDER(Subject.NONE),
    FOLLOW_UP_EMPTY(Subject.NONE),
    TAG_EMPTY(Subject.NONE),
    QUESTION_HAS_NUL(Subject.NONE),
    GIFT_NAME_NOT_CLOSED(Subject.NONE),
    GIFT_CLOSE_WITHOUT_OPEN(Subject.NONE),
    GIFT_BLOCK_NOT_CLOSED(Subject.NONE),
    GIFT_SECOND_OPEN(Subject.NONE),
    GIFT_TWO_BLOCKS(Subject.NONE),
    GIFT_NO_TEXT(Subject.NONE),
    GIFT_WEIGHT(Subject.GIFT_QUESTION, "value"),
    GIFT_EMPTY_ANSWER(Subject.GIFT_QUESTION, "marker"),
    GIFT_CHOICE_TWO_ANSWERS(Subject.GIFT_QUESTION),
    GIFT_NO_RIGHT_ANSWER(Subject.GIFT_QUESTION),
    GIFT_PAIR_NO_ARROW(Subject.GIFT_QUESTION, "pair"),
    GIFT_PAIR_NO_RIGHT(Subject.GIFT_QUESTION, "pair"),
    GIFT_MATCHING_TWO_PAIRS(Subject.GIFT_QUESTION),
    GIFT_EMPTY_ACCEPTED(Subject.GIFT_QUESTION),
    GIFT_SHORT_NO_ANSWER(Subject.GIFT_QUESTION),
    GIFT_NOT_A_NUMBER(Subject.GIFT_QUESTION, "value"),
    GIFT_NUMERICAL_NO_ANSWER(Subject.GIFT_QUESTION),
    GIFT_LONE_BACKSLASH(Subject.NONE),
    GIFT_UNKNOWN_ESCAPE(Subject.NONE, "escape", "escapes"),
    XML_DOCTYPE_REFUSED(Subject.NONE),
    XML_MALFORMED(Subject.NONE, "detail"),
    XML_PARSER_STOPPED(Subject.NONE, "detail"),
    XML_NO_ELEMENT(Subject.NONE),
    MOODLE_ROOT_NOT_QUIZ(Subject.NONE, "element"),
    MOODLE_NOT_A_QUESTION(Subject.NONE, "element"),
    MOODLE_TYPE_UNSUPPORTED(Subject.MOODLE_QUESTION),
    MOODLE_NO_QUESTIONTEXT(Subject.MOODLE_QUESTION),
    MOODLE_TYPE_UNKNOWN(Subject.MOODLE_QUESTION),
    MOODLE_CLOZE_INVALID(Subject.MOODLE_QUESTION, "detail"),
    MOODLE_GAP_IN_REMOVED_MARKUP(Subject.MOODLE_QUESTION, "gap"),
    MOODLE_TWO_ANSWERS(Subject.MOODLE_QUESTION),
    MOODLE_NO_POSITIVE_ANSWER(Subject.MOODLE_QUESTION),
    MOODLE_SINGLE_NO_FULL(Subject.MOODLE_QUESTION),
    MOODLE_TRUE_FALSE_UNMARKED(Subject.MOODLE_QUESTION),
    MOODLE_NO_ACCEPTED_ANSWER(Subject.MOODLE_QUESTION),
    MOODLE_ANSWER_NOT_A_NUMBER(Subject.MOODLE_QUESTION, "value"),
    MOODLE_NO_RIGHT_NUMBER(Subject.MOODLE_QUESTION),
    MOODLE_UNITS_IGNORED(Subject.MOODLE_QUESTION),
    MOODLE_SUBQUESTION_NO_ANSWER(Subject.MOODLE_QUESTION),
    MOODLE_TWO_SUBQUESTIONS(Subject.MOODLE_QUESTION),
    MOODLE_FRACTION_RANGE(Subject.MOODLE_QUESTION, "fraction"),
    MOODLE_ANSWER_NO_TEXT(Subject.MOODLE_QUESTION),
    MOODLE_FILE_NO_NAME(Subject.MOODLE_QUESTION),
    MOODLE_FILE_NOT_BASE64(Subject.MOODLE_QUESTION, "file"),
    MOODLE_MEDIA_OVER_BUDGET(Subject.MOODLE_QUESTION, "file", "megabytes"),
    MOODLE_IMAGE_NOT_EMBEDDED(Subject.MOODLE_QUESTION, "image"),
    ANKI_SEPARATOR_UNKNOWN(Subject.NONE, "value"),
    ANKI_COLUMN_NUMBER(Subject.NONE, "header", "value"),
    ANKI_MATCH_HEADER_IGNORED(Subject.NONE, "header"),
    ANKI_NO_NOTES(Subject.NONE),
    ANKI_COLUMN_PAST_WIDTH(Subject.NONE, "header", "column", "width", "firstLine"),
    ANKI_ROW_PADDED(Subject.NONE, "fields", "width"),
    ANKI_ROW_EXTRA_FIELDS(Subject.NONE, "fields", "width"),
    ANKI_ROW_MISSING_FIELDS(Subject.NONE, "fields", "width"),
    ANKI_DUPLICATE_FRONT(Subject.NONE, "front", "earlierLine"),
    ANKI_BACK_EMPTY(Subject.NONE),
    CSV_QUOTE_NOT_CLOSED(Subject.NONE),
    ANKI_FRONT_EMPTY(Subject.NONE),
    ANKI_ONE_FIELD(Subject.NONE),
    ANKI_CLOZE_NO_DELETION(Subject.NONE),
    ANKI_CLOZE_DELETION_EMPTY(Subject.NONE, "deletion"),
    ANKI_CLOZE_DELETION_IN_REMOVED_MARKUP(Subject.NONE, "deletion"),
    ANKI_CLOZE_INVALID(Subject.NONE, "detail"),
    ZIP_TOO_MANY_ENTRIES(Subject.NONE, "max"),
    ZIP_BOMB(Subject.NONE, "megabytes", "ratio"),
    ZIP_DAMAGED(Subject.NONE, "detail"),
    NOT_A_ZIP(Subject.NONE),
    ZSTD_TOO_LARGE(Subject.NONE, "megabytes", "ratio"),
    APKG_META_UNREADABLE(Subject.NONE),
    APKG_NO_COLLECTION(Subject.NONE),
    APKG_COLLECTION_UNCOMPRESSABLE(Subject.NONE, "detail"),
    APKG_COLPKG_ONE_DECK(Subject.NONE),
    APKG_NOT_A_DATABASE(Subject.NONE, "reason"),
    APKG_UNREADABLE(Subject.NONE, "detail"),
    APKG_NOTE_TYPE_MISSING(Subject.NONE, "noteType"),
    APKG_MEDIA_MISSING(Subject.NONE, "file"),
    MEDIA_OVER_BUDGET(Subject.NONE, "file", "megabytes"),
    APKG_REVLOG_TOO_LONG(Subject.NONE, "entries", "max"),
    APKG_SCHEDULED_WITHOUT_REVLOG(Subject.NONE, "cards"),
    APKG_REVLOG_NOT_KEPT(Subject.NONE, "cards"),
    REVLOG_MANUAL_LEFT_OUT(Subject.NONE, "entries"),
    REVLOG_CARD_MISSING(Subject.NONE, "answers"),
    REVLOG_NO_QUESTION(Subject.NONE, "answers"),
    REVLOG_INVALID_LEFT_OUT(Subject.NONE, "entries"),
    APKG_NOTE_TYPES_UNREADABLE(Subject.NONE, "detail"),
    APKG_NOTE_TYPE_SETTINGS_UNREADABLE(Subject.NONE),
    APKG_NOTE_TYPE_KIND(Subject.NONE, "noteType", "kind"),
    APKG_MEDIA_LIST_UNREADABLE(Subject.NONE),
    SEPARATORS_DIFFER(Subject.NONE),
    NO_TERM_SEPARATOR(Subject.NONE, "row"),
    TERM_OR_DEFINITION_EMPTY(Subject.NONE),
    JSON_NOT_AN_EXPORT(Subject.NONE, "format", "version"),
    JSON_VERSION_NEWER(Subject.NONE, "version", "supported"),
    JSON_NO_ORIGINAL_TEXT(Subject.NONE, "language"),
    JSON_NO_QUESTION_IN_ORIGINAL(Subject.NONE),
    JSON_MEDIA_NO_DATA(Subject.NONE),
    JSON_MEDIA_NAME(Subject.NONE, "name"),
    JSON_MEDIA_TWICE(Subject.NONE, "name"),
    JSON_TOO_DEEP(Subject.NONE),
    JSON_MALFORMED(Subject.NONE, "detail"),
    JSON_NOT_ONE_OF(Subject.NONE, "path", "value", "allowed"),
    JSON_EXPECTED_ONE_OF(Subject.NONE, "path", "allowed"),
    JSON_VALUE_MISSING(Subject.NONE, "path"),
    JSON_EXPECTED_TEXT(Subject.NONE, "path"),
    JSON_EXPECTED_BOOLEAN(Subject.NONE, "path"),
    JSON_EXPECTED_NUMBER(Subject.NONE, "path"),
    JSON_EXPECTED_LIST(Subject.NONE, "path"),
    JSON_EXPECTED_OBJECT(Subject.NONE, "path"),
    JSON_EXPECTED_OTHER(Subject.NONE, "path"),
    MD_NO_HEADING(Subject.NONE),
    MD_EMPTY_HEADING(Subject.NONE),
    MD_HEADING_NO_ANSWER(Subject.NONE, "heading"),
    MD_HEADING_TWICE(Subject.NONE, "heading"),
    MD_DECK_ID_FORM(Subject.NONE, "deck"),
    MD_DECK_HEADER_LINE(Subject.NONE, "line"),
    MD_LANGUAGE_UNKNOWN(Subject.NONE, "language", "languages"),
    MD_DECK_HEADER_KEY(Subject.NONE, "key"),
    MD_DECK_NO_TITLE(Subject.NONE),
    MD_FOLLOW_UP_ITSELF(Subject.NONE, "question"),
    MD_FOLLOW_UP_UNKNOWN(Subject.NONE, "followUp", "question"),
    MD_DECK_NO_QUESTIONS(Subject.NONE),
    MD_KEY_LANGUAGE_UNKNOWN(Subject.NONE, "key", "language", "languages"),
    MD_QUESTION_ID_FORM(Subject.NONE, "id"),
    MD_QUESTION_ID_TWICE(Subject.NONE, "id"),
    MD_QUESTION_META_LINE(Subject.NONE, "line"),
    MD_KEY_TWICE(Subject.NONE, "key"),
    MD_SECTION_HEADING(Subject.NONE, "line"),
    MD_SECTION_UNKNOWN(Subject.NONE, "section", "sections"),
    MD_SECTION_TWICE(Subject.NONE, "section"),
    MD_SECTION_EMPTY(Subject.NONE, "section"),
    MD_KEY_UNKNOWN(Subject.NONE, "key"),
    MD_FOLLOW_UP_FORM(Subject.NONE, "followUp"),
    MD_NO_TYPE(Subject.NONE, "id"),
    MD_TYPE_UNKNOWN(Subject.NONE, "type"),
    MD_NO_PROMPT(Subject.NONE, "id"),
    MD_TRUE_FALSE_CORRECT(Subject.NONE),
    MD_KEY_NOT_FOR_TYPE(Subject.NONE, "key"),
    MD_NO_PROMPT_IN(Subject.NONE, "id", "language"),
    MD_NO_ANSWER_IN(Subject.NONE, "id", "language"),
    MD_KEY_POINTS_COUNT(Subject.NONE, "type", "language", "found"),
    MD_SECTION_NOT_FOR_TYPE(Subject.NONE, "section", "type"),
    MD_QUIZ_PART_MISSING(Subject.NONE, "type", "section"),
    MD_CLOZE_INVALID(Subject.NONE, "id", "language", "detail"),
    MD_ITEMS_PER_LANGUAGE(Subject.NONE, "id", "counts"),
    MD_RIGHT_CHOICES_DIFFER(Subject.NONE, "id"),
    MD_NUMERICAL_NEEDS_ANSWER(Subject.NONE),
    MD_RANGE_FORM(Subject.NONE, "range"),
    MD_CORRECT_NOT_A_NUMBER(Subject.NONE, "value"),
    MD_TOLERANCE_FORM(Subject.NONE, "value"),
    MD_CHOICE_LINE(Subject.NONE, "line"),
    MD_ACCEPTED_LINE(Subject.NONE, "line"),
    MD_PAIR_LINE(Subject.NONE, "line"),
    MD_SINGLE_CHOICE_FORM(Subject.NONE, "choices", "marked"),
    MD_MULTIPLE_CHOICE_FORM(Subject.NONE),
    MD_MATCHING_FORM(Subject.NONE),
    MD_WRONG_ANSWER_LINE(Subject.NONE, "line"),
    MD_LIST_ITEM_LINE(Subject.NONE, "line");

    /**
     * What a message about one question of a GIFT or Moodle XML file names first: the question (its name, when it has
     * one, and for Moodle its type), said in the page's words before the problem's own text.
     */
    public enum Subject {
        NONE,
        GIFT_QUESTION("question"),
        MOODLE_QUESTION("type", "question");

        private final List<String> params;

        Subject(String... params) {
            this.params = List.of(params);
        }
    }

    private static final Map<String, ProblemCode> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemCode::key, Function.identity()));

    private final Subject subject;
    private final List<String> ownParams;

    ProblemCode(Subject subject, String... params) {
        this.subject = subject;
        this.ownParams = List.of(params);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Subject subject() {
        return subject;
    }

    /** The values of the message itself: the parameters of its method in {@link ImpMessages}, in order. */
    public List<String> ownParams() {
        return ownParams;
    }

    /** What a parser gives: the subject's values first, then the message's own. */
    public List<String> params() {
        List<String> all = new ArrayList<>(subject.params);
        all.addAll(ownParams);
        return all;
    }

    /** The code of a key, null when there is none (a report recorded by an older version). */
    public static ProblemCode byKey(String key) {
        return key == null ? null : BY_KEY.get(key);
    }
}
