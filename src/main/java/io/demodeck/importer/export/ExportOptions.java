package io.demodeck.importer.export;

/**
 * Choices of one export.
 *
 * @param spreadsheetSafe anki-csv: a cell that starts with {@code = + - @}, a tab or a carriage return gets a leading
 *                        apostrophe, so a spreadsheet opening the file shows it instead of running it as a formula;
 *                        null means the format's default (on for anki-csv)
 * @param progress        apkg: the learner's own card states and review log to carry into Anki; null for none
 */
public record ExportOptions(Boolean spreadsheetSafe, AnkiProgress progress) {

    public ExportOptions(Boolean spreadsheetSafe) {
        this(spreadsheetSafe, null);
    }

    public static ExportOptions defaults() {
        return new ExportOptions(null, null);
    }

    public ExportOptions withProgress(AnkiProgress learnerProgress) {
        return new ExportOptions(spreadsheetSafe, learnerProgress);
    }
}
