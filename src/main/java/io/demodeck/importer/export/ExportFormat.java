package io.demodeck.importer.export;

import io.demodeck.bank.DeckContent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The export formats; each one reads back with the importer of the same name. */
public enum ExportFormat {
    MARKDOWN("markdown", MarkdownExporter::export),
    GIFT("gift", GiftExporter::export),
    ANKI_CSV("anki-csv", AnkiCsvExporter::export),
    JSON("json", JsonExporter::export);

    private final String id;
    private final Function<DeckContent, Exported> exporter;

    ExportFormat(String id, Function<DeckContent, Exported> exporter) {
        this.id = id;
        this.exporter = exporter;
    }

    public String id() {
        return id;
    }

    public Exported export(DeckContent deck) {
        return exporter.apply(deck);
    }

    public static Optional<ExportFormat> fromId(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(s)).findFirst();
    }
}
