package io.demodeck.review;

import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.State;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * A card's FSRS state as the database stores it: the columns of {@code card}, and with the suffix {@code _before} those
 * of {@code review_log} (mapped with attribute overrides there). The one row form of {@link CardState}, which stays
 * free of persistence types; {@link CardStore} reads and binds the same columns over plain JDBC.
 */
@Embeddable
public record StoredState(
        @Column(name = "state", nullable = false) short state,
        @Column(name = "step") Short step,
        @Column(name = "stability") Double stability,
        @Column(name = "difficulty") Double difficulty,
        @Column(name = "due", nullable = false) Instant due,
        @Column(name = "last_review") Instant lastReview,
        @Column(name = "reps", nullable = false) int reps,
        @Column(name = "lapses", nullable = false) int lapses) {

    static StoredState of(CardState s) {
        return new StoredState((short) s.state().code(), s.step() == null ? null : s.step().shortValue(), s.stability(),
                s.difficulty(), s.due(), s.lastReview(), s.reps(), s.lapses());
    }

    CardState toCardState() {
        return new CardState(State.fromCode(state), step == null ? null : (int) step, stability, difficulty, due,
                lastReview, reps, lapses);
    }
}
