package io.demodeck.review;

import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Outcome;

import java.util.Set;

/**
 * Answers given before the card was due by the learner's choice: review ahead ({@code ahead}) and custom sessions
 * by tag or of today's failed cards ({@code custom}); the log flags them as {@code early} (V170). They move the card
 * like any answer (FSRS uses the real elapsed time), but an Again among them is no lapse: a card that was not due
 * yet has not been forgotten at its interval, so the card's lapse count stays as it was (issue 15), just as true
 * retention leaves these answers out.
 */
final class EarlyAnswers {

    /** The origins the log's generated column {@code early} is true for (V170). */
    static final Set<String> ORIGINS = Set.of("ahead", "custom");

    private EarlyAnswers() {
    }

    static boolean isEarly(String origin) {
        return ORIGINS.contains(origin);
    }

    /** The scheduler's outcome of an answer from {@code origin}: for an early one, without a new lapse. */
    static Outcome counted(Outcome outcome, CardState before, String origin) {
        CardState after = outcome.after();
        if (!isEarly(origin) || after.lapses() == before.lapses()) {
            return outcome;
        }
        CardState noLapse = new CardState(after.state(), after.step(), after.stability(), after.difficulty(), after.due(),
                after.lastReview(), after.reps(), before.lapses());
        return new Outcome(noLapse, outcome.retrievability(), outcome.elapsedDays(), outcome.scheduledDays(),
                outcome.interval());
    }
}
