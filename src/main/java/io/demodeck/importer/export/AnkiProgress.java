package io.demodeck.importer.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One learner's FSRS state and review log on a deck's questions, for an Anki package "with my progress".
 *
 * @param cards by question external id; a question without an entry is new
 */
public record AnkiProgress(Map<String, CardState> cards) {

    public AnkiProgress {
        cards = Map.copyOf(cards);
    }

    public static AnkiProgress none() {
        return new AnkiProgress(Map.of());
    }

    /**
     * @param state   0 new, 1 learning, 2 review, 3 relearning (Anki numbers card types the same way)
     * @param reviews oldest first
     */
    public record CardState(int state, Double stability, Double difficulty, Instant due, Instant lastReview, int reps,
                            int lapses, boolean suspended, List<Review> reviews) {

        public CardState {
            reviews = List.copyOf(reviews);
        }
    }

    /**
     * One answer.
     *
     * @param rating        1 again, 2 hard, 3 good, 4 easy (Anki's ease)
     * @param scheduledDays the interval it set, in days (0 while learning)
     */
    public record Review(Instant at, int rating, int durationMs, int stateBefore, Instant dueBefore,
                         Instant lastReviewBefore, int stateAfter, Instant dueAfter, int scheduledDays) {
    }
}
