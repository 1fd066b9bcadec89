package io.demodeck.importer.json;

import io.demodeck.importer.ProblemCode;

import io.demodeck.deck.DeckIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.ImportLog;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportParser;
import io.demodeck.importer.ImportText;
import io.demodeck.importer.MediaFile;
import io.demodeck.importer.ParsedImport;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads the JSON export back, with its files; the content checks of the import service apply as for every format.
 * Imported into another deck id than it was exported from, the questions' links to the files follow them.
 */
public final class JsonImportParser implements ImportParser {

    private static final Pattern DECK_ID = DeckIds.PATTERN;

    private final ObjectMapper json;

    /** @param json the application's mapper with the bounds of an import file ({@code JsonReadLimits.forFiles}) */
    public JsonImportParser(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ParsedImport parse(byte[] data, String fileName, ImportOptions options) {
        ImportLog log = new ImportLog();
        String text = ImportText.utf8(data, log);
        if (text == null) {
            return ParsedImport.rejected(log);
        }
        DeckJson json;
        try {
            // unknown properties are skipped (the application's setting): a later export's additions do not fail
            json = this.json.readValue(text, DeckJson.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? 1 : e.getLocation().getLineNr();
            why(e, line, log);
            return ParsedImport.rejected(log);
        }
        if (json == null || !DeckJson.FORMAT.equals(json.format()) || json.deck() == null) {
            log.error(1, ProblemCode.JSON_NOT_AN_EXPORT, DeckJson.FORMAT, DeckJson.VERSION);
            return ParsedImport.rejected(log);
        }
        if (json.version() > DeckJson.VERSION) {
            log.error(1, ProblemCode.JSON_VERSION_NEWER, json.version(), DeckJson.VERSION);
            return ParsedImport.rejected(log);
        }
        DeckContent deck = json.deck();
        if (options.deck() == null && deck.externalId() != null && !DECK_ID.matcher(deck.externalId()).matches()) {
            log.error("deck.externalId", ProblemCode.DECK_ID_FORM, ImportText.abbreviate(deck.externalId()));
            return ParsedImport.rejected(log);
        }
        if (deck.questions().isEmpty()) {
            log.error("deck.questions", ProblemCode.NO_QUESTIONS);
            return ParsedImport.rejected(log);
        }
        String deckId = options.deck() != null ? options.deck()
                : deck.externalId() != null ? deck.externalId() : ImportText.deckIdFromFileName(fileName);
        // "line" in an export is no line of this file: problems name the question by its position instead
        List<QuestionContent> questions = new java.util.ArrayList<>();
        for (int i = 0; i < deck.questions().size(); i++) {
            QuestionContent q = deck.questions().get(i);
            if (q.originalLanguage() == null || !q.texts().containsKey(q.originalLanguage())) {
                // every page and export shows a question in its original language
                log.skip("deck.questions[" + i + "]", ProblemCode.JSON_NO_ORIGINAL_TEXT, String.valueOf(q.originalLanguage()));
                continue;
            }
            questions.add(withoutLine(q));
        }
        if (questions.isEmpty()) {
            log.error("deck.questions", ProblemCode.JSON_NO_QUESTION_IN_ORIGINAL);
            return ParsedImport.rejected(log);
        }
        deck = new DeckContent(deckId, deck.originalLanguage(), deck.source(), deck.texts(), questions);
        if (deck.externalId() != null && json.deck().externalId() != null && !deckId.equals(json.deck().externalId())) {
            deck = retarget(deck, mediaPath(json.deck().externalId()), mediaPath(deckId));
        }
        List<MediaFile> media = media(json.media(), log);
        return new ParsedImport(deck, log.problems(), 0, media);
    }

    /** The files as stored: names as the media table holds them, the type from the name (never the file's claim). */
    private static List<MediaFile> media(List<DeckJson.Media> entries, ImportLog log) {
        if (entries == null) {
            return List.of();
        }
        Map<String, MediaFile> files = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            DeckJson.Media m = entries.get(i);
            String where = "media " + (i + 1);
            if (m == null || m.data() == null) {
                log.warning(where, ProblemCode.JSON_MEDIA_NO_DATA);
                continue;
            }
            if (!MediaFile.isStoredName(m.name())) {
                log.warning(where, ProblemCode.JSON_MEDIA_NAME, ImportText.abbreviate(String.valueOf(m.name())));
                continue;
            }
            if (files.containsKey(m.name())) {
                log.warning(where, ProblemCode.JSON_MEDIA_TWICE, m.name());
                continue;
            }
            if (total + m.data().length > MediaFile.MAX_BYTES_PER_IMPORT) {
                log.warning(where, ProblemCode.MEDIA_OVER_BUDGET, m.name(), MediaFile.MAX_BYTES_PER_IMPORT / (1024 * 1024));
                continue;
            }
            total += m.data().length;
            files.put(m.name(), new MediaFile(m.name(), MediaFile.contentTypeOf(m.name()), m.data()));
        }
        return List.copyOf(files.values());
    }

    private static String mediaPath(String deckId) {
        return "/decks/" + deckId + "/media/";
    }

    /** Every text with links to the files of deck {@code from} linking to deck {@code to} instead. */
    private static DeckContent retarget(DeckContent deck, String from, String to) {
        UnaryOperator<String> link = s -> s == null ? null : s.replace(from, to);
        Map<String, DeckContent.Text> texts = new LinkedHashMap<>();
        deck.texts().forEach((lang, t) -> texts.put(lang, new DeckContent.Text(t.title(), link.apply(t.description()))));
        List<QuestionContent> questions = deck.questions().stream().map(q -> {
            Map<String, QuestionContent.Text> qt = new LinkedHashMap<>();
            q.texts().forEach((lang, t) -> qt.put(lang, new QuestionContent.Text(link.apply(t.prompt()), link.apply(t.answer()),
                    t.keyPoints().stream().map(link).toList(), link.apply(t.accurateNote()), link.apply(t.generalFeedback()),
                    t.wrongAnswers().stream().map(w -> new QuestionContent.WrongAnswer(link.apply(w.claim()),
                            link.apply(w.why()))).toList())));
            List<QuestionContent.Option> options = q.options().stream().map(o -> new QuestionContent.Option(o.lang(),
                    o.position(), link.apply(o.text()), link.apply(o.matchText()), o.fraction(), link.apply(o.feedback()))).toList();
            return new QuestionContent(q.externalId(), q.type(), q.tags(), q.demoIds(), q.source(), q.originalLanguage(),
                    q.correctBoolean(), q.correctMin(), q.correctMax(), qt, options, q.line(), q.followUps(), q.title());
        }).toList();
        return new DeckContent(deck.externalId(), deck.originalLanguage(), deck.source(), texts, questions);
    }

    private static QuestionContent withoutLine(QuestionContent q) {
        return q == null ? null : q.withLine(0);
    }

    /** What is wrong, in the file's terms: the JSON path and the kind of value expected, no Java types. */
    private static void why(JsonProcessingException e, int line, ImportLog log) {
        if (e instanceof StreamConstraintsException) {
            log.error(line, ProblemCode.JSON_TOO_DEEP);
            return;
        }
        if (!(e instanceof JsonMappingException m)) {
            // the JSON parser's own words (English, from Jackson) say what is malformed
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            log.error(line, ProblemCode.JSON_MALFORMED, ImportText.abbreviate(original.replaceAll(" ?\\(code -?\\d+\\)", "")));
            return;
        }
        String at = path(m);
        if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            log.error(line, ProblemCode.JSON_NOT_ONE_OF, at, ImportText.abbreviate(String.valueOf(f.getValue())),
                    Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")));
            return;
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() == QuestionType.class) {
            log.error(line, ProblemCode.JSON_EXPECTED_ONE_OF, at, Arrays.toString(QuestionType.values()));
            return;
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            log.error(line, kind(mi.getTargetType()), at);
            return;
        }
        log.error(line, ProblemCode.JSON_VALUE_MISSING, at);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return ImportText.abbreviate(sb.toString());
    }

    /** The problem of a value of the wrong kind, by the kind expected; each takes the JSON path. */
    private static ProblemCode kind(Class<?> type) {
        if (type == String.class) {
            return ProblemCode.JSON_EXPECTED_TEXT;
        }
        if (type == Boolean.class || type == boolean.class) {
            return ProblemCode.JSON_EXPECTED_BOOLEAN;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return ProblemCode.JSON_EXPECTED_NUMBER;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return ProblemCode.JSON_EXPECTED_LIST;
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return ProblemCode.JSON_EXPECTED_OBJECT;
        }
        return ProblemCode.JSON_EXPECTED_OTHER;
    }
}
