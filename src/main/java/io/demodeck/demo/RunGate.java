package io.demodeck.demo;

import io.demodeck.platform.ApiException;
import io.demodeck.platform.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Admission for fresh demo runs: a global limit of concurrent heavy runs and a per-client limit per minute.
 * Both refuse with 429 and Retry-After instead of queueing. A refused run does not use up the client's quota.
 */
public final class RunGate {

    static final long BUSY_RETRY_SECONDS = 3;
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final Semaphore running;
    private final int runsPerMinute;
    private final RateLimiter perClient;

    public RunGate(int maxConcurrentRuns, int runsPerMinute, Clock clock) {
        this.running = new Semaphore(Math.max(1, maxConcurrentRuns));
        this.runsPerMinute = Math.max(1, runsPerMinute);
        this.perClient = new RateLimiter(this.runsPerMinute, Duration.ofMinutes(1), MAX_TRACKED_CLIENTS, clock);
    }

    /** Admits one run for {@code client} or throws 429; close the permit when the run ends. */
    public Permit enter(String client) {
        if (!running.tryAcquire()) {
            throw ApiException.tooManyRequests("Another demo is running on this server; try again in "
                    + BUSY_RETRY_SECONDS + " s", BUSY_RETRY_SECONDS);
        }
        long retry = perClient.acquire(client);
        if (retry > 0) {
            running.release();
            throw ApiException.tooManyRequests("At most " + runsPerMinute + " demo runs per minute; try again in "
                    + retry + " s", retry);
        }
        return new Permit();
    }

    /** Holds one of the concurrent-run slots (tests use it to fill the server). */
    public Permit occupy() {
        if (!running.tryAcquire()) {
            throw new IllegalStateException("no free slot");
        }
        return new Permit();
    }

    public final class Permit implements AutoCloseable {
        private boolean open = true;

        @Override
        public synchronized void close() {
            if (open) {
                open = false;
                running.release();
            }
        }
    }
}
