package io.demodeck.demo.catalog.creationcost;

import io.demodeck.demo.child.ChildProgram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.control;
import static io.demodeck.demo.child.ChildSupport.put;

/** The creation-cost demo in the child JVM: the time and CPU time of starting and joining N threads, M processes. */
public final class CreationCostChild extends ChildProgram {

    public CreationCostChild() {
        super(2, 100_000); // threads (the same N of platform and virtual threads), processes
    }

    @Override
    public void run(int[] sizes) throws Exception {
        creationCost(sizes[0], sizes[1]);
    }

    private static void creationCost(int threads, int processes) throws Exception {
        // one cold round, then the median of three timed rounds, per kind; the same N on both sides
        boolean control = control();
        put("control", control);
        long[] platform = medianWallAndCpu(() -> startJoin(Thread.ofPlatform(), threads));
        long[] virtual = medianWallAndCpu(() -> startJoin(control ? Thread.ofPlatform() : Thread.ofVirtual(), threads));
        put("platform.nanos", platform[0]);
        put("platform.cpu.nanos", platform[1]);
        put("virtual.nanos", virtual[0]);
        put("virtual.cpu.nanos", virtual[1]);
        Path trueBinary = Stream.of("/bin/true", "/usr/bin/true").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (trueBinary == null) {
            put("process.nanos", "n/a");
        } else {
            put("process.nanos", medianNanos(() -> startWaitProcesses(trueBinary, processes)));
        }
    }

    interface Timed {
        void run() throws Exception;
    }

    /**
     * One cold round, then the medians of three rounds: wall-clock time, and the CPU time of the starting thread
     * (what starting and joining cost the caller; a busy machine inflates wall time with waiting, not CPU time).
     */
    private static long[] medianWallAndCpu(Timed body) throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        body.run();
        long[] wall = new long[3];
        long[] cpu = new long[3];
        for (int i = 0; i < wall.length; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            body.run();
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new long[] {wall[1], cpu[1]};
    }

    private static long medianNanos(Timed body) throws Exception {
        body.run();
        long[] t = new long[3];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            body.run();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[1];
    }

    private static void startJoin(Thread.Builder builder, int n) throws InterruptedException {
        AtomicInteger counter = new AtomicInteger();
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            threads[i] = builder.start(counter::incrementAndGet);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (counter.get() != n) {
            throw new IllegalStateException("lost a thread");
        }
    }

    private static void startWaitProcesses(Path binary, int n) throws Exception {
        List<Process> started = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                ProcessBuilder pb = new ProcessBuilder(binary.toString());
                pb.environment().clear();
                pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                started.add(pb.start());
            }
            for (Process p : started) {
                if (!p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("process did not exit");
                }
            }
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }
}
