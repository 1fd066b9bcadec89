package io.demodeck.review;

import io.demodeck.review.scheduler.State;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A learner's scheduling state for one question, as mobile clients store it. */
public record ApiCard(
        long questionId,
        @Schema(description = "NEW (never answered), LEARNING, REVIEW or RELEARNING") State state,
        @Schema(description = "index of the current (re)learning step; null in NEW and REVIEW") Integer step,
        @Schema(description = "FSRS stability in days; null before the first answer") Double stability,
        @Schema(description = "FSRS difficulty, 1 to 10; null before the first answer") Double difficulty,
        @Schema(description = "when the card is due next") Instant due,
        @Schema(description = "when it was last answered; null before the first answer") Instant lastReview,
        @Schema(description = "answers so far") int reps,
        @Schema(description = "times a card in REVIEW was forgotten (answered Again)") int lapses) {

    static ApiCard of(ReviewService.CardView c) {
        return new ApiCard(c.questionId(), c.state(), c.step(), c.stability(), c.difficulty(), c.due(), c.lastReview(),
                c.reps(), c.lapses());
    }
}
