package io.demodeck.study;

import io.demodeck.review.LearnAhead;
import io.demodeck.review.ReviewService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the study page shows next: the queue's next due card; when nothing is due, a learning card due within the
 * learn-ahead limit; otherwise the done page, with the moment the next learning card can be shown (its due time
 * less the limit) so the page can count down to it.
 */
@ApplicationScoped
public class StudySession {

    @Inject
    ReviewService reviews;

    @Inject
    LearnAhead learnAhead;

    public sealed interface Step {
    }

    /** A card due now, with its previewed outcomes and the day's counts. */
    public record Due(ReviewService.StudyBatch batch) implements Step {
        public ReviewService.NextCard card() {
            return batch.cards().getFirst();
        }
    }

    /** Nothing is due; this learning card comes due within the learn-ahead limit and is shown now. */
    public record Ahead(long questionId) implements Step {
    }

    /** Nothing to show now; {@code nextCardAt} is when a learning card will be shown (null: none today). */
    public record Done(Instant nextCardAt) implements Step {
    }

    /** Empty when there is no such deck. */
    public Optional<Step> next(long userId, String deckExternalId, long deckId, Instant now) {
        Optional<ReviewService.StudyBatch> batch = reviews.nextCards(userId, deckExternalId, now, 1);
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        if (!batch.get().cards().isEmpty()) {
            return Optional.of(new Due(batch.get()));
        }
        Duration limit = learnAhead.limit(userId);
        Optional<Long> ahead = learnAhead.questionWithin(userId, deckId, now, limit);
        if (ahead.isPresent()) {
            return Optional.of(new Ahead(ahead.get()));
        }
        Instant at = learnAhead.nextLearningDue(userId, deckId).map(due -> due.minus(limit))
                .map(shownAt -> shownAt.isBefore(now) ? now : shownAt).orElse(null);
        return Optional.of(new Done(at));
    }
}
