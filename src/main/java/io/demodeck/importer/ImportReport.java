package io.demodeck.importer;

import java.util.List;
import java.util.Map;

/**
 * What a preview or an import found and did; the body of {@code POST /api/v1/imports} and the audit record.
 *
 * @param outcome      {@code previewed}, {@code applied} or {@code rejected}
 * @param countsByType questions per type ({@code single_choice} …) that can be imported
 * @param counts       what the import creates / created, updates, leaves unchanged, skips and retires
 * @param problems     every error and warning with its line (or note id) and what to fix
 * @param history      the file's review history carried over as the uploader's answers; null when the format has
 *                     none or it was not kept
 */
public record ImportReport(Long importId, String fileName, String sha256, String format, boolean dryRun,
                           String outcome, String deck, Long deckId, int questions, Map<String, Integer> countsByType,
                           Counts counts, int mediaFiles, List<ImportProblem> problems, History history) {

    public record Counts(int created, int updated, int unchanged, int skipped, int retired) {
    }

    /**
     * @param entries           review-log entries in the file
     * @param carriedOver       answers added to the uploader's history (a dry run: that would be added)
     * @param alreadyImported   answers an earlier import of this file into this deck added already
     * @param skippedManual     manual rescheduling entries (set due date, forget): no answer, left out
     * @param skippedUnmapped   answers whose card has no question in this import, left out
     * @param skippedInvalid    entries with an unknown rating or kind, or a time before 1970 or in the future, left out
     * @param carriedOverByDeck {@code carriedOver} per deck of the file (Anki deck name)
     */
    public record History(int entries, int carriedOver, int alreadyImported, int skippedManual, int skippedUnmapped,
                          int skippedInvalid, Map<String, Integer> carriedOverByDeck) {
    }

    ImportReport withId(Long id) {
        return new ImportReport(id, fileName, sha256, format, dryRun, outcome, deck, deckId, questions, countsByType,
                counts, mediaFiles, problems, history);
    }

    public boolean rejected() {
        return "rejected".equals(outcome);
    }
}
