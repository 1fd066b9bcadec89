package io.demodeck.importer.json;

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
import io.demodeck.importer.ParsedImport;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the JSON export back; the content checks of the import service apply as for every format. */
public final class JsonImportParser implements ImportParser {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Pattern DECK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

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
            log.error(1, "not a DemoDeck JSON export: expected {\"format\": \"demodeck-deck\", \"version\": 1, \"deck\": {…}}");
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
        List<QuestionContent> questions = deck.questions().stream().map(JsonImportParser::withoutLine).toList();
        deck = new DeckContent(deckId, deck.originalLanguage(), deck.source(), deck.texts(), questions);
        return new ParsedImport(deck, log.problems(), 0, List.of());
    }

    private static QuestionContent withoutLine(QuestionContent q) {
        return q == null ? null : new QuestionContent(q.externalId(), q.type(), q.tags(), q.demoIds(), q.source(),
                q.originalLanguage(), q.correctBoolean(), q.correctMin(), q.correctMax(), q.texts(), q.options(), 0);
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
