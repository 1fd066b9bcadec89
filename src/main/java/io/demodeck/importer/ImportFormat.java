package io.demodeck.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.importer.anki.AnkiTextParser;
import io.demodeck.importer.anki.ApkgParser;
import io.demodeck.importer.gift.GiftParser;
import io.demodeck.importer.json.JsonImportParser;
import io.demodeck.importer.markdown.MarkdownImportParser;
import io.demodeck.importer.moodle.MoodleXmlParser;
import io.demodeck.importer.quizlet.QuizletParser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The import formats, by the name the API and the form use. */
public enum ImportFormat {
    MARKDOWN("markdown", json -> new MarkdownImportParser()),
    GIFT("gift", json -> new GiftParser()),
    MOODLE_XML("moodle-xml", json -> new MoodleXmlParser()),
    ANKI_TEXT("anki-csv", json -> new AnkiTextParser()),
    ANKI_PACKAGE("apkg", ApkgParser::new),
    QUIZLET("quizlet", json -> new QuizletParser()),
    JSON("json", JsonImportParser::new);

    private static final Pattern GIFT_HINTS = Pattern.compile("(?m)^\\s*(\\$CATEGORY:|::[^:\\n]+::)|\\{\\s*(=|~|#|T\\s*}|F\\s*}|TRUE|FALSE)");

    private final String id;
    private final Function<ObjectMapper, ImportParser> parser;

    ImportFormat(String id, Function<ObjectMapper, ImportParser> parser) {
        this.id = id;
        this.parser = parser;
    }

    public String id() {
        return id;
    }

    /** @param json the application's mapper with the bounds of an import file ({@code JsonReadLimits.forFiles}) */
    public ImportParser parser(ObjectMapper json) {
        return parser.apply(json);
    }

    public static Optional<ImportFormat> fromId(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(s)
                || s.equals("csv") && f == ANKI_TEXT || s.equals("colpkg") && f == ANKI_PACKAGE
                || s.equals("xml") && f == MOODLE_XML || s.equals("md") && f == MARKDOWN).findFirst();
    }

    /** From the content first (a ZIP, XML, JSON, a DemoDeck header), then the extension; Quizlet is never guessed. */
    public static ImportFormat detect(String fileName, byte[] data) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (data.length >= 4 && data[0] == 'P' && data[1] == 'K' || name.endsWith(".apkg") || name.endsWith(".colpkg")) {
            return ANKI_PACKAGE;
        }
        String head = new String(data, 0, Math.min(data.length, 64 * 1024), StandardCharsets.UTF_8).replace("\uFEFF", "");
        String start = head.stripLeading();
        if (start.startsWith("<?xml") || start.startsWith("<quiz") || start.startsWith("<!DOCTYPE") || name.endsWith(".xml")) {
            return MOODLE_XML;
        }
        if (start.startsWith("{") && head.contains("\"demodeck-deck\"") || name.endsWith(".json")) {
            return JSON;
        }
        if (start.startsWith("# deck:") || name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (name.endsWith(".gift")) {
            return GIFT;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || start.startsWith("#separator:") || start.startsWith("#html:")) {
            return ANKI_TEXT;
        }
        return GIFT_HINTS.matcher(head).find() ? GIFT : ANKI_TEXT;
    }
}
