package io.demodeck.demo;

import io.demodeck.testsupport.Slow;
import io.demodeck.demo.DemoMeasurements.Setting;
import io.demodeck.demo.catalog.osthreads.OsThreadsDemo;
import io.demodeck.demo.child.DemoChild;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every demo's small preset in real child JVMs (Linux, like CI): each demo's claims hold as designed, and
 * each demo run with the setting that breaks its claim says "does not hold". Where Go is installed the Go side
 * runs too and its claims must hold; {@link #goIsInstalled()} fails under CI=true when it is not (CI installs
 * it) and is skipped with a message elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class DemoMeasurementsTest {

    /** The demos with a Go counterpart. */
    static final Set<DemoCatalog> WITH_GO = EnumSet.of(DemoCatalog.CREATION_COST, DemoCatalog.OS_THREADS,
            DemoCatalog.FOOTPRINT, DemoCatalog.DATA_RACE, DemoCatalog.CHANNELS, DemoCatalog.CARRIERS,
            DemoCatalog.CONTEXT_SWITCH, DemoCatalog.TIME_SLICING, DemoCatalog.STRUCTURED_CANCEL);

    private ChildJvm child;
    private GoToolchain go;
    private CHelper c;
    private DemoMeasurements demos;
    private Set<Long> descendantsBefore;

    @BeforeAll
    void start() throws InterruptedException {
        descendantsBefore = descendantPids();
        child = new ChildJvm(Duration.ofSeconds(30));
        go = new GoToolchain("go", System.getenv("PATH"), Duration.ofSeconds(30));
        c = new CHelper("gcc", System.getenv("PATH"), Duration.ofSeconds(30));
        c.prepareInBackground();
        go.awaitReady(Duration.ofMinutes(4)); // the builds run once, in the background, before any demo here
        c.awaitReady(Duration.ofMinutes(1));
        demos = new DemoMeasurements(child, go, c);
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the calling test (or fails it under CI=true, where .ci/run installs the tool) because a tool is missing. */
    private static void requireTool(String reason, String hint) {
        if (ci()) {
            Assertions.fail(reason + " (CI=true: a missing demo tool is a failure, not a skip); " + hint);
        }
        Assumptions.abort(reason + "; skipping. " + hint);
    }

    @Test
    void goIsInstalled() {
        if (go.status() == GoToolchain.Status.ABSENT) {
            requireTool("Go is not installed, so the demos' Go side is not checked", "apt-get install golang-go");
        }
        assertEquals(GoToolchain.Status.READY, go.status(), "the Go program builds");
    }

    @Test
    void goRaceDetectorFindsTheRace() {
        if (go.status() != GoToolchain.Status.READY || go.raceNote().en().contains("C compiler")) {
            requireTool("Go or a C compiler (for cgo, which -race needs) is missing", "apt-get install golang-go gcc");
        }
        assertEquals(java.util.Optional.of(true), go.raceDetected(100_000));
    }

    @AfterAll
    void noChildProcessOutlivesItsRun() {
        assertEquals(0, child.liveCount());
        Set<Long> left = descendantPids();
        left.removeAll(descendantsBefore);
        assertEquals(Set.of(), left, "processes started by the demos and still alive");
        child.close();
        go.close();
        c.close();
    }

    private static Set<Long> descendantPids() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private DemoResult run(DemoCatalog demo, Setting setting) {
        if (demo == DemoCatalog.FORK_COW && c.status() == GoToolchain.Status.ABSENT) {
            requireTool("No C compiler, so the fork demo's helper cannot be built", "apt-get install gcc");
        }
        DemoResult r = demos.measure(demo, Preset.SMALL, setting);
        assertEquals(demo.id(), r.demoId());
        assertEquals("small", r.preset());
        assertFalse(r.cached());
        assertTrue(demo == DemoCatalog.FORK_COW || !r.environment().childJvmFlags().isEmpty());
        assertFalse(r.proof().ru().isBlank());
        assertFalse(r.proof().en().isBlank());
        assertFalse(r.claims().isEmpty(), demo.id() + " states no claim");
        for (DemoResult.Claim c : r.claims()) {
            assertFalse(c.statement().ru().isBlank() || c.statement().en().isBlank(), c.key());
            assertTrue(c.evidence().en().matches(".*\\d.*") && c.evidence().ru().matches(".*\\d.*"),
                    "the numbers that decided " + c.key() + ": " + c.evidence());
        }
        return r;
    }

    private static String verdicts(DemoResult r) {
        return r.claims().stream().map(c -> c.key() + "=" + c.holds() + " (" + c.evidence().en() + ")")
                .collect(Collectors.joining("; "));
    }

    @ParameterizedTest
    @EnumSource(DemoCatalog.class)
    void everyClaimHoldsAsDesigned(DemoCatalog demo) {
        DemoResult r = run(demo, Setting.AS_DESIGNED);
        assertTrue(r.holds(), demo.id() + ": " + verdicts(r));
        if (WITH_GO.contains(demo) && go.status() == GoToolchain.Status.READY) {
            assertTrue(r.goComparison().available(), demo.id() + ": " + r.goComparison().note().en());
            assertTrue(r.claims().stream().anyMatch(c -> c.key().startsWith("go.")), demo.id() + " has a Go claim");
        } else {
            assertTrue(r.goComparison() == null || !r.goComparison().available());
        }
        switch (demo) {
            case OS_THREADS -> {
                String added = String.valueOf(r.row("virtual.addedByName").value());
                assertTrue(added.contains("ForkJoinPool"), "the carriers are named: " + added);
            }
            case ISOLATION -> {
                assertEquals(42, number(r, "thread.saw"));
                assertEquals(43, number(r, "parent.afterThread"), "the thread's write reached the parent");
                assertEquals(0, number(r, "child.saw"), "a fresh JVM starts from a clean image");
                assertEquals(43, number(r, "child.received"), "the value arrives through the pipe");
                assertEquals(43, number(r, "parent.afterChild"), "the child's write does not reach the parent");
                assertEquals(number(r, "parent.pid"), number(r, "child.ppid"));
                assertNotEquals(ProcessHandle.current().pid(), number(r, "parent.pid"), "measured in a child JVM");
            }
            case CHANNELS -> {
                assertTrue(real(r, "rendezvous.receiverTookMs") >= 190, "the receiver sleeps 200 ms first");
                assertEquals(true, r.row("checksumsMatch").value());
            }
            case THREAD_ANATOMY -> {
                int n = r.sizes().get("platformThreads");
                assertEquals(n, number(r, "distinctThreadIds"));
                assertEquals(1, number(r, "distinctHeapObjects"));
            }
            case FORK_COW -> {
                assertEquals(42, number(r, "child.saw"));
                assertEquals(42, number(r, "parent.after"), "the child's 99 stays in the child");
                assertEquals(1, number(r, "child.threads"));
            }
            case CREATION_COST -> {
                if (go.status() == GoToolchain.Status.ABSENT) {
                    assertTrue(r.goComparison().note().en().contains("Go toolchain not installed"));
                    assertTrue(r.goComparison().note().ru().contains("Go не установлен"));
                }
            }
            default -> {
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DemoCatalog.class)
    void everyClaimCheckFailsUnderTheSettingThatBreaksIt(DemoCatalog demo) {
        DemoResult r = run(demo, Setting.BREAKING);
        assertFalse(r.holds(), demo.id() + " should not hold when broken: " + verdicts(r));
        DemoResult.Claim failed = r.claims().stream().filter(c -> !c.holds()).findFirst().orElseThrow();
        assertNotNull(failed.evidence());
    }

    private static long number(DemoResult r, String key) {
        return ((Number) r.row(key).value()).longValue();
    }

    private static double real(DemoResult r, String key) {
        return ((Number) r.row(key).value()).doubleValue();
    }

    @Test
    void addedThreadsAreNamedFromTheirComm() {
        assertEquals("ForkJoinPool-1- +2, VirtualThread-u +1", OsThreadsDemo.addedByName(
                "C2 CompilerThre:1,java:2", "C2 CompilerThre:1,ForkJoinPool-1-:2,VirtualThread-u:1,java:2"));
    }

    @Test
    void aChildThatOverrunsItsDeadlineIsKilledWithItsDescendants() {
        try (ChildJvm impatient = new ChildJvm(Duration.ofMillis(300))) {
            // 5 pinned 100 ms sleeps on one carrier cannot finish in 300 ms (JVM start included)
            ChildJvm.DemoFailure failure = assertThrows(ChildJvm.DemoFailure.class, () -> impatient.run(
                    DemoChild.Mode.BLOCKING, List.of("-Djdk.virtualThreadScheduler.parallelism=1"), List.of(5), null));
            assertTrue(failure.getMessage().contains("killed"), failure.getMessage());
            assertEquals(0, impatient.liveCount());
        }
    }

    @Test
    void shuttingDownKillsARunningChild() throws Exception {
        ChildJvm closing = new ChildJvm(Duration.ofSeconds(30));
        Throwable[] outcome = new Throwable[1];
        // 20 pinned 100 ms sleeps on one carrier: about 2 s, long enough to be caught running
        Thread run = Thread.ofVirtual().start(() -> {
            try {
                closing.run(DemoChild.Mode.BLOCKING, List.of("-Djdk.virtualThreadScheduler.parallelism=1",
                        "-Djdk.virtualThreadScheduler.maxPoolSize=1", "--enable-native-access=ALL-UNNAMED"), List.of(20), null);
            } catch (Throwable t) {
                outcome[0] = t;
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (closing.liveCount() == 0 && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, closing.liveCount(), "the child should be running");
        closing.close();
        assertTrue(run.join(Duration.ofSeconds(10)), "the run ends once its child is killed");
        assertTrue(outcome[0] instanceof ChildJvm.DemoFailure, String.valueOf(outcome[0]));
        assertEquals(0, closing.liveCount());
    }

    @Test
    void theChildRefusesSizesBeyondItsLimits() {
        ChildJvm.DemoFailure failure = assertThrows(ChildJvm.DemoFailure.class,
                () -> child.run(DemoChild.Mode.BLOCKING, List.of(), List.of(101), null));
        assertTrue(failure.getMessage().contains("failed"), failure.getMessage());
    }
}
