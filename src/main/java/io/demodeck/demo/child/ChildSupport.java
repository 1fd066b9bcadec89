package io.demodeck.demo.child;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What several demos' child programs share: the {@code key=value} output the server parses, the deadline of every
 * wait, quiet sleeps, and counts read from /proc. JDK only, like every class of the child JVM.
 */
public final class ChildSupport {

    /** The longest any wait inside a child may take; the server kills the child anyway after its wall-clock limit. */
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final PrintStream OUT = new PrintStream(System.out, false, StandardCharsets.UTF_8);

    private ChildSupport() {
    }

    public static void put(String key, Object value) {
        OUT.println(key + "=" + String.valueOf(value).replace('\n', ' '));
    }

    public static void flush() {
        OUT.flush();
    }

    /** Prints and flushes at once, one thread at a time: for threads that may be cut off by the end of the process. */
    public static void putNow(String key, Object value) {
        synchronized (OUT) {
            put(key, value);
            OUT.flush();
        }
    }

    /** The control run of a demo ({@code -Ddemodeck.control=true}): it swaps the thing under test. */
    public static boolean control() {
        return Boolean.getBoolean("demodeck.control");
    }

    public static int parallelism() {
        return Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
    }

    /** The OS threads of this process ({@code /proc/self/task}); -1 where there is no /proc. */
    public static long taskCount() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(tasks)) {
            return s.count();
        }
    }

    /** The kernel tears finished threads down asynchronously; wait until the count stops falling (max 2 s). */
    public static void settle() throws Exception {
        long previous = taskCount();
        for (int i = 0; i < 40; i++) {
            Thread.sleep(50);
            long now = taskCount();
            if (now == previous) {
                return;
            }
            previous = now;
        }
    }

    /** A field of /proc/self/status in KiB, or -1 where there is no /proc. */
    public static long statusKb(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        return -1;
    }

    public static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
