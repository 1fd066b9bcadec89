package io.demodeck.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The last result per (demo, preset), reused for a short time; at most 27 entries by construction. */
public final class ResultCache {

    private record Key(DemoCatalog demo, Preset preset) {
    }

    private record Entry(DemoResult result, Instant storedAt) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public ResultCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A fresh-enough result, marked as coming from the cache. */
    public Optional<DemoResult> get(DemoCatalog demo, Preset preset) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        Entry e = entries.get(new Key(demo, preset));
        if (e == null || !clock.instant().isBefore(e.storedAt().plus(ttl))) {
            return Optional.empty();
        }
        return Optional.of(e.result().fromCache());
    }

    public void put(DemoCatalog demo, Preset preset, DemoResult result) {
        if (!ttl.isZero()) {
            entries.put(new Key(demo, preset), new Entry(result, clock.instant()));
        }
    }
}
