package io.demodeck.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retrying a write that lost a race for a card (a stale version, a unique key taken first): the retry reads the
 * winner's state, so no answer is applied twice to the same old state and none is lost.
 */
final class RaceRetries {

    static final int MAX_ATTEMPTS = 5;

    /** On /q/metrics (at 0 from the first grade on): writes that lost a race and ran again, and grades that gave up. */
    private static final Counter RETRIES = Metrics.counter("demodeck.reviews.retries");
    private static final Counter CONFLICTS = Metrics.counter("demodeck.reviews.conflicts");

    private RaceRetries() {
    }

    /** Runs {@code work} in a new transaction, again on a fresh state after a lost race, at most {@value #MAX_ATTEMPTS} times. */
    static <T> T inTransaction(String what, Callable<T> work) {
        return retrying(what, () -> QuarkusTransaction.requiringNew().call(work));
    }

    /**
     * Runs {@code work} again after a lost race, at most {@value #MAX_ATTEMPTS} times; {@code work} makes its own
     * transactions.
     *
     * @throws ReviewConflictException when every attempt lost
     */
    static <T> T retrying(String what, Callable<T> work) {
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                if (!lostRace(e)) {
                    throw e;
                }
                lastFailure = e;
                RETRIES.increment();
                backOff(attempt);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CONFLICTS.increment();
        throw new ReviewConflictException(what + ": the card kept changing concurrently (" + MAX_ATTEMPTS
                + " attempts); try again", lastFailure);
    }

    // jitter so that writers who just collided do not collide again in lockstep
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 1 + 4 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReviewConflictException("interrupted while retrying", e);
        }
    }

    /** A stale version, or a unique key another transaction took first: retrying sees the winner. */
    static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())
                    || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof org.hibernate.JDBCException jdbc && lostRace(jdbc.getSQLException())) {
                return true;
            }
        }
        return false;
    }
}
