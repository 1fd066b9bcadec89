package io.demodeck.importer;

/**
 * Choices the instructor makes for one import.
 *
 * @param deck          target deck id; null derives it from the file (Markdown header, file name)
 * @param language      {@code ru} or {@code en}; null guesses it from the script of the text
 * @param termSeparator Quizlet: between term and definition (default tab)
 * @param rowSeparator  Quizlet: between rows (default newline)
 * @param keepHistory   Anki packages: carry the review log over as the uploader's answers; null means the
 *                      format's default (yes for {@code .apkg}/{@code .colpkg}; other formats have no history)
 */
public record ImportOptions(String deck, String language, String termSeparator, String rowSeparator,
                            Boolean keepHistory) {

    public ImportOptions(String deck, String language, String termSeparator, String rowSeparator) {
        this(deck, language, termSeparator, rowSeparator, null);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null, null);
    }

    public ImportOptions withDeck(String deckId) {
        return new ImportOptions(deckId, language, termSeparator, rowSeparator, keepHistory);
    }

    /** Whether a file's own review history is carried over: unless the instructor said no. */
    public boolean keepsHistory() {
        return !Boolean.FALSE.equals(keepHistory);
    }
}
