package io.demodeck.demo;

import io.demodeck.demo.child.DemoChild;
import io.demodeck.platform.ClientFacingException;
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
            if (demo != DemoCatalog.FORK_COW) { // the one demo a C helper runs instead of a child JVM
                assertEquals(demo.id(), DemoChild.Mode.valueOf(demo.name()).arg(), "the child mode of " + demo.id());
            }
        }
        assertEquals(2_000, DemoCatalog.OS_THREADS.sizes(Preset.LARGE).get("platformThreads"));
        assertEquals(10_000, DemoCatalog.THROUGHPUT.sizes(Preset.LARGE).get("tasks"));
        assertEquals(200, DemoCatalog.THROUGHPUT.sizes(Preset.LARGE).get("platformPool"));
        assertEquals(100, DemoCatalog.CREATION_COST.sizes(Preset.LARGE).get("processes"));
    }

    @Test
    void anUnknownPresetOrFieldIsA400ThatNamesTheAllowedValues() {
        assertEquals(Preset.MEDIUM, DemoApi.presetOf(new DemoApi.RunRequest("medium", null)));
        for (String preset : Arrays.asList("huge", null, "5", "SMALL")) {
            ClientFacingException e = assertThrows(ClientFacingException.class,
                    () -> DemoApi.presetOf(new DemoApi.RunRequest(preset, Map.of())), preset);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("preset must be one of small, medium, large"), e.getMessage());
        }
        ClientFacingException none = assertThrows(ClientFacingException.class, () -> DemoApi.presetOf(null));
        assertTrue(none.getMessage().contains("preset must be one of small, medium, large"), none.getMessage());
        ClientFacingException extra = assertThrows(ClientFacingException.class,
                () -> DemoApi.presetOf(new DemoApi.RunRequest("small", Map.of("threads", 1000000))));
        assertEquals(400, extra.status());
        assertTrue(extra.getMessage().contains("Unknown field 'threads'"), extra.getMessage());
    }

    @Test
    void aClientHasOneRunAtATimeAndAnotherClientWaitsInLineWithItsPosition() throws Exception {
        RunGate gate = new RunGate(1, 2, Duration.ofSeconds(20), 100, Clock.systemUTC());
        RunGate.Permit first = gate.enter("user:a");
        assertEquals("running", gate.position("user:a").state());
        ClientFacingException again = assertThrows(ClientFacingException.class, () -> gate.enter("user:a"));
        assertEquals(429, again.status());
        assertTrue(again.getMessage().contains("one run at a time"), again.getMessage());
        assertEquals(String.valueOf(RunGate.ONE_AT_A_TIME_RETRY_SECONDS), again.headers().get("Retry-After"));

        // b waits instead of being refused, and sees its place in the line
        java.util.concurrent.CompletableFuture<RunGate.Permit> b = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> gate.enter("user:b"), java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        awaitState(gate, "user:b", "waiting");
        assertEquals(1, gate.position("user:b").position());
        java.util.concurrent.CompletableFuture<RunGate.Permit> c = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> gate.enter("user:c"), java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        awaitState(gate, "user:c", "waiting");
        assertEquals(2, gate.position("user:c").position());
        assertEquals(2, gate.position("user:c").waiting());

        // the line holds 2: a fourth client is refused at once, with Retry-After
        ClientFacingException full = assertThrows(ClientFacingException.class, () -> gate.enter("user:d"));
        assertEquals(429, full.status());
        assertTrue(full.getMessage().contains("queue is full"), full.getMessage());
        assertEquals(String.valueOf(RunGate.FULL_RETRY_SECONDS), full.headers().get("Retry-After"));

        assertTrue(!b.isDone() && !c.isDone(), "both wait while a runs");
        first.close();
        RunGate.Permit bPermit = b.get(5, java.util.concurrent.TimeUnit.SECONDS); // first come, first served
        assertEquals("running", gate.position("user:b").state());
        assertEquals(1, gate.position("user:c").position(), "c moved up");
        assertFalse(c.isDone());
        bPermit.close();
        c.get(5, java.util.concurrent.TimeUnit.SECONDS).close();
        assertEquals("none", gate.position("user:a").state());
    }

    @Test
    void aRunThatWaitsTooLongGivesUpWithA429AndLeavesTheLine() {
        RunGate gate = new RunGate(1, 4, Duration.ofMillis(200), 100, Clock.systemUTC());
        try (RunGate.Permit busy = gate.occupy()) {
            ClientFacingException late = assertThrows(ClientFacingException.class, () -> gate.enter("ip:1"));
            assertEquals(429, late.status());
            assertEquals("none", gate.position("ip:1").state());
        }
        gate.enter("ip:1").close();
    }

    @Test
    void theDefaultNumberOfRunsAtOnceFollowsTheCores() {
        assertEquals(1, RunGate.slotsForCores(1));
        assertEquals(1, RunGate.slotsForCores(2));
        assertEquals(4, RunGate.slotsForCores(8));
    }

    @Test
    void aClientGetsAFixedNumberOfRunsPerMinute() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        RunGate gate = new RunGate(1, 4, Duration.ofSeconds(5), 2, clock);
        gate.enter("ip:1").close();
        gate.enter("ip:1").close();
        ClientFacingException limited = assertThrows(ClientFacingException.class, () -> gate.enter("ip:1"));
        assertEquals(429, limited.status());
        long retry = Long.parseLong(limited.headers().get("Retry-After"));
        assertTrue(retry >= 1 && retry <= 61, "Retry-After " + retry);
        gate.enter("ip:2").close(); // another client is not affected
        clock.now = clock.now.plusSeconds(60);
        gate.enter("ip:1").close(); // a new minute
    }

    @Test
    void aRunRefusedBecauseTheLineIsFullDoesNotUseUpTheClientsQuota() {
        RunGate gate = new RunGate(1, 0, Duration.ofSeconds(5), 1, Clock.systemUTC());
        try (RunGate.Permit busy = gate.occupy()) {
            assertEquals(429, assertThrows(ClientFacingException.class, () -> gate.enter("ip:3")).status());
        }
        gate.enter("ip:3").close();
        ClientFacingException limited = assertThrows(ClientFacingException.class, () -> gate.enter("ip:3"));
        assertTrue(limited.getMessage().contains("per minute"), limited.getMessage());
    }

    private static void awaitState(RunGate gate, String client, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!gate.position(client).state().equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(state, gate.position(client).state(), client);
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
    void aResultMeasuredWhileTheGoOrCSideWasBeingBuiltIsNotKept() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        ResultCache cache = new ResultCache(Duration.ofSeconds(60), clock);
        DemoResult base = sample();
        DemoResult goBuilding = new DemoResult(base.demoId(), base.title(), base.preset(), base.sizes(), true, base.rows(),
                base.ratios(), base.proof(), base.claims(), base.environment(), base.measuredAt(), base.durationMs(), false,
                new DemoResult.GoComparison(false, GoToolchain.PREPARING, List.of()));
        DemoResult cBuilding = new DemoResult("fork-cow", base.title(), base.preset(), base.sizes(), false, List.of(),
                List.of(), CHelper.PREPARING, List.of(), base.environment(), base.measuredAt(), 1, false, null);
        DemoResult goAbsent = new DemoResult(base.demoId(), base.title(), base.preset(), base.sizes(), true, base.rows(),
                base.ratios(), base.proof(), base.claims(), base.environment(), base.measuredAt(), base.durationMs(), false,
                new DemoResult.GoComparison(false, GoToolchain.ABSENT, List.of()));
        cache.put(DemoCatalog.ISOLATION, Preset.SMALL, goBuilding);
        cache.put(DemoCatalog.FORK_COW, Preset.SMALL, cBuilding);
        cache.put(DemoCatalog.ISOLATION, Preset.MEDIUM, goAbsent);
        assertTrue(cache.get(DemoCatalog.ISOLATION, Preset.SMALL).isEmpty(), "measured again once Go is built");
        assertTrue(cache.get(DemoCatalog.FORK_COW, Preset.SMALL).isEmpty(), "measured again once the C program is built");
        assertTrue(cache.get(DemoCatalog.ISOLATION, Preset.MEDIUM).isPresent(), "no Go on this server: that will not change");
    }

    @Test
    void withoutAGoToolchainThereIsNoGoProgram() {
        GoToolchain go = new GoToolchain("demodeck-no-such-go-command", System.getenv("PATH"), Duration.ofSeconds(5));
        assertEquals(GoToolchain.Status.ABSENT, go.status());
        go.prepareInBackground();
        assertEquals(GoToolchain.Status.ABSENT, go.status());
        assertTrue(go.run("creation", List.of(10), Map.of()).isEmpty());
        assertEquals(GoToolchain.Status.ABSENT, new GoToolchain("/nonexistent/go", "", Duration.ofSeconds(5)).status());
    }

    @Test
    void childOutputIsParsedAsKeyValueLines() {
        Map<String, String> v = ChildJvm.parse("a=1\nnoise\nb=x=y\n=skipped\n");
        assertEquals(Map.of("a", "1", "b", "x=y"), v);
    }

    static DemoResult sample() {
        return new DemoResult("isolation", DemoCatalog.ISOLATION.titles(), "small", Map.of(), true,
                List.of(new DemoResult.Row("k", new Text("к", "k"), 1L, "")), List.of(), new Text("п", "p"), List.of(),
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
