package io.demodeck.demo;

import io.demodeck.demo.child.DemoChild;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts {@link DemoChild} in a short-lived JVM: the server's own java binary, a class path of just the child
 * classes (the entry, its helpers and every demo's child program, copied once to a private temp folder, so it works
 * from the fast-jar, tests and IDEs alike), a cleared environment, a bounded heap and stack, a wall-clock limit,
 * bounded output. Arguments come only from enums and integers, never from request text. Every child and its
 * descendants are killed when it is done.
 */
public final class ChildJvm implements AutoCloseable {

    public static final List<String> BASE_FLAGS = List.of("-Xmx512m", "-Xss1m", "-XX:+UseG1GC", "-Xshare:auto");
    /** The control run of a demo: the child swaps the thing under test, so the demo's claim cannot hold. */
    public static final String CONTROL = "-Ddemodeck.control=true";
    public static final List<String> ONE_CARRIER = List.of(
            "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1");
    public static final List<String> TWO_CARRIERS = List.of(
            "-Djdk.virtualThreadScheduler.parallelism=2", "-Djdk.virtualThreadScheduler.maxPoolSize=2");
    static final int MAX_OUTPUT_BYTES = 64 * 1024;
    private static final int MAX_ERROR_BYTES = 4 * 1024;

    private final Path classDir;
    private final String javaBinary;
    private final Duration timeout;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    public ChildJvm(Duration timeout) {
        this.timeout = timeout;
        this.javaBinary = javaBinary();
        this.classDir = extractChildClasses();
    }

    /** What the child printed, as key=value pairs in order, plus its PID and how long it ran. */
    public record Output(Map<String, String> values, long pid, long durationMs, List<String> flags, int exitCode) {

        public String text(String key) {
            String v = values.get(key);
            if (v == null) {
                throw new IllegalStateException("the demo child did not report " + key);
            }
            return v;
        }

        public long number(String key) {
            return Long.parseLong(text(key));
        }

        public boolean has(String key) {
            return values.containsKey(key);
        }
    }

    /** Runs the child; it must exit 0 after reporting done=yes, else the demo fails. */
    public Output run(DemoChild.Mode mode, List<String> extraFlags, List<Integer> sizes, String stdin) {
        Output o = execute(mode, extraFlags, sizes, stdin);
        if (o.exitCode() != 0 || !"yes".equals(o.values().get("done"))) {
            throw new DemoFailure("the demo JVM failed (exit " + o.exitCode() + "): " + o.values().getOrDefault("error", "no output"));
        }
        return o;
    }

    /** Runs a child that is meant to end abnormally (System.exit from a thread, a crash): any exit code is a result. */
    public Output runToExit(DemoChild.Mode mode, List<String> extraFlags) {
        return execute(mode, extraFlags, List.of(), null);
    }

    private Output execute(DemoChild.Mode mode, List<String> extraFlags, List<Integer> sizes, String stdin) {
        List<String> flags = new ArrayList<>(BASE_FLAGS);
        flags.addAll(extraFlags);
        List<String> command = new ArrayList<>();
        command.add(javaBinary);
        command.addAll(flags);
        command.addAll(List.of("-cp", classDir.toString(), DemoChild.class.getName(), mode.arg()));
        sizes.forEach(s -> command.add(Integer.toString(s)));

        ProcessBuilder pb = new ProcessBuilder(command).directory(classDir.toFile());
        pb.environment().clear(); // no server secrets in the child
        long start = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new DemoFailure("could not start the demo JVM: " + e.getMessage());
        }
        live.add(process);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread outReader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), out, MAX_OUTPUT_BYTES));
            Thread errReader = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), err, MAX_ERROR_BYTES));
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the child may already have exited; its output says what happened
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DemoFailure("the demo JVM did not finish within " + timeout.toSeconds() + " s and was killed");
            }
            outReader.join(Duration.ofSeconds(5));
            errReader.join(Duration.ofSeconds(5));
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            Map<String, String> values = parse(out.toString(StandardCharsets.UTF_8));
            if (process.exitValue() != 0 && !values.containsKey("error")) {
                err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).findFirst()
                        .ifPresent(line -> values.put("error", line));
            }
            return new Output(values, process.pid(), durationMs, List.copyOf(flags), process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        } finally {
            kill(process);
            live.remove(process);
        }
    }

    /** How many child JVMs are running now. */
    public int liveCount() {
        return live.size();
    }

    /** Kills every running child and its descendants (shutdown). */
    @Override
    public void close() {
        live.forEach(ChildJvm::kill);
        live.clear();
        deleteQuietly(classDir);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS); // reap it: no zombie stays behind
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> parse(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        output.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        return values;
    }

    /** Reads at most {@code max} bytes, then keeps reading and discarding so the child never blocks on a full pipe. */
    private static void drain(InputStream in, ByteArrayOutputStream into, int max) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                int room = max - into.size();
                if (room > 0) {
                    into.write(buffer, 0, Math.min(n, room));
                }
            }
        } catch (IOException ignored) {
            // the stream closes when the child is killed
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .filter(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The Quarkus fast-jar loads application classes with its own class loader, so {@code java.class.path}
     * does not contain them. Copy the child's class files ({@link DemoChild#classes()}, each with its nest members)
     * to a private temp folder instead.
     */
    private static Path extractChildClasses() {
        try {
            Path dir = Files.createTempDirectory("demodeck-child-");
            Set<Class<?>> copied = new LinkedHashSet<>();
            for (Class<?> top : DemoChild.classes()) {
                for (Class<?> c : top.getNestHost().getNestMembers()) {
                    if (copied.add(c)) {
                        copyClassFile(c, dir);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyClassFile(Class<?> c, Path dir) throws IOException {
        String resource = c.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = DemoChild.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class file " + resource);
            }
            Files.copy(in, target);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder; the OS cleans it eventually
        }
    }

    /** A demo could not be measured (child failed, timed out); the API answers 503. */
    public static final class DemoFailure extends RuntimeException {
        public DemoFailure(String message) {
            super(message);
        }
    }
}
