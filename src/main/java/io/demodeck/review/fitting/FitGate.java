package io.demodeck.review.fitting;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who may start a fit: one fit per learner at a time, and at most {@code slots} fits at once across learners (a fit
 * keeps one core busy for seconds).
 */
final class FitGate {

    /** What {@link #tryStart} decided. */
    sealed interface Admission permits Admitted, AlreadyRunning, Busy {
    }

    record Admitted(UUID id) implements Admission {
    }

    /** The learner's own fit still runs: that one is the answer. */
    record AlreadyRunning(UUID id) implements Admission {
    }

    /** Every slot is taken by other learners' fits. */
    record Busy() implements Admission {
    }

    private final int slots;
    private final Map<Long, UUID> running = new HashMap<>();

    FitGate(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots = " + slots + ", need at least 1");
        }
        this.slots = slots;
    }

    int slots() {
        return slots;
    }

    synchronized Admission tryStart(long userId, UUID id) {
        UUID own = running.get(userId);
        if (own != null) {
            return new AlreadyRunning(own);
        }
        if (running.size() >= slots) {
            return new Busy();
        }
        running.put(userId, id);
        return new Admitted(id);
    }

    synchronized void finish(long userId, UUID id) {
        running.remove(userId, id);
    }
}
