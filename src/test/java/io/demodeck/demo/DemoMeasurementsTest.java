package io.demodeck.demo;

import io.demodeck.demo.child.DemoChild;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every demo's small preset in real child JVMs and checks what the demo claims against what was
 * measured. Timing assertions only where the demo itself measures sleeping, with generous margins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoMeasurementsTest {

    private ChildJvm child;
    private DemoMeasurements demos;
    private Set<Long> descendantsBefore;

    @BeforeAll
    void start() {
        descendantsBefore = descendantPids();
        child = new ChildJvm(Duration.ofSeconds(30));
        demos = new DemoMeasurements(child, new GoToolchain("demodeck-no-such-go-command", System.getenv("PATH"),
                Duration.ofSeconds(10)));
    }

    @AfterAll
    void noChildProcessOutlivesItsRun() {
        assertEquals(0, child.liveCount());
        Set<Long> left = descendantPids();
        left.removeAll(descendantsBefore);
        assertEquals(Set.of(), left, "processes started by the demos and still alive");
        child.close();
    }

    private static Set<Long> descendantPids() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private DemoResult run(DemoCatalog demo) {
        DemoResult r = demos.measure(demo, Preset.SMALL);
        assertEquals(demo.id(), r.demoId());
        assertEquals("small", r.preset());
        assertFalse(r.cached());
        assertFalse(r.environment().childJvmFlags().isEmpty());
        assertTrue(r.environment().cpus() >= 1);
        assertFalse(r.proof().ru().isBlank());
        assertFalse(r.proof().en().isBlank());
        return r;
    }

    private static long number(DemoResult r, String key) {
        return ((Number) r.row(key).value()).longValue();
    }

    private static double real(DemoResult r, String key) {
        return ((Number) r.row(key).value()).doubleValue();
    }

    private static boolean linux() {
        return System.getProperty("os.name").toLowerCase().contains("linux");
    }

    @Test
    void virtualThreadsAddFarFewerOsThreadsThanPlatformThreads() {
        DemoResult r = run(DemoCatalog.OS_THREADS);
        if (!linux()) {
            assertFalse(r.available());
            assertEquals(DemoMeasurements.NOT_ON_THIS_OS, r.proof());
            return;
        }
        int n = r.sizes().get("platformThreads");
        long platformAdded = number(r, "platform.addedOsThreads");
        long virtualAdded = number(r, "virtual.addedOsThreads");
        assertTrue(platformAdded >= 0.9 * n, "platform threads added " + platformAdded + " OS threads for " + n);
        assertTrue(virtualAdded < 50, r.sizes().get("virtualThreads") + " virtual threads added " + virtualAdded);
        assertTrue(r.proof().en().contains(DemoMeasurements.n(platformAdded, "en")), r.proof().en());
    }

    @Test
    void theChildProcessHasItsOwnPidAndItsOwnCopyOfTheVariable() {
        DemoResult r = run(DemoCatalog.ISOLATION);
        long server = ProcessHandle.current().pid();
        assertEquals(server, number(r, "server.pid"));
        assertEquals(server, number(r, "thread.pid"), "a thread runs in the same process");
        assertEquals(42, number(r, "thread.saw"));
        assertEquals(43, number(r, "parent.afterThread"), "the thread's write reached the parent");
        assertNotEquals(server, number(r, "child.pid"));
        assertEquals(server, number(r, "child.ppid"));
        assertNotEquals(42, number(r, "child.initial"), "the child does not see the parent's value");
        assertEquals(44, number(r, "child.received"), "the value arrives through the pipe");
        assertEquals(45, number(r, "child.after"));
        assertEquals(44, number(r, "parent.afterChild"), "the child's write does not reach the parent");
    }

    @Test
    void atomicAndLockedCountersAreExact() {
        DemoResult r = run(DemoCatalog.DATA_RACE);
        long expected = (long) r.sizes().get("threads") * r.sizes().get("incrementsPerThread");
        assertEquals(expected, number(r, "expected"));
        assertEquals(expected, number(r, "platform.atomic"));
        assertEquals(expected, number(r, "platform.lock"));
        assertTrue(number(r, "platform.plain") <= expected);
        assertEquals(expected - number(r, "platform.plain"), number(r, "platform.plainLost"));
    }

    @Test
    void parallelismOneShowsExactlyOneCarrier() {
        DemoResult r = run(DemoCatalog.CARRIERS);
        assertEquals(1, number(r, "one.carrierCount"), String.valueOf(r.row("one.carriers").value()));
        assertEquals(0, number(r, "one.migrated"));
        assertTrue(number(r, "default.carrierCount") >= 1);
        assertTrue(number(r, "default.carrierCount") <= number(r, "default.parallelism"));
        assertFalse(r.goComparison().available());
        assertEquals(GoToolchain.ABSENT, r.goComparison().note());
    }

    @Test
    void theUnbufferedSendWaitsForTheReceive() {
        DemoResult r = run(DemoCatalog.CHANNELS);
        double took = real(r, "rendezvous.receiverTookMs");
        double sendReturned = real(r, "rendezvous.sendReturnedMs");
        assertTrue(took >= 190, "the receiver sleeps 200 ms first: " + took);
        assertTrue(sendReturned >= took, "send returned at " + sendReturned + " ms, before the take at " + took);
        assertEquals("true,true,true,false", r.row("buffered.offers").value());
        assertEquals(true, r.row("unbuffered.checksumMatches").value());
        assertEquals(true, r.row("buffered.checksumMatches").value());
    }

    @Test
    void sleepingUnmountsButANativeFramePins() {
        DemoResult r = run(DemoCatalog.BLOCKING);
        int n = r.sizes().get("virtualThreads");
        long serial = n * 100L;
        assertTrue(number(r, "sleep.millis") < serial * 0.7, "plain sleeps took " + number(r, "sleep.millis"));
        if (r.row("native.millis") != null) {
            assertTrue(number(r, "native.millis") >= serial * 0.9, "pinned sleeps took " + number(r, "native.millis"));
        } else {
            assertTrue(r.proof().en().contains("not available"));
        }
    }

    @Test
    void threadsShareThePidAndHeapButHaveTheirOwnIdsAndStacks() {
        DemoResult r = run(DemoCatalog.THREAD_ANATOMY);
        int n = r.sizes().get("platformThreads");
        assertEquals(1, number(r, "distinctPids"));
        assertNotEquals(ProcessHandle.current().pid(), number(r, "pid"), "measured in the child JVM");
        if (linux()) {
            assertEquals(n, number(r, "distinctThreadIds"));
        }
        assertEquals(true, r.row("localsPrivate").value());
        assertEquals(1, number(r, "distinctHeapObjects"));
        assertEquals(n, number(r, "sharedCounter"));
    }

    @Test
    void creatingAVirtualThreadIsCheaperThanAPlatformThreadWhichIsCheaperThanAProcess() {
        DemoResult r = run(DemoCatalog.CREATION_COST);
        double virtual = real(r, "virtual.microsPerThread");
        double platform = real(r, "platform.microsPerThread");
        assertTrue(virtual < platform, virtual + " µs vs " + platform + " µs");
        if (r.row("process.microsPerProcess") != null) {
            assertTrue(platform < real(r, "process.microsPerProcess"));
        }
        assertFalse(r.goComparison().available());
        assertTrue(r.goComparison().note().en().contains("Go toolchain not installed"));
        assertTrue(r.goComparison().note().ru().contains("Go не установлен"));
    }

    @Test
    void aPlatformThreadReservesItsStackAVirtualThreadDoesNot() {
        DemoResult r = run(DemoCatalog.FOOTPRINT);
        if (!linux()) {
            assertFalse(r.available());
            return;
        }
        assertTrue(real(r, "platform.reservedKibPerThread") >= 512, "-Xss1m reserves about 1 MiB");
        assertTrue(real(r, "virtual.reservedKibPerThread") < 64);
        assertTrue(real(r, "platform.rssKibPerThread") > real(r, "virtual.rssKibPerThread"));
        assertTrue(real(r, "virtual.rssKibPerThread") > 0 && real(r, "virtual.heapKibPerThread") > 0,
                "a virtual thread costs some memory");
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
            Thread.onSpinWait();
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
