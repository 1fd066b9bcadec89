package io.demodeck.demo.catalog.contextswitch;

import io.demodeck.demo.child.ChildProgram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.awaitQuietly;
import static io.demodeck.demo.child.ChildSupport.control;
import static io.demodeck.demo.child.ChildSupport.parallelism;
import static io.demodeck.demo.child.ChildSupport.put;

/** The context-switch demo in the child JVM: two threads hand a turn back and forth N times. */
public final class ContextSwitchChild extends ChildProgram {

    public ContextSwitchChild() {
        super(1, 200_000); // round trips
    }

    @Override
    public void run(int[] sizes) throws Exception {
        contextSwitch(sizes[0]);
    }

    /** Two threads hand a turn back and forth with park/unpark; the OS context switches of the whole process. */
    private static void contextSwitch(int roundTrips) throws Exception {
        boolean control = control(); // both pairs platform threads
        put("parallelism", parallelism());
        put("control", control);
        pingPong(Thread.ofPlatform(), Math.min(roundTrips, 2_000));
        pingPongMeasured("platform", Thread.ofPlatform(), roundTrips);
        Thread.Builder second = control ? Thread.ofPlatform() : Thread.ofVirtual();
        pingPong(second, Math.min(roundTrips, 2_000));
        pingPongMeasured("virtual", second, roundTrips);
    }

    private static void pingPongMeasured(String kind, Thread.Builder builder, int n) throws Exception {
        long before = processSwitches();
        AtomicLong own = new AtomicLong();
        long start = System.nanoTime();
        pingPong(builder, n, own);
        put(kind + ".nanos", System.nanoTime() - start);
        // a platform thread's own counter dies with it, so each adds its own; carriers outlive the run
        put(kind + ".ownSwitches", own.get());
        put(kind + ".processSwitches", before < 0 ? -1 : processSwitches() - before);
    }

    private static void pingPong(Thread.Builder builder, int n) throws Exception {
        pingPong(builder, n, new AtomicLong());
    }

    private static volatile int turn;

    /** Two threads take turns n times: each waits parked (no spinning, no timer) until the other hands it the turn. */
    private static void pingPong(Thread.Builder builder, int n, AtomicLong switches) throws Exception {
        turn = 0;
        Thread[] pair = new Thread[2];
        CountDownLatch ready = new CountDownLatch(1);
        for (int side = 0; side < 2; side++) {
            int me = side;
            pair[side] = builder.unstarted(() -> {
                awaitQuietly(ready);
                Thread other = pair[1 - me];
                long before = ownSwitches();
                for (int i = 0; i < n; i++) {
                    while (turn != me) {
                        java.util.concurrent.locks.LockSupport.park();
                    }
                    turn = 1 - me;
                    java.util.concurrent.locks.LockSupport.unpark(other);
                }
                switches.addAndGet(ownSwitches() - before);
            });
        }
        pair[0].start();
        pair[1].start();
        ready.countDown();
        pair[0].join(WAIT);
        pair[1].join(WAIT);
        if (pair[0].isAlive() || pair[1].isAlive()) {
            throw new IllegalStateException("the ping-pong did not finish");
        }
    }

    /** The calling OS thread's voluntary context switches (for a virtual thread: its carrier's); 0 elsewhere. */
    static long ownSwitches() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        return 0;
    }

    /** The sum of voluntary context switches over the threads of this process (from /proc); -1 elsewhere. */
    static long processSwitches() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long sum = 0;
        try (Stream<Path> s = Files.list(tasks)) {
            for (Path task : s.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return sum;
    }
}
