package io.demodeck.demo.catalog.throughput;

import io.demodeck.demo.child.ChildProgram;

import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.sleepQuietly;

/** The throughput demo in the child JVM: waiting and CPU-bound tasks on a pool and on virtual threads. */
public final class ThroughputChild extends ChildProgram {

    public ThroughputChild() {
        super(3, 10_000); // tasks, platform pool size, milliseconds each task sleeps
    }

    @Override
    public void run(int[] sizes) throws Exception {
        throughput(sizes[0], sizes[1], sizes[2]);
    }

    /** tasks sleeping sleepMillis each, on a pool of platform threads vs one virtual thread each; then CPU-bound. */
    private static void throughput(int tasks, int pool, int sleepMillis) throws Exception {
        if (pool > 2_000 || sleepMillis > 1_000) {
            throw new IllegalArgumentException("size out of range");
        }
        Runnable sleeping = () -> sleepQuietly(sleepMillis);
        put("platform.sleep.nanos", timeTasks(java.util.concurrent.Executors.newFixedThreadPool(pool), tasks, sleeping));
        put("virtual.sleep.nanos", timeTasks(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor(), tasks, sleeping));
        int cpuTasks = Math.max(1, tasks / 10);
        Runnable spinning = () -> {
            long end = System.nanoTime() + 2_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        };
        put("cpu.tasks", cpuTasks);
        put("platform.cpu.nanos", timeTasks(java.util.concurrent.Executors.newFixedThreadPool(pool), cpuTasks, spinning));
        put("virtual.cpu.nanos", timeTasks(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor(), cpuTasks, spinning));
    }

    private static long timeTasks(java.util.concurrent.ExecutorService executor, int tasks, Runnable task) throws Exception {
        long start = System.nanoTime();
        try (executor) {
            for (int i = 0; i < tasks; i++) {
                executor.execute(task);
            }
        } // close() waits for every task
        return System.nanoTime() - start;
    }
}
