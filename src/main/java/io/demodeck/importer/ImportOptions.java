package io.demodeck.importer;

/**
 * Choices the instructor makes for one import.
 *
 * @param deck          target deck id; null derives it from the file (Markdown header, file name)
 * @param language      {@code ru} or {@code en}; null guesses it from the script of the text
 * @param termSeparator Quizlet: between term and definition (default tab)
 * @param rowSeparator  Quizlet: between rows (default newline)
 */
public record ImportOptions(String deck, String language, String termSeparator, String rowSeparator) {

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null);
    }

    public ImportOptions withDeck(String deckId) {
        return new ImportOptions(deckId, language, termSeparator, rowSeparator);
    }
}
