package io.demodeck.demo;

import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admission for fresh demo runs, fair between users: a global number of runs at once (sized to the cores), at
 * most one run per client at a time (running or waiting), and a bounded first-come-first-served line in which
 * a run waits for a slot and can see its position. Beyond the line, or for a second run of the same client,
 * the answer is 429 with Retry-After. A per-client quota per minute still applies; a refused run does not use it.
 */
public final class RunGate {

    static final long FULL_RETRY_SECONDS = 10;
    static final long ONE_AT_A_TIME_RETRY_SECONDS = 5;
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    /** Where a client stands: running, waiting at a 1-based position, or neither. */
    public record Position(String state, int position, int waiting, int running, int slots) {
    }

    private final int slots;
    private final int maxWaiting;
    private final Duration maxWait;
    private final int runsPerMinute;
    private final RateLimiter perClient;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final List<String> waiting = new ArrayList<>();
    private final Set<String> running = new HashSet<>();
    private int anonymousRunning; // slots taken by occupy() (tests)
    private boolean lineClosed; // occupyAll() (tests): nobody may wait

    public RunGate(int slots, int maxWaiting, Duration maxWait, int runsPerMinute, Clock clock) {
        this.slots = Math.max(1, slots);
        this.maxWaiting = Math.max(0, maxWaiting);
        this.maxWait = maxWait;
        this.runsPerMinute = Math.max(1, runsPerMinute);
        this.perClient = new RateLimiter(this.runsPerMinute, Duration.ofMinutes(1), MAX_TRACKED_CLIENTS, clock);
    }

    /** The default number of runs at once: half the cores, at least one (each run uses every core it can). */
    public static int slotsForCores(int cores) {
        return Math.max(1, cores / 2);
    }

    public int slots() {
        return slots;
    }

    /**
     * Admits one run for {@code client}: at once when a slot is free and nobody waits, else after waiting its turn
     * (at most the configured wait). Throws 429 when the client already has a run, the line is full or the quota
     * is used up; close the permit when the run ends.
     */
    public Permit enter(String client) {
        lock.lock();
        try {
            if (running.contains(client) || waiting.contains(client)) {
                throw ClientFacingException.tooManyRequests("You already have a demo running or waiting; one run at a time per user",
                        ONE_AT_A_TIME_RETRY_SECONDS);
            }
            boolean free = busy() < slots && waiting.isEmpty();
            if (!free && (lineClosed || waiting.size() >= maxWaiting)) {
                throw ClientFacingException.tooManyRequests("The demo queue is full (" + waiting.size() + " waiting); try again in "
                        + FULL_RETRY_SECONDS + " s", FULL_RETRY_SECONDS);
            }
            long retry = perClient.acquire(client);
            if (retry > 0) {
                throw ClientFacingException.tooManyRequests("At most " + runsPerMinute + " demo runs per minute; try again in "
                        + retry + " s", retry);
            }
            if (free) {
                running.add(client);
                return new Permit(client, 1, false);
            }
            waiting.add(client);
            long deadline = System.nanoTime() + maxWait.toNanos();
            try {
                while (!(waiting.indexOf(client) == 0 && busy() < slots)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw ClientFacingException.tooManyRequests("The demo queue did not move within " + maxWait.toSeconds()
                                + " s; try again later", FULL_RETRY_SECONDS);
                    }
                    changed.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                waiting.remove(client);
                changed.signalAll();
                throw ClientFacingException.tooManyRequests("Stopped waiting for a demo slot", FULL_RETRY_SECONDS);
            } catch (RuntimeException e) {
                waiting.remove(client);
                changed.signalAll();
                throw e;
            }
            waiting.remove(0);
            running.add(client);
            changed.signalAll(); // the next in line may fit too
            return new Permit(client, 1, false);
        } finally {
            lock.unlock();
        }
    }

    /** Where {@code client} stands now. */
    public Position position(String client) {
        lock.lock();
        try {
            int index = waiting.indexOf(client);
            String state = running.contains(client) ? "running" : index >= 0 ? "waiting" : "none";
            return new Position(state, index + 1, waiting.size(), busy(), slots);
        } finally {
            lock.unlock();
        }
    }

    /** Takes a slot without a client (tests use it to fill the server). */
    public Permit occupy() {
        lock.lock();
        try {
            if (busy() >= slots) {
                throw new IllegalStateException("no free slot");
            }
            anonymousRunning++;
            return new Permit(null, 1, false);
        } finally {
            lock.unlock();
        }
    }

    /** Takes every free slot and closes the line, so every run is refused at once (tests of other features). */
    public Permit occupyAll() {
        lock.lock();
        try {
            int taken = slots - busy();
            anonymousRunning += taken;
            lineClosed = true;
            return new Permit(null, taken, true);
        } finally {
            lock.unlock();
        }
    }

    private int busy() {
        return running.size() + anonymousRunning;
    }

    public final class Permit implements AutoCloseable {
        private final String client;
        private final int anonymousSlots;
        private final boolean closesLine;
        private boolean open = true;

        private Permit(String client, int anonymousSlots, boolean closesLine) {
            this.client = client;
            this.anonymousSlots = anonymousSlots;
            this.closesLine = closesLine;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (open) {
                    open = false;
                    if (client == null) {
                        anonymousRunning -= anonymousSlots;
                        if (closesLine) {
                            lineClosed = false;
                        }
                    } else {
                        running.remove(client);
                    }
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** How long a waiting run may wait, for the pages' hint. */
    public long maxWaitSeconds() {
        return maxWait.toSeconds();
    }
}
