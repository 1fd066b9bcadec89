package io.demodeck.platform;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsTheLimitPerWindowAndTellsWhenToRetry() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), 100, clock);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        clock.now = clock.now.plusSeconds(20);
        assertEquals(40, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("b"), "other keys are not affected");
        clock.now = clock.now.plusSeconds(40);
        assertEquals(0, limiter.acquire("a"), "a new window starts");
    }

    @Test
    void theNumberOfTrackedKeysIsBounded() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(1), 3, clock);
        for (String k : new String[] {"a", "b", "c"}) {
            assertEquals(0, limiter.acquire(k));
        }
        assertTrue(limiter.acquire("d") > 0, "a flood of new keys is refused while the table is full");
        clock.now = clock.now.plusSeconds(61);
        assertEquals(0, limiter.acquire("d"), "expired windows make room");
    }
}
