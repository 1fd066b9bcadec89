package io.demodeck.importer.export;

/**
 * Choices of one export.
 *
 * @param spreadsheetSafe anki-csv: a cell that starts with {@code = + - @}, a tab or a carriage return gets a leading
 *                        apostrophe, so a spreadsheet opening the file shows it instead of running it as a formula;
 *                        null means the format's default (on for anki-csv)
 */
public record ExportOptions(Boolean spreadsheetSafe) {

    public static ExportOptions defaults() {
        return new ExportOptions(null);
    }
}
