package io.demodeck.api;

import io.demodeck.review.ReviewService;
import io.demodeck.review.scheduler.State;

import java.time.Instant;

/** A learner's scheduling state for one question, as mobile clients store it. */
public record ApiCard(long questionId, State state, Integer step, Double stability, Double difficulty, Instant due,
                      Instant lastReview, int reps, int lapses) {

    static ApiCard of(ReviewService.CardView c) {
        return new ApiCard(c.questionId(), c.state(), c.step(), c.stability(), c.difficulty(), c.due(), c.lastReview(),
                c.reps(), c.lapses());
    }
}
