package io.demodeck.review.scheduler;

/** The FSRS memory state of a card: stability S in days and difficulty D in [1, 10]. */
public record MemoryState(double stability, double difficulty) {
}
