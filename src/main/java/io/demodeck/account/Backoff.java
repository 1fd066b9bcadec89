package io.demodeck.account;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays after failures, per key (an account name with a client address, an address). The first
 * {@code freeFailures} failures cost nothing; each further one doubles the wait before the next attempt, up
 * to {@code maxDelay}. A success forgets the key; so does a quiet period of {@code forgetAfter}. In memory,
 * per replica, bounded: when full, keys that are not waiting go first, and if that is not enough all are
 * forgotten (letting guesses through for a moment is better than refusing everyone).
 */
final class Backoff {

    private final int freeFailures;
    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final long forgetAfterMillis;
    private final int maxKeys;
    private final Clock clock;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    private record State(int failures, long lastFailure, long blockedUntil) {
    }

    Backoff(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter, int maxKeys, Clock clock) {
        if (freeFailures < 0 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || maxKeys < 1) {
            throw new IllegalArgumentException("invalid backoff settings");
        }
        this.freeFailures = freeFailures;
        this.firstDelayMillis = firstDelay.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.forgetAfterMillis = Math.max(forgetAfter.toMillis(), maxDelayMillis);
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** 0 when {@code key} may try now, else the seconds to wait. */
    long retryAfterSeconds(String key) {
        State s = states.get(key);
        long now = clock.millis();
        return s == null || s.blockedUntil <= now ? 0 : Math.max(1, (s.blockedUntil - now + 999) / 1000);
    }

    void failed(String key) {
        long now = clock.millis();
        if (states.size() >= maxKeys && !states.containsKey(key)) {
            states.values().removeIf(s -> s.blockedUntil <= now);
            if (states.size() >= maxKeys) {
                states.clear();
            }
        }
        states.compute(key, (k, old) -> {
            int failures = old == null || now - old.lastFailure > forgetAfterMillis ? 1 : old.failures + 1;
            return new State(failures, now, now + delayMillis(failures));
        });
    }

    void succeeded(String key) {
        states.remove(key);
    }

    long delayMillis(int failures) {
        if (failures <= freeFailures) {
            return 0;
        }
        int doublings = Math.min(failures - freeFailures - 1, 30);
        return Math.min(maxDelayMillis, firstDelayMillis << doublings);
    }
}
