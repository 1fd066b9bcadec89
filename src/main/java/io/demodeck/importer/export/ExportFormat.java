package io.demodeck.importer.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.bank.DeckContent;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The export formats; each one reads back with the importer of the same name. */
public enum ExportFormat {
    MARKDOWN("markdown", "md", "text/markdown", (deck, media, out, options) -> MarkdownExporter.write(deck, media, out)),
    GIFT("gift", "gift.txt", "text/plain", (deck, media, out, options) -> GiftExporter.write(deck, media, out)),
    ANKI_CSV("anki-csv", "txt", "text/tab-separated-values", AnkiCsvExporter::write),
    MOODLE_XML("moodle-xml", "xml", "application/xml", null),
    JSON("json", "json", "application/json", null),
    /** Anki 2.1.50+: a legacy schema-11 collection with the media it shows, optionally a learner's progress. */
    APKG("apkg", "apkg", "application/apkg", null);

    /** Writes a deck as text and returns what the format could not carry. */
    interface TextWriter {
        List<String> write(DeckContent deck, List<String> media, Writer out, ExportOptions options) throws IOException;
    }

    private final String id;
    private final String extension;
    private final String mediaType;
    private final TextWriter text;

    ExportFormat(String id, String extension, String mediaType, TextWriter text) {
        this.id = id;
        this.extension = extension;
        this.mediaType = mediaType;
        this.text = text;
    }

    public String id() {
        return id;
    }

    /** A binary file: served without a charset. */
    public boolean binary() {
        return this == APKG;
    }

    /**
     * The export of a deck with its stored files. JSON carries them (base64) and is streamed; the text formats keep
     * the links and count each file in the warnings, which the response header says, so a text export is written
     * once into memory first (about the size of the deck, which is in memory already).
     *
     * @param json the application's mapper (the JSON export writes the deck model with it)
     */
    public Exported export(DeckContent deck, MediaSource media, ObjectMapper json) {
        return export(deck, media, ExportOptions.defaults(), json);
    }

    public Exported export(DeckContent deck, MediaSource media, ExportOptions options, ObjectMapper json) {
        if (this == JSON) {
            return new Exported(extension, mediaType, List.of(), out -> JsonExporter.write(deck, media, out, json));
        }
        if (this == APKG) {
            return new ApkgExporter().export(deck, media, options.progress());
        }
        if (this == MOODLE_XML) {
            // the files the questions show are embedded: read once while the XML is written into memory
            StringWriter xml = new StringWriter();
            List<String> warnings;
            try {
                warnings = MoodleXmlExporter.write(deck, media, xml);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
            return new Exported(extension, mediaType, warnings, out -> out.write(body));
        }
        StringWriter written = new StringWriter();
        List<String> warnings;
        try {
            warnings = text.write(deck, media.names(), written, options);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        byte[] body = written.toString().getBytes(StandardCharsets.UTF_8);
        return new Exported(extension, mediaType, warnings, out -> out.write(body));
    }

    /** The format names, as the API lists them. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ExportFormat::id).toList());
    }

    public static Optional<ExportFormat> fromId(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(s)).findFirst();
    }
}
