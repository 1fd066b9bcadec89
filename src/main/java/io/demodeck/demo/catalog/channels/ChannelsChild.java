package io.demodeck.demo.catalog.channels;

import io.demodeck.demo.child.ChildProgram;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicLong;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.control;
import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.sleepQuietly;

/** The channels demo in the child JVM: a rendezvous, a buffer of 3, and M messages through each kind of channel. */
public final class ChannelsChild extends ChildProgram {

    public ChannelsChild() {
        super(1, 200_000); // messages
    }

    @Override
    public void run(int[] sizes) throws Exception {
        channels(sizes[0]);
    }

    private static final long POISON = Long.MIN_VALUE;

    private static void channels(int messages) throws Exception {
        // rendezvous: a virtual thread's put() on an unbuffered channel returns only when the receiver takes, 200 ms
        // later. The control run gives the "unbuffered" channel a capacity of 1, and then put() does not wait.
        int capacity = Integer.getInteger("demodeck.channels.unbufferedCapacity", 0);
        put("unbuffered.capacity", capacity);
        BlockingQueue<Long> unbuffered = capacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(capacity);
        long t0 = System.nanoTime();
        AtomicLong takeAt = new AtomicLong();
        AtomicLong putReturnedAt = new AtomicLong();
        Thread receiver = Thread.ofVirtual().start(() -> {
            sleepQuietly(200);
            takeAt.set(System.nanoTime() - t0);
            takeQuietly(unbuffered);
        });
        Thread sender = Thread.ofVirtual().start(() -> {
            putQuietly(unbuffered, 1L);
            putReturnedAt.set(System.nanoTime() - t0);
        });
        sender.join(WAIT);
        receiver.join(WAIT);
        put("rendezvous.take.micros", takeAt.get() / 1000);
        put("rendezvous.put.micros", putReturnedAt.get() / 1000);

        // a buffered channel of capacity 3: three puts return at once, the fourth waits until the receiver takes
        ArrayBlockingQueue<Long> buffered = new ArrayBlockingQueue<>(3);
        long t1 = System.nanoTime();
        long[] returned = new long[4];
        Thread bufferedSender = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 4; i++) {
                putQuietly(buffered, (long) i);
                returned[i] = (System.nanoTime() - t1) / 1_000_000;
            }
        });
        Thread.sleep(200);
        long takenAt = (System.nanoTime() - t1) / 1_000_000;
        buffered.take();
        bufferedSender.join(WAIT);
        put("buffered.takeMillis", takenAt);
        put("buffered.putReturnedMillis", Arrays.stream(returned).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(",")));

        // throughput: producer and consumer both virtual threads, put/take, after a warm-up round
        put("unbuffered.pipe", warmPipe(() -> capacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(capacity), messages));
        put("cap1.pipe", warmPipe(() -> new ArrayBlockingQueue<>(1), messages));
        put("buffered.pipe", warmPipe(() -> new ArrayBlockingQueue<>(128), messages));
    }

    private static String warmPipe(java.util.function.Supplier<BlockingQueue<Long>> channel, int messages) throws Exception {
        pipe(channel.get(), Math.min(messages, 20_000));
        return pipe(channel.get(), messages);
    }

    /** Producer and consumer virtual threads; returns "sentSum;receivedSum;received;nanos". */
    private static String pipe(BlockingQueue<Long> channel, int messages) throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong count = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                for (Long v; (v = channel.take()) != POISON; ) {
                    received.addAndGet(v);
                    count.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread producer = Thread.ofVirtual().start(() -> {
            long sum = 0;
            for (long i = 1; i <= messages; i++) {
                putQuietly(channel, i);
                sum += i;
            }
            sent.set(sum);
            putQuietly(channel, POISON); // stands in for close(ch)
        });
        producer.join(WAIT);
        consumer.join(WAIT);
        if (consumer.isAlive() || producer.isAlive()) {
            consumer.interrupt();
            producer.interrupt();
            throw new IllegalStateException("the channel pipe did not finish");
        }
        long nanos = System.nanoTime() - start;
        return sent.get() + ";" + received.get() + ";" + count.get() + ";" + nanos;
    }

    private static <T> void putQuietly(BlockingQueue<T> q, T v) {
        try {
            q.put(v);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> void takeQuietly(BlockingQueue<T> q) {
        try {
            q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
