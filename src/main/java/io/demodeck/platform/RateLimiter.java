package io.demodeck.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counting per key (a client address, a user name). In memory and per replica: it
 * slows down guessing and flooding; it is not an accounting system. The number of keys is bounded.
 */
public final class RateLimiter {

    private final int limit;
    private final long windowMillis;
    private final int maxKeys;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    public RateLimiter(int limit, Duration window) {
        this(limit, window, 100_000, Clock.systemUTC());
    }

    /**
     * Counts one request for {@code key}.
     *
     * @return 0 when allowed, else the seconds until the key may try again
     */
    public long acquire(String key) {
        long now = clock.millis();
        if (windows.size() >= maxKeys) {
            windows.values().removeIf(w -> now - w.start >= windowMillis);
            if (windows.size() >= maxKeys) {
                return Math.max(1, windowMillis / 1000); // under a flood of distinct keys, refuse new ones
            }
        }
        Window w = windows.compute(key, (k, old) -> old == null || now - old.start >= windowMillis
                ? new Window(now, 1) : new Window(old.start, old.count + 1));
        if (w.count <= limit) {
            return 0;
        }
        return Math.max(1, (w.start + windowMillis - now + 999) / 1000);
    }

    private record Window(long start, int count) {
    }
}
