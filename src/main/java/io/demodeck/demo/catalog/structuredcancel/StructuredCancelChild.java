package io.demodeck.demo.catalog.structuredcancel;

import io.demodeck.demo.child.ChildProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.control;
import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.sleepQuietly;

/** The structured-cancel demo in the child JVM: one subtask fails while N siblings would run on. */
public final class StructuredCancelChild extends ChildProgram {

    public StructuredCancelChild() {
        super(1, 64); // siblings of the subtask that fails
    }

    @Override
    public void run(int[] sizes) throws Exception {
        structuredCancel(sizes[0]);
    }

    /**
     * One subtask fails after 50 ms while its siblings would run 1 s; the scope cancels (interrupts) the siblings
     * at the first failure, like StructuredTaskScope's "all must succeed" policy (a preview API in JDK 25, so an
     * equivalent on an executor here). The control run ({@code demodeck.control}) only joins: nobody cancels.
     */
    private static void structuredCancel(int siblings) throws Exception {
        boolean control = control();
        put("control", control);
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicLong failedAt = new AtomicLong();
        long start = System.nanoTime();
        var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        CountDownLatch firstFailure = new CountDownLatch(1);
        futures.add(executor.submit(() -> {
            sleepQuietly(50);
            failedAt.set(System.nanoTime() - start);
            firstFailure.countDown();
            throw new IllegalStateException("subtask failed");
        }));
        for (int i = 0; i < siblings; i++) {
            futures.add(executor.submit(() -> {
                try {
                    Thread.sleep(1_000);
                    completed.incrementAndGet();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
            }));
        }
        if (!control) {
            firstFailure.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            futures.forEach(f -> f.cancel(true)); // shut the scope down: interrupt every sibling still running
        }
        executor.close(); // join: waits for every subtask to end
        long joined = System.nanoTime() - start;
        put("failure.micros", failedAt.get() / 1000);
        put("joined.micros", joined / 1000);
        put("siblings", siblings);
        put("siblings.interrupted", interrupted.get());
        put("siblings.completed", completed.get());
    }
}
