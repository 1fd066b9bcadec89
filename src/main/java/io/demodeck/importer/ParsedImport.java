package io.demodeck.importer;

import io.demodeck.bank.DeckContent;

import java.util.List;

/**
 * What a parser made of a file: the deck (null when nothing can be imported), every problem, how many
 * questions were reported and left out, the embedded files, and the file's own review history (null when the
 * format has none or the instructor chose not to keep it).
 */
public record ParsedImport(DeckContent deck, List<ImportProblem> problems, int skipped, List<MediaFile> media,
                           ImportedHistory history) {

    public ParsedImport {
        problems = List.copyOf(problems);
        media = List.copyOf(media);
    }

    public ParsedImport(DeckContent deck, List<ImportProblem> problems, int skipped, List<MediaFile> media) {
        this(deck, problems, skipped, media, null);
    }

    public static ParsedImport rejected(ImportLog log) {
        return new ParsedImport(null, log.problems(), log.skipped(), List.of());
    }

    public boolean rejected() {
        return deck == null;
    }
}
