package io.demodeck.demo.catalog.osthreads;

import io.demodeck.demo.child.ChildProgram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.awaitQuietly;
import static io.demodeck.demo.child.ChildSupport.parallelism;
import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.settle;
import static io.demodeck.demo.child.ChildSupport.taskCount;

/** The os-threads demo in the child JVM: the OS threads of the process while N threads are blocked. */
public final class OsThreadsChild extends ChildProgram {

    public OsThreadsChild() {
        super(2, 100_000); // virtual threads, platform threads
    }

    @Override
    public void run(int[] sizes) throws Exception {
        osThreads(sizes[0], sizes[1]);
    }

    private static void osThreads(int virtual, int platform) throws Exception {
        put("parallelism", parallelism());
        put("tasks.start", taskCount());
        put("names.start", taskNames());
        put("tasks.virtual", whileBlocked(Thread.ofVirtual(), virtual, "names.virtual"));
        settle();
        put("tasks.between", taskCount());
        put("names.between", taskNames());
        put("tasks.platform", whileBlocked(Thread.ofPlatform(), platform, null));
        settle();
        put("tasks.end", taskCount());
    }

    /**
     * The OS threads of this process grouped by the kernel's name ({@code /proc/self/task/<tid>/comm}, at most 15
     * characters, digits at the end folded to #): "ForkJoinPool-1-:2,GC Thread#:2,...".
     */
    static String taskNames() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return "";
        }
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> s = Files.list(tasks)) {
            s.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+$", "#")
                            .replace(',', ' ').replace(':', ' ');
                    counts.merge(name, 1, Integer::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            });
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append(':').append(v));
        return sb.toString();
    }

    /** Starts n threads that block on a latch, counts (and names) the OS threads of this process, then releases them. */
    private static long whileBlocked(Thread.Builder builder, int n, String namesKey) throws Exception {
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                threads.add(builder.start(() -> {
                    started.countDown();
                    awaitQuietly(release);
                }));
            }
            if (!started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("threads did not start");
            }
            if (namesKey != null) {
                put(namesKey, taskNames());
            }
            return taskCount();
        } finally {
            release.countDown();
            for (Thread t : threads) {
                t.join(WAIT);
            }
        }
    }
}
