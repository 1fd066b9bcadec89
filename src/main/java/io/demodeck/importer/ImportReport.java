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
 */
public record ImportReport(Long importId, String fileName, String sha256, String format, boolean dryRun,
                           String outcome, String deck, Long deckId, int questions, Map<String, Integer> countsByType,
                           Counts counts, int mediaFiles, List<ImportProblem> problems) {

    public record Counts(int created, int updated, int unchanged, int skipped, int retired) {
    }

    ImportReport withId(Long id) {
        return new ImportReport(id, fileName, sha256, format, dryRun, outcome, deck, deckId, questions, countsByType,
                counts, mediaFiles, problems);
    }

    public boolean rejected() {
        return "rejected".equals(outcome);
    }
}
