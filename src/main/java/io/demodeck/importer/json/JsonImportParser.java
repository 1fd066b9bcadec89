package io.demodeck.importer.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.bank.DeckContent;
import io.demodeck.importer.ImportLog;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportParser;
import io.demodeck.importer.ImportText;
import io.demodeck.importer.ParsedImport;

import java.util.List;

/** Reads the JSON export back; the content checks of the import service apply as for every format. */
public final class JsonImportParser implements ImportParser {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String why = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
            log.error(line, "not a DemoDeck JSON export: " + ImportText.abbreviate(why.replaceAll("\\(.*", "")));
            return ParsedImport.rejected(log);
        } catch (RuntimeException e) {
            log.error(0, "not a DemoDeck JSON export: a required part is missing or null");
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
        String deckId = options.deck() != null ? options.deck()
                : deck.externalId() != null ? deck.externalId() : ImportText.deckIdFromFileName(fileName);
        deck = new DeckContent(deckId, deck.originalLanguage(), deck.source(), deck.texts(), deck.questions());
        return new ParsedImport(deck, log.problems(), 0, List.of());
    }
}
