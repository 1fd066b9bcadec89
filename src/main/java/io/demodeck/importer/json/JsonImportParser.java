package io.demodeck.importer.json;

import io.demodeck.bank.DeckIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.bank.QuestionType;
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

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Pattern DECK_ID = DeckIds.PATTERN;

    @Override
    public ParsedImport parse(byte[] data, String fileName, ImportOptions options) {
        ImportLog log = new ImportLog();
        String text = ImportText.utf8(data, log);
        if (text == null) {
            return ParsedImport.rejected(log);
        }
        DeckJson json;
        try {
            json = MAPPER.readValue(text, DeckJson.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? 1 : e.getLocation().getLineNr();
            log.error(line, "not a DemoDeck JSON export: " + why(e));
            return ParsedImport.rejected(log);
        }
        if (json == null || !DeckJson.FORMAT.equals(json.format()) || json.deck() == null) {
            log.error(1, "not a DemoDeck JSON export: expected {\"format\": \"demodeck-deck\", \"version\": " + DeckJson.VERSION
                    + ", \"deck\": {…}, \"media\": […]}");
            return ParsedImport.rejected(log);
        }
        if (json.version() > DeckJson.VERSION) {
            log.error(1, "JSON export version " + json.version() + " is newer than this server understands (" + DeckJson.VERSION + ")");
            return ParsedImport.rejected(log);
        }
        DeckContent deck = json.deck();
        if (options.deck() == null && deck.externalId() != null && !DECK_ID.matcher(deck.externalId()).matches()) {
            log.error("deck.externalId", "the deck id '" + ImportText.abbreviate(deck.externalId())
                    + "' must be lower-case letters, digits and '-' (at most 100)");
            return ParsedImport.rejected(log);
        }
        if (deck.questions().isEmpty()) {
            log.error("deck.questions", "the deck has no questions");
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
                log.skip("deck.questions[" + i + "]", "the question has no text in its original language '"
                        + q.originalLanguage() + "'");
                continue;
            }
            questions.add(withoutLine(q));
        }
        if (questions.isEmpty()) {
            log.error("deck.questions", "no question has a text in its original language");
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
                log.warning(where, "a media entry without data is left out");
                continue;
            }
            if (!MediaFile.isStoredName(m.name())) {
                log.warning(where, "the media file name '" + ImportText.abbreviate(String.valueOf(m.name()))
                        + "' is not one DemoDeck stores (letters, digits, '.', '_', '-'); the file is left out");
                continue;
            }
            if (files.containsKey(m.name())) {
                log.warning(where, "the media file '" + m.name() + "' comes twice; the first one is kept");
                continue;
            }
            if (total + m.data().length > MediaFile.MAX_BYTES_PER_IMPORT) {
                log.warning(where, MediaFile.overBudget(m.name()));
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
    private static String why(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "the document is nested too deeply or a value is too long";
        }
        if (!(e instanceof JsonMappingException m)) {
            String original = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
            return ImportText.abbreviate(original.replaceAll(" ?\\(code -?\\d+\\)", ""));
        }
        String at = path(m);
        if (m instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return at + "'" + ImportText.abbreviate(String.valueOf(f.getValue())) + "' is not one of "
                    + Arrays.toString(f.getTargetType().getEnumConstants());
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return at + "expected " + kind(mi.getTargetType());
        }
        return at + "a required value is missing, null or of the wrong kind";
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
        return sb.isEmpty() ? "" : "at " + ImportText.abbreviate(sb.toString()) + ": ";
    }

    private static String kind(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == QuestionType.class) {
            return "one of " + Arrays.toString(QuestionType.values());
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list [ … ]";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object { … }";
        }
        return "another kind of value";
    }
}
