package io.demodeck.importer.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.importer.ImportLog;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportParser;
import io.demodeck.importer.ImportText;
import io.demodeck.importer.MediaFile;
import io.demodeck.importer.ParsedImport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads the JSON export back, with its files; the content checks of the import service apply as for every format.
 * Imported into another deck id than it was exported from, the questions' links to the files follow them.
 */
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
            log.error(1, "not a DemoDeck JSON export: expected {\"format\": \"demodeck-deck\", \"version\": " + DeckJson.VERSION
                    + ", \"deck\": {…}, \"media\": […]}");
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
                log.warning(where, "the media file '" + m.name() + "' is not stored: the files of one import may total at most "
                        + MediaFile.MAX_BYTES_PER_IMPORT / (1024 * 1024) + " MB");
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
                    t.keyPoints().stream().map(link).toList(), link.apply(t.accurateNote()), link.apply(t.generalFeedback()))));
            List<QuestionContent.Option> options = q.options().stream().map(o -> new QuestionContent.Option(o.lang(),
                    o.position(), link.apply(o.text()), link.apply(o.matchText()), o.fraction(), link.apply(o.feedback()))).toList();
            return new QuestionContent(q.externalId(), q.type(), q.tags(), q.demoIds(), q.source(), q.originalLanguage(),
                    q.correctBoolean(), q.correctMin(), q.correctMax(), qt, options, q.line());
        }).toList();
        return new DeckContent(deck.externalId(), deck.originalLanguage(), deck.source(), texts, questions);
    }
}
