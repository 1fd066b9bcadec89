package io.demodeck.importer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A file's own review history (Anki's {@code revlog}) as answers of the uploader, mapped to the imported
 * questions, with what could not be mapped. Applied by {@link ReviewHistoryImport}.
 *
 * @param answers   the entries that are answers on an imported question, oldest first
 * @param entries   every entry read, including the skipped ones
 * @param manual    entries that are no answer: manual rescheduling (set due date, forget, reset) or ease 0
 * @param unmapped  answers whose card has no question in this import (a skipped note, a card ordinal without a
 *                  question, a card that is not in the package)
 * @param invalid   entries with a rating or kind this format does not define, or a time before 1970 or in the
 *                  future
 */
public record ImportedHistory(List<Answer> answers, int entries, int manual, int unmapped, int invalid) {

    public ImportedHistory {
        answers = List.copyOf(answers);
    }

    /**
     * One answer as the file recorded it.
     *
     * @param questionId     the imported question's stable id in the deck
     * @param rating         1 again, 2 hard, 3 good, 4 easy
     * @param clientReviewId derived from the entry, so importing the same file again adds nothing
     * @param sourceDeck     the deck the file filed the card in, for the per-deck counts
     * @param ref            where in the file (e.g. {@code note 1712345678901})
     */
    public record Answer(String questionId, int rating, Instant reviewedAt, int durationMs, UUID clientReviewId,
                         String sourceDeck, String ref) {
    }

    /** The answers on questions the import keeps; the others count as unmapped. */
    public ImportedHistory onlyFor(Set<String> questionIds) {
        List<Answer> kept = answers.stream().filter(a -> questionIds.contains(a.questionId())).toList();
        return new ImportedHistory(kept, entries, manual, unmapped + answers.size() - kept.size(), invalid);
    }

    /** Answers per source deck, in the order the decks first appear. */
    public static Map<String, Integer> perDeck(List<Answer> answers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        answers.forEach(a -> counts.merge(a.sourceDeck() == null ? "" : a.sourceDeck(), 1, Integer::sum));
        return counts;
    }
}
