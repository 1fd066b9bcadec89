package io.demodeck.account;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
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

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final Backoff backoff = new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1),
            1000, clock);

    @Test
    void theFirstFailuresAreFreeThenTheWaitDoubles() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, backoff.retryAfterSeconds("anna@1"));
            backoff.failed("anna@1");
        }
        assertEquals(0, backoff.retryAfterSeconds("anna@1"));
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long wait : expected) {
            backoff.failed("anna@1");
            assertEquals(wait, backoff.retryAfterSeconds("anna@1"));
            clock.advance(Duration.ofSeconds(wait));
            assertEquals(0, backoff.retryAfterSeconds("anna@1"));
        }
    }

    @Test
    void keysAreIndependentAndASuccessForgets() {
        for (int i = 0; i < 6; i++) {
            backoff.failed("anna@attacker");
        }
        assertEquals(4, backoff.retryAfterSeconds("anna@attacker"));
        assertEquals(0, backoff.retryAfterSeconds("anna@home"), "the owner at another address is not held up");
        backoff.succeeded("anna@attacker");
        assertEquals(0, backoff.retryAfterSeconds("anna@attacker"));
    }

    @Test
    void aQuietHourForgetsOldFailures() {
        for (int i = 0; i < 5; i++) {
            backoff.failed("k");
        }
        clock.advance(Duration.ofHours(2));
        backoff.failed("k");
        assertEquals(0, backoff.retryAfterSeconds("k"), "counting starts over");
    }

    @Test
    void memoryIsBounded() {
        Backoff small = new Backoff(0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 10, clock);
        for (int i = 0; i < 1000; i++) {
            small.failed("k" + i);
        }
        assertEquals(1, small.retryAfterSeconds("k999"), "the newest key is still held");
    }
}
