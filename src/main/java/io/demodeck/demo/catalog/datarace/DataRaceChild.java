package io.demodeck.demo.catalog.datarace;

import io.demodeck.demo.child.ChildProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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

    /**
     * Rounds of the unsynchronized counters: a round whose threads happen not to overlap (a busy machine runs them
     * one after another; the JIT may turn a plain loop into one add) loses nothing, so the race is run again until a
     * round loses updates, within these bounds; the output says how many rounds ran, and a run that lost nothing says
     * so rather than claiming a loss.
     */
    static final int MAX_ROUNDS = 60;
    static final long ROUNDS_BUDGET_NANOS = java.time.Duration.ofSeconds(4).toNanos();

    private static void dataRace(int threads, int increments) throws Exception {
        boolean virtual = Boolean.getBoolean("demodeck.virtual");
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
        put("kind", virtual ? "virtual" : "platform");
        put("carriers", parallelism());
        long expected = (long) threads * increments;
        put("plain", untilLost(expected, () -> {
            plainCounter = 0;
            return race(builder, virtual, threads, () -> {
                for (int i = 0; i < increments; i++) {
                    plainCounter++;
                }
            }, () -> plainCounter);
        }));
        put("volatile", untilLost(expected, () -> {
            volatileCounter = 0;
            return race(builder, virtual, threads, () -> {
                for (int i = 0; i < increments; i++) {
                    volatileCounter++;
                }
            }, () -> volatileCounter);
        }));
        AtomicInteger atomic = new AtomicInteger();
        put("atomic", race(builder, virtual, threads, () -> {
            for (int i = 0; i < increments; i++) {
                atomic.incrementAndGet();
            }
        }, atomic::get) + ";1");
        ReentrantLock lock = new ReentrantLock();
        int[] locked = new int[1];
        put("lock", race(builder, virtual, threads, () -> {
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
        }) + ";1");
    }

    /** One race, as "count;millis". */
    @FunctionalInterface
    private interface Round {
        String run() throws Exception;
    }

    /**
     * Runs rounds until one loses updates (its count below {@code expected}), at most {@link #MAX_ROUNDS} and
     * {@link #ROUNDS_BUDGET_NANOS}; returns "count;millis;rounds" of the losing round, or of the last one when none
     * lost anything.
     */
    private static String untilLost(long expected, Round round) throws Exception {
        long start = System.nanoTime();
        String result = null;
        int rounds = 0;
        while (rounds < MAX_ROUNDS && (rounds == 0 || System.nanoTime() - start < ROUNDS_BUDGET_NANOS)) {
            result = round.run();
            rounds++;
            if (Long.parseLong(result.split(";")[0]) < expected) {
                break;
            }
        }
        return result + ";" + rounds;
    }

    /**
     * Runs the body on all threads at once; returns "count;millis". Platform threads start at a gate they spin on
     * (a blocking barrier wakes them one by one, and on a busy machine the first may be done before the last wakes):
     * the last to arrive opens it for the others, which are running at that moment. Virtual threads wait parked,
     * so that the others get onto a single carrier (spinning, or yielding, there would keep them off it).
     */
    private static String race(Thread.Builder builder, boolean virtual, int threads, Runnable body,
                               java.util.function.IntSupplier result) throws Exception {
        CountDownLatch gate = new CountDownLatch(threads);
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Thread> list = new ArrayList<>(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            list.add(builder.start(() -> {
                gate.countDown();
                try {
                    if (virtual) {
                        if (!gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                            return;
                        }
                    } else {
                        while (gate.getCount() > 0) {
                            if (System.nanoTime() - deadline > 0) {
                                return;
                            }
                            Thread.onSpinWait();
                        }
                    }
                } catch (InterruptedException e) {
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
