package io.demodeck.demo;

import io.demodeck.platform.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Admission for fresh demo runs: a per-client limit per minute (fixed one-minute windows) and a global limit
 * of concurrent heavy runs. Both refuse with 429 and Retry-After instead of queueing.
 */
public final class RunGate {

    static final long BUSY_RETRY_SECONDS = 3;
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final Semaphore running;
    private final int runsPerMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    private record Window(long minute, int count) {
    }

    public RunGate(int maxConcurrentRuns, int runsPerMinute, Clock clock) {
        this.running = new Semaphore(Math.max(1, maxConcurrentRuns));
        this.runsPerMinute = Math.max(1, runsPerMinute);
        this.clock = clock;
    }

    /** Admits one run for {@code client} or throws 429; close the permit when the run ends. */
    public Permit enter(String client) {
        long now = clock.millis();
        long minute = now / 60_000;
        synchronized (windows) {
            Window w = windows.get(client);
            if (w != null && w.minute() == minute && w.count() >= runsPerMinute) {
                long retry = Duration.ofMillis((minute + 1) * 60_000 - now).toSeconds() + 1;
                throw ApiException.tooManyRequests("At most " + runsPerMinute + " demo runs per minute; try again in "
                        + retry + " s", retry);
            }
        }
        if (!running.tryAcquire()) {
            throw ApiException.tooManyRequests("Another demo is running on this server; try again in "
                    + BUSY_RETRY_SECONDS + " s", BUSY_RETRY_SECONDS);
        }
        synchronized (windows) {
            if (windows.size() >= MAX_TRACKED_CLIENTS) {
                windows.values().removeIf(old -> old.minute() != minute);
                if (windows.size() >= MAX_TRACKED_CLIENTS) {
                    windows.clear(); // bounded memory beats exact accounting under a flood
                }
            }
            windows.merge(client, new Window(minute, 1),
                    (old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
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
