package io.demodeck.demo;

import io.demodeck.demo.child.DemoChild;
import io.demodeck.platform.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presets and caps, request parsing, admission and caching: the rules around the runs. */
class DemoRulesTest {

    @Test
    void everyPresetStaysWithinTheServerCapsAndTheChildLimits() {
        for (DemoCatalog demo : DemoCatalog.values()) {
            DemoChild.Mode mode = DemoChild.Mode.valueOf(demo.name());
            for (Preset preset : Preset.values()) {
                Map<String, Integer> sizes = demo.sizes(preset);
                for (var e : sizes.entrySet()) {
                    assertTrue(e.getValue() >= 1 && e.getValue() <= demo.cap(e.getKey()),
                            demo.id() + " " + preset.id() + " " + e);
                }
            }
            assertEquals(DemoCatalog.byId(demo.id()).orElseThrow(), demo);
            assertFalse(demo.explanation().ru().isBlank());
            assertFalse(demo.explanation().en().isBlank());
            assertTrue(mode.arg().equals(demo.id()), "the child mode of " + demo.id());
        }
        assertEquals(2_000, DemoCatalog.OS_THREADS.sizes(Preset.LARGE).get("platformThreads"));
        assertEquals(100, DemoCatalog.CREATION_COST.sizes(Preset.LARGE).get("processes"));
    }

    @Test
    void anUnknownPresetOrFieldIsA400ThatNamesTheAllowedValues() {
        assertEquals(Preset.MEDIUM, DemoApi.presetOf(new DemoApi.RunRequest("medium", null)));
        for (String preset : Arrays.asList("huge", null, "5", "SMALL")) {
            ApiException e = assertThrows(ApiException.class,
                    () -> DemoApi.presetOf(new DemoApi.RunRequest(preset, Map.of())), preset);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("preset must be one of small, medium, large"), e.getMessage());
        }
        ApiException none = assertThrows(ApiException.class, () -> DemoApi.presetOf(null));
        assertTrue(none.getMessage().contains("preset must be one of small, medium, large"), none.getMessage());
        ApiException extra = assertThrows(ApiException.class,
                () -> DemoApi.presetOf(new DemoApi.RunRequest("small", Map.of("threads", 1000000))));
        assertEquals(400, extra.status());
        assertTrue(extra.getMessage().contains("Unknown field 'threads'"), extra.getMessage());
    }

    @Test
    void theGateAdmitsOneHeavyRunAtATimeAndAnswers429WithRetryAfter() {
        RunGate gate = new RunGate(1, 100, Clock.systemUTC());
        try (RunGate.Permit first = gate.enter("a")) {
            ApiException busy = assertThrows(ApiException.class, () -> gate.enter("b"));
            assertEquals(429, busy.status());
            assertEquals(String.valueOf(RunGate.BUSY_RETRY_SECONDS), busy.headers().get("Retry-After"));
        }
        gate.enter("b").close(); // the slot is free again
    }

    @Test
    void aClientGetsAFixedNumberOfRunsPerMinute() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        RunGate gate = new RunGate(1, 2, clock);
        gate.enter("ip:1").close();
        gate.enter("ip:1").close();
        ApiException limited = assertThrows(ApiException.class, () -> gate.enter("ip:1"));
        assertEquals(429, limited.status());
        long retry = Long.parseLong(limited.headers().get("Retry-After"));
        assertTrue(retry >= 1 && retry <= 61, "Retry-After " + retry);
        gate.enter("ip:2").close(); // another client is not affected
        clock.now = clock.now.plusSeconds(60);
        gate.enter("ip:1").close(); // a new minute
    }

    @Test
    void aRunRefusedBecauseTheServerIsBusyDoesNotUseUpTheClientsQuota() {
        RunGate gate = new RunGate(1, 1, Clock.systemUTC());
        try (RunGate.Permit busy = gate.occupy()) {
            assertEquals(429, assertThrows(ApiException.class, () -> gate.enter("ip:3")).status());
        }
        gate.enter("ip:3").close();
        ApiException limited = assertThrows(ApiException.class, () -> gate.enter("ip:3"));
        assertTrue(limited.getMessage().contains("per minute"), limited.getMessage());
    }

    @Test
    void aCachedResultIsReusedForItsLifetimeAndSaysSo() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        ResultCache cache = new ResultCache(Duration.ofSeconds(60), clock);
        DemoResult fresh = sample();
        cache.put(DemoCatalog.ISOLATION, Preset.SMALL, fresh);
        DemoResult again = cache.get(DemoCatalog.ISOLATION, Preset.SMALL).orElseThrow();
        assertTrue(again.cached());
        assertEquals(fresh.measuredAt(), again.measuredAt());
        assertTrue(cache.get(DemoCatalog.ISOLATION, Preset.MEDIUM).isEmpty());
        clock.now = clock.now.plusSeconds(60);
        assertTrue(cache.get(DemoCatalog.ISOLATION, Preset.SMALL).isEmpty(), "expired");
        ResultCache off = new ResultCache(Duration.ZERO, clock);
        off.put(DemoCatalog.ISOLATION, Preset.SMALL, fresh);
        assertTrue(off.get(DemoCatalog.ISOLATION, Preset.SMALL).isEmpty());
    }

    @Test
    void withoutAGoToolchainThereIsNoGoProgram() {
        GoToolchain go = new GoToolchain("demodeck-no-such-go-command", System.getenv("PATH"), Duration.ofSeconds(5));
        assertTrue(go.program().isEmpty());
        assertTrue(go.run("creation", 10, Map.of()).isEmpty());
        assertTrue(new GoToolchain("/nonexistent/go", "", Duration.ofSeconds(5)).program().isEmpty());
    }

    @Test
    void childOutputIsParsedAsKeyValueLines() {
        Map<String, String> v = ChildJvm.parse("a=1\nnoise\nb=x=y\n=skipped\n");
        assertEquals(Map.of("a", "1", "b", "x=y"), v);
    }

    static DemoResult sample() {
        return new DemoResult("isolation", DemoCatalog.ISOLATION.titles(), "small", Map.of(), true,
                List.of(new DemoResult.Row("k", new Text("к", "k"), 1L, "")), List.of(), new Text("п", "p"),
                DemoMeasurements.environment(List.of("-Xmx512m")), Instant.parse("2026-01-01T10:00:00Z"), 5, false, null);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

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
}
