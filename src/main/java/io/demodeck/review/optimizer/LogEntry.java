package io.demodeck.review.optimizer;

import java.time.Instant;

/**
 * One answer of a learner's review log, as the optimizer reads it.
 *
 * @param rating   1..4 (Again..Easy); 0 for a manual entry (a rescheduling that was not an answer), which is dropped
 * @param firstReview true when the card was new before this answer: the card's first review, or its first after a reset
 */
public record LogEntry(long cardId, Instant reviewedAt, int rating, boolean firstReview) {
}
