package io.demodeck.demo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The last result per (demo, preset), reused for a short time; at most one entry per demo and preset. A result
 * measured while the Go or C side was still being built is not kept: the next run, a minute later, has both sides.
 */
public final class ResultCache {

    private record Key(DemoCatalog demo, Preset preset) {
    }

    private final Cache<Key, DemoResult> entries;
    private final boolean enabled;

    public ResultCache(Duration ttl, Clock clock) {
        this.enabled = !ttl.isZero();
        this.entries = Caffeine.newBuilder()
                .maximumSize((long) DemoCatalog.values().length * Preset.values().length)
                .expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .recordStats()
                .build();
    }

    /** A fresh-enough result, marked as coming from the cache. */
    public Optional<DemoResult> get(DemoCatalog demo, Preset preset) {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.getIfPresent(new Key(demo, preset))).map(DemoResult::fromCache);
    }

    public void put(DemoCatalog demo, Preset preset, DemoResult result) {
        if (enabled && !result.waitingForAHelperBuild()) {
            entries.put(new Key(demo, preset), result);
        }
    }

    /** For the metrics registry: hits, misses, evictions. */
    Cache<?, ?> cache() {
        return entries;
    }
}
