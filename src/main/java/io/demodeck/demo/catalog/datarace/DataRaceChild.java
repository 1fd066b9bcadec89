package io.demodeck.demo.catalog.datarace;

import io.demodeck.demo.child.ChildProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.parallelism;
import static io.demodeck.demo.child.ChildSupport.put;

/** The data-race demo in the child JVM: threads increment shared counters of four kinds at once. */
public final class DataRaceChild extends ChildProgram {

    public DataRaceChild() {
        super(2, 1_000_000); // threads, increments per thread
    }

    @Override
    public void run(int[] sizes) throws Exception {
        dataRace(sizes[0], sizes[1]);
    }

    private static int plainCounter;

    private static volatile int volatileCounter;

    private static void dataRace(int threads, int increments) throws Exception {
        boolean virtual = Boolean.getBoolean("demodeck.virtual");
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
        put("kind", virtual ? "virtual" : "platform");
        put("carriers", parallelism());
        // up to 5 rounds, the worst reported: the JIT may turn a plain loop into one add, and a round whose
        // threads then happen not to overlap loses nothing
        String plain = null;
        for (int round = 0; round < 5; round++) {
            plainCounter = 0;
            String result = race(builder, threads, () -> {
                for (int i = 0; i < increments; i++) {
                    plainCounter++;
                }
            }, () -> plainCounter);
            if (plain == null || Long.parseLong(result.split(";")[0]) < Long.parseLong(plain.split(";")[0])) {
                plain = result;
            }
            if (plainCounter != threads * increments) {
                break;
            }
        }
        put("plain", plain);
        volatileCounter = 0;
        put("volatile", race(builder, threads, () -> {
            for (int i = 0; i < increments; i++) {
                volatileCounter++;
            }
        }, () -> volatileCounter));
        AtomicInteger atomic = new AtomicInteger();
        put("atomic", race(builder, threads, () -> {
            for (int i = 0; i < increments; i++) {
                atomic.incrementAndGet();
            }
        }, atomic::get));
        ReentrantLock lock = new ReentrantLock();
        int[] locked = new int[1];
        put("lock", race(builder, threads, () -> {
            for (int i = 0; i < increments; i++) {
                lock.lock();
                try {
                    locked[0]++;
                } finally {
                    lock.unlock();
                }
            }
        }, () -> {
            lock.lock();
            try {
                return locked[0];
            } finally {
                lock.unlock();
            }
        }));
    }

    /** Runs the body on all threads at once (barrier start); returns "count;millis". */
    private static String race(Thread.Builder builder, int threads, Runnable body,
                               java.util.function.IntSupplier result) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Thread> list = new ArrayList<>(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            list.add(builder.start(() -> {
                try {
                    barrier.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    return;
                }
                body.run();
            }));
        }
        for (Thread t : list) {
            t.join(WAIT);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return result.getAsInt() + ";" + millis;
    }
}
