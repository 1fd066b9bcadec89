package io.demodeck.demo.catalog.footprint;

import io.demodeck.demo.child.ChildProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.awaitQuietly;
import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.settle;
import static io.demodeck.demo.child.ChildSupport.statusKb;

/** The footprint demo in the child JVM: resident memory, address space and heap while N threads are parked. */
public final class FootprintChild extends ChildProgram {

    public FootprintChild() {
        super(3, 100_000); // virtual threads, platform threads, stack depth of each virtual thread
    }

    @Override
    public void run(int[] sizes) throws Exception {
        footprint(sizes[0], sizes[1], sizes[2]);
    }

    private static void footprint(int virtual, int platform, int depth) throws Exception {
        if (depth > 5_000) {
            throw new IllegalArgumentException("depth out of range: " + depth);
        }
        put("depth", depth);
        measureFootprint("virtual", Thread.ofVirtual(), virtual, depth);
        settle();
        measureFootprint("platform", Thread.ofPlatform(), platform, 1);
    }

    private static void measureFootprint(String kind, Thread.Builder builder, int n, int depth) throws Exception {
        long heapBefore = heapAfterGc();
        long rssBefore = statusKb("VmRSS");
        long sizeBefore = statusKb("VmSize");
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                threads.add(builder.start(() -> parkAtDepth(depth, started, release)));
            }
            if (!started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("threads did not start");
            }
            // read the OS figures before the GC below, which could otherwise return memory inside the interval
            long rssWhile = statusKb("VmRSS");
            long sizeWhile = statusKb("VmSize");
            put(kind + ".heap.bytes", heapAfterGc() - heapBefore);
            put(kind + ".rss.kb", rssBefore < 0 ? -1 : rssWhile - rssBefore);
            put(kind + ".vmsize.kb", sizeBefore < 0 ? -1 : sizeWhile - sizeBefore);
        } finally {
            release.countDown();
            for (Thread t : threads) {
                t.join(WAIT);
            }
        }
    }

    /** Recurses {@code depth} frames, then parks: a parked virtual thread keeps every frame in its heap stack chunk. */
    private static long parkAtDepth(int depth, CountDownLatch started, CountDownLatch release) {
        if (depth > 1) {
            long below = parkAtDepth(depth - 1, started, release);
            return below + depth; // uses the result, so the frame is not optimised into a loop
        }
        started.countDown();
        awaitQuietly(release);
        return 0;
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
