package io.demodeck.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counting per key (a client address, a user name). In memory and per replica: it
 * slows down guessing and flooding; it is not an accounting system.
 * <p>
 * Its memory is bounded: at most {@code maxKeys} keys (about 150 bytes each; a key longer than
 * {@value #MAX_KEY_CHARS} characters is kept as its hash). When the table is full, finished windows go first; if
 * that is not enough, a tenth of the table is forgotten, the keys with the fewest requests in their window first
 * (the oldest among equals). Why that order:
 * <ul>
 *   <li>A new key is always counted, never refused because the table is full: otherwise a flood of made-up
 *       addresses or names would lock out everybody who has no entry yet.</li>
 *   <li>Forgetting a key with few requests only gives it back those few.</li>
 *   <li>A key near or over its limit (someone guessing passwords) is forgotten only after every key with fewer
 *       requests. To reset it, an attacker must first give nine tenths of the table more requests than it has, that
 *       is about {@code maxKeys × count} requests within one window (20,000 × 10 for a sign-in limit of 10 a
 *       minute), far beyond what the per-address limits let through. Least-recently-used eviction would instead
 *       drop it after {@code maxKeys} requests with fresh keys.</li>
 * </ul>
 */
public final class RateLimiter {

    static final int DEFAULT_MAX_KEYS = 20_000;
    static final int MAX_KEY_CHARS = 64;

    private final int limit;
    private final long windowMillis;
    private final int maxKeys;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("limit, window and maxKeys must be positive");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    public RateLimiter(int limit, Duration window) {
        this(limit, window, DEFAULT_MAX_KEYS, Clock.systemUTC());
    }

    /**
     * Counts one request for {@code key}.
     *
     * @return 0 when allowed, else the seconds until the key may try again
     */
    public long acquire(String key) {
        long now = clock.millis();
        Window w = windows.compute(bounded(key), (k, old) -> old == null || now - old.start >= windowMillis
                ? new Window(now, 1) : new Window(old.start, old.count + 1));
        if (windows.size() > maxKeys) {
            makeRoom(now);
        }
        if (w.count <= limit) {
            return 0;
        }
        return Math.max(1, (w.start + windowMillis - now + 999) / 1000);
    }

    /** Keys tracked now (tests, metrics). */
    int trackedKeys() {
        return windows.size();
    }

    private synchronized void makeRoom(long now) {
        if (windows.size() <= maxKeys) {
            return; // another thread made room meanwhile
        }
        windows.values().removeIf(w -> now - w.start >= windowMillis);
        int target = maxKeys - Math.max(1, maxKeys / 10); // room for many new keys before the next sort
        int excess = windows.size() - target;
        if (excess <= 0) {
            return;
        }
        List<Map.Entry<String, Window>> entries = new ArrayList<>(windows.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, Window> e) -> e.getValue().count)
                .thenComparingLong(e -> e.getValue().start));
        for (Map.Entry<String, Window> e : entries.subList(0, Math.min(excess, entries.size()))) {
            windows.remove(e.getKey(), e.getValue()); // unless it was counted again meanwhile
        }
    }

    /** Long keys (any user name someone types) are kept as a fixed-size hash. */
    private static String bounded(String key) {
        if (key.length() <= MAX_KEY_CHARS) {
            return key;
        }
        return "#" + Base64.getEncoder().withoutPadding().encodeToString(Sha256.digest(key));
    }

    private record Window(long start, int count) {
    }
}
