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
    void aFloodOfNewKeysStaysBoundedAndRefusesNobody() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, limiter.acquire("flood-" + i), "a new client is counted, not refused");
            assertTrue(limiter.trackedKeys() <= 100, "the table never grows past its bound");
        }
        assertEquals(0, limiter.acquire("someone"), "after the flood a real client still gets in");
    }

    @Test
    void aFloodOfNewKeysDoesNotResetAClientThatReachedItsLimit() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("guesser"));
        }
        assertTrue(limiter.acquire("guesser") > 0);
        // even fresh keys with two requests each (more than a passing visitor, fewer than the guesser) do not push it out
        for (int i = 0; i < 5_000; i++) {
            limiter.acquire("flood-" + i);
            limiter.acquire("flood-" + i);
        }
        assertTrue(limiter.acquire("guesser") > 0, "the guesser's window survives the flood");
        clock.now = clock.now.plusSeconds(61);
        assertEquals(0, limiter.acquire("guesser"), "until the window ends");
    }

    @Test
    void finishedWindowsAreForgottenFirst() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 10, clock);
        for (int i = 0; i < 9; i++) {
            for (int n = 0; n < 5; n++) {
                limiter.acquire("old-" + i); // busier than "blocked" below, but their windows end first
            }
        }
        clock.now = clock.now.plusSeconds(30);
        limiter.acquire("blocked");
        assertTrue(limiter.acquire("blocked") > 0);
        clock.now = clock.now.plusSeconds(31);
        limiter.acquire("new"); // the table is full
        assertTrue(limiter.trackedKeys() <= 10);
        assertTrue(limiter.acquire("blocked") > 0, "a live window over its limit is kept while finished ones go");
    }

    @Test
    void longKeysAreCountedSeparatelyInBoundedSpace() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 100, clock);
        String a = "x".repeat(10_000) + "a";
        String b = "x".repeat(10_000) + "b";
        assertEquals(0, limiter.acquire(a));
        assertEquals(0, limiter.acquire(b), "two long names differing at the end are two keys");
        assertTrue(limiter.acquire(a) > 0);
    }
}
