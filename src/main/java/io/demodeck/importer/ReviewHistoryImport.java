package io.demodeck.importer;

import io.demodeck.bank.Question;
import io.demodeck.review.ReviewService;
import io.demodeck.review.scheduler.Rating;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Carries a file's review history over as the uploader's answers, through the same grading as every other
 * answer ({@link ReviewService#gradeAllInTimeOrder}): the uploader's cards end as a replay of their log, their own
 * DemoDeck answers on the same questions stay and are ordered by time, and importing the file again adds nothing.
 */
@ApplicationScoped
public class ReviewHistoryImport {

    static final String ORIGIN = "import";

    @Inject
    ReviewService reviews;

    /** The dry run: what {@link #apply} would carry over. */
    public ImportReport.History plan(long userId, ImportedHistory history) {
        Set<UUID> applied = reviews.alreadyApplied(userId, clientIds(history));
        List<ImportedHistory.Answer> fresh = history.answers().stream()
                .filter(a -> !applied.contains(a.clientReviewId())).toList();
        return report(history, fresh.size(), history.answers().size() - fresh.size(), ImportedHistory.perDeck(fresh));
    }

    /** Applies the history in the caller's transaction, after the deck's questions were written. */
    public ImportReport.History apply(long userId, long deckId, ImportedHistory history) {
        Map<String, Long> questionIds = Question.idsByExternalId(deckId);
        List<ReviewService.Answer> answers = new ArrayList<>(history.answers().size());
        for (ImportedHistory.Answer a : history.answers()) {
            answers.add(new ReviewService.Answer(questionIds.get(a.questionId()), Rating.fromGrade(a.rating()),
                    a.reviewedAt(), a.durationMs(), a.clientReviewId()));
        }
        ReviewService.BatchResult result = reviews.gradeAllInTimeOrder(userId, answers, ORIGIN);
        List<ImportedHistory.Answer> carried = history.answers().stream()
                .filter(a -> result.applied().contains(a.clientReviewId())).toList();
        return report(history, carried.size(), result.alreadyApplied(), ImportedHistory.perDeck(carried));
    }

    private static List<UUID> clientIds(ImportedHistory history) {
        return history.answers().stream().map(ImportedHistory.Answer::clientReviewId).toList();
    }

    private static ImportReport.History report(ImportedHistory h, int carried, int already, Map<String, Integer> perDeck) {
        return new ImportReport.History(h.entries(), carried, already, h.manual(), h.unmapped(), h.invalid(),
                new LinkedHashMap<>(perDeck));
    }
}
