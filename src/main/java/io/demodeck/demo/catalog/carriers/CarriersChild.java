package io.demodeck.demo.catalog.carriers;

import io.demodeck.demo.child.ChildProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.parallelism;
import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.taskCount;

/** The carriers demo in the child JVM: the carrier of each of N virtual threads before and after a sleep. */
public final class CarriersChild extends ChildProgram {

    public CarriersChild() {
        super(1, 100_000); // virtual threads
    }

    @Override
    public void run(int[] sizes) throws Exception {
        carriers(sizes[0]);
    }

    private static void carriers(int n) throws Exception {
        Map<String, AtomicInteger> before = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> after = new ConcurrentHashMap<>();
        AtomicInteger migrated = new AtomicInteger();
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                String first = carrierName();
                before.computeIfAbsent(first, k -> new AtomicInteger()).incrementAndGet();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                String second = carrierName();
                after.computeIfAbsent(second, k -> new AtomicInteger()).incrementAndGet();
                if (!first.equals(second)) {
                    migrated.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join(WAIT);
        }
        put("parallelism", parallelism());
        put("carriers.before", format(before));
        put("carriers.after", format(after));
        put("migrated", migrated.get());
        put("tasks", taskCount());
    }

    /** The carrier's name from the diagnostic {@code VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1}. */
    static String carrierName() {
        String s = Thread.currentThread().toString();
        int at = s.lastIndexOf('@');
        return at < 0 ? "unknown" : s.substring(at + 1);
    }

    private static String format(Map<String, AtomicInteger> counts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append(':').append(v.get()));
        return sb.toString();
    }
}
