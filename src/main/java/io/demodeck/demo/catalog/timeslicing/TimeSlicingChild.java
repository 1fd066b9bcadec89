package io.demodeck.demo.catalog.timeslicing;

import io.demodeck.demo.child.ChildProgram;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.parallelism;
import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.sleepQuietly;

/** The time-slicing demo in the child JVM: a ticker virtual thread beside a busy one on the same carrier. */
public final class TimeSlicingChild extends ChildProgram {

    public TimeSlicingChild() {
        super(1, 2_000); // milliseconds the busy virtual thread spins
    }

    @Override
    public void run(int[] sizes) throws Exception {
        timeSlicing(sizes[0]);
    }

    /** A ticker virtual thread sleeps 5 ms in a loop; a CPU-bound virtual thread spins; the ticker's longest gap. */
    private static void timeSlicing(int busyMillis) throws Exception {
        put("parallelism", parallelism());
        AtomicLong maxGap = new AtomicLong();
        AtomicInteger ticks = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread ticker = Thread.ofVirtual().start(() -> {
            long last = System.nanoTime();
            while (!stop.get()) {
                sleepQuietly(5);
                long now = System.nanoTime();
                maxGap.accumulateAndGet(now - last, Math::max);
                last = now;
                ticks.incrementAndGet();
            }
        });
        Thread.sleep(50);
        long gapBefore = maxGap.getAndSet(0);
        Thread busy = Thread.ofVirtual().start(() -> {
            long end = System.nanoTime() + busyMillis * 1_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // never blocks, never yields
            }
        });
        busy.join(WAIT);
        Thread.sleep(30);
        stop.set(true);
        ticker.join(WAIT);
        put("busy.millis", busyMillis);
        put("ticker.gapBeforeMicros", gapBefore / 1000);
        put("ticker.maxGapMicros", maxGap.get() / 1000);
        put("ticker.ticks", ticks.get());
    }
}
