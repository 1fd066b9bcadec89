package io.demodeck.review.scheduler;

import java.time.Instant;
import java.util.Objects;

/**
 * The scheduling state of one card. Stability and difficulty are null only for a new card; step is
 * null outside the (re)learning states.
 */
public record CardState(State state, Integer step, Double stability, Double difficulty, Instant due,
                        Instant lastReview, int reps, int lapses) {

    public CardState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
        if (state != State.NEW && (stability == null || difficulty == null)) {
            throw new IllegalArgumentException("a " + state + " card needs stability and difficulty");
        }
        if (reps < 0 || lapses < 0) {
            throw new IllegalArgumentException("reps and lapses must be >= 0");
        }
    }

    /** A card that has never been graded, available from {@code createdAt}. */
    public static CardState newCard(Instant createdAt) {
        return new CardState(State.NEW, null, null, null, createdAt, null, 0, 0);
    }
}
