package io.demodeck.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The optional Go side of the comparison. The {@code go} command is looked up on the server's PATH once; where
 * it exists, the Go program (src/main/resources/demo-go) is built once, in the background, into a private temp
 * folder, and then only run. A build never happens inside a request: until it is done, every Go comparison says
 * the program is being prepared. Where a C compiler exists too, a second binary is built with {@code -race}
 * (the race detector needs cgo).
 */
public final class GoToolchain implements AutoCloseable {

    public enum Status {
        ABSENT, PREPARING, READY, FAILED
    }

    public static final Text ABSENT = new Text(
            "Инструментарий Go не установлен на этом сервере: сравнение с Go не показано",
            "Go toolchain not installed on this server: Go comparison not shown");
    public static final Text PREPARING = new Text(
            "Программа Go готовится (собирается один раз в фоне); запустите демо ещё раз через минуту",
            "The Go program is being prepared (built once in the background); run the demo again in a minute");
    public static final Text BUILD_FAILED = new Text(
            "Программу Go не удалось собрать: сравнение не показано",
            "The Go program could not be built: Go comparison not shown");
    static final Text NO_C_COMPILER = new Text(
            "без -race: детектору гонок нужен cgo, а компилятора C (gcc) на сервере нет",
            "not built with -race: the race detector needs cgo, and there is no C compiler (gcc) on this server");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);

    private final String command;
    private final String cCompiler;
    private final String pathVariable;
    private final Duration runTimeout;
    private final CountDownLatch built = new CountDownLatch(1);
    private volatile Status status;
    private volatile Path binary;
    private volatile Path raceBinary;
    private volatile String version = "";
    private volatile Path workDir;
    private boolean started;

    /**
     * @param command      the command name ("go") or an absolute path
     * @param pathVariable the PATH to search (the server's)
     */
    public GoToolchain(String command, String pathVariable, Duration runTimeout) {
        this(command, "gcc", pathVariable, runTimeout);
    }

    /** @param cCompiler the C compiler cgo uses for -race builds ("gcc"); where it is missing, no -race build */
    public GoToolchain(String command, String cCompiler, String pathVariable, Duration runTimeout) {
        this.command = command;
        this.cCompiler = cCompiler;
        this.pathVariable = pathVariable == null ? "" : pathVariable;
        this.runTimeout = runTimeout;
        this.status = locate(command).isPresent() ? Status.PREPARING : Status.ABSENT;
    }

    /** Starts the one build in a background thread (at most once); returns at once. */
    public synchronized void prepareInBackground() {
        if (started) {
            return;
        }
        started = true;
        Optional<Path> go = locate(command);
        if (go.isEmpty()) {
            status = Status.ABSENT;
            built.countDown();
            return;
        }
        Thread.ofVirtual().name("demodeck-go-build").start(() -> {
            try {
                status = build(go.get()) ? Status.READY : Status.FAILED;
            } finally {
                built.countDown();
            }
        });
    }

    /** Where the build stands; PREPARING also before the build was started. */
    public Status status() {
        return status;
    }

    /** Starts the build if needed and waits for it (tests and the results script, never a request). */
    public Status awaitReady(Duration timeout) throws InterruptedException {
        prepareInBackground();
        built.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return status;
    }

    public String version() {
        return version;
    }

    /** Why the race detector is not available ({@link #NO_C_COMPILER}), or empty text when it is. */
    public Text raceNote() {
        return raceBinary == null ? NO_C_COMPILER : new Text("", "");
    }

    /** Runs the Go demo program with integer arguments; key=value output like the Java child. Empty unless ready. */
    public Optional<Map<String, String>> run(String mode, List<Integer> args, Map<String, String> env) {
        if (status != Status.READY) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), mode));
        args.forEach(a -> cmd.add(Integer.toString(a)));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        String out = runBounded(pb, runTimeout);
        Map<String, String> values = ChildJvm.parse(out == null ? "" : out);
        return "yes".equals(values.get("done")) ? Optional.of(values) : Optional.empty();
    }

    /** Runs the race mode under the race detector: whether it reported a data race. Empty without a -race build. */
    public Optional<Boolean> raceDetected(int increments) {
        if (status != Status.READY || raceBinary == null) {
            return Optional.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(raceBinary.toString(), "race", Integer.toString(Math.min(increments, 100_000)));
        pb.environment().clear();
        pb.environment().put("GORACE", "exitcode=0 halt_on_error=1"); // stop at the first report, exit 0
        pb.redirectErrorStream(true);
        String out = runBounded(pb, runTimeout);
        return out == null ? Optional.empty() : Optional.of(out.contains("WARNING: DATA RACE"));
    }

    Optional<Path> locate(String name) {
        return onPath(pathVariable, name);
    }

    /** An executable by absolute path, or the first of that name in the folders of a PATH value. */
    static Optional<Path> onPath(String pathVariable, String name) {
        Path direct = Path.of(name);
        if (direct.isAbsolute()) {
            return Files.isExecutable(direct) ? Optional.of(direct) : Optional.empty();
        }
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private boolean build(Path go) {
        try {
            workDir = Files.createTempDirectory("demodeck-go-");
            Path source = workDir.resolve("demo.go");
            try (InputStream in = GoToolchain.class.getResourceAsStream("/demo-go/demo.go")) {
                if (in == null) {
                    return false;
                }
                Files.copy(in, source);
            }
            Optional<Path> cc = locate(cCompiler);
            String v = runBounded(goCommand(go, cc, false, "version"), Duration.ofSeconds(10));
            version = v == null ? "" : v.strip();
            Path out = workDir.resolve("demo");
            runBounded(goCommand(go, cc, false, "build", "-o", out.toString(), source.toString()), BUILD_TIMEOUT);
            if (!Files.isExecutable(out)) {
                return false;
            }
            binary = out;
            if (cc.isPresent()) {
                Path race = workDir.resolve("demo-race");
                runBounded(goCommand(go, cc, true, "build", "-race", "-o", race.toString(), source.toString()), BUILD_TIMEOUT);
                raceBinary = Files.isExecutable(race) ? race : null;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private ProcessBuilder goCommand(Path go, Optional<Path> cc, boolean cgo, String... args) {
        List<String> cmd = new ArrayList<>(List.of(go.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().clear();
        String path = go.getParent() + cc.map(c -> java.io.File.pathSeparator + c.getParent()).orElse("");
        pb.environment().put("PATH", path + java.io.File.pathSeparator + "/usr/bin:/bin");
        pb.environment().put("HOME", workDir.toString());
        pb.environment().put("GOCACHE", cacheDir().toString());
        pb.environment().put("GOPATH", workDir.resolve("gopath").toString());
        pb.environment().put("GO111MODULE", "off");
        pb.environment().put("CGO_ENABLED", cgo ? "1" : "0");
        pb.redirectErrorStream(true);
        return pb;
    }

    /**
     * The build cache: kept in the server user's home between starts (a -race build compiles the runtime, about 20 s
     * on 2 cores), else in the private temp folder. Never a shared /tmp path another user could fill.
     */
    private Path cacheDir() {
        Path home = Path.of(System.getProperty("user.home", ""), ".cache", "demodeck", "go-build");
        try {
            Files.createDirectories(home);
            if (Files.isWritable(home)) {
                return home;
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the temp folder
        }
        return workDir.resolve("cache");
    }

    /** Runs a process with a deadline; returns at most 64 KiB of its stdout, or null on failure. */
    static String runBounded(ProcessBuilder pb, Duration timeout) {
        Process p = null;
        try {
            p = pb.start();
            p.getOutputStream().close();
            Process process = p;
            byte[][] holder = new byte[1][];
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream in = process.getInputStream()) {
                    holder[0] = in.readNBytes(ChildJvm.MAX_OUTPUT_BYTES);
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // killed
                }
            });
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
            reader.join(Duration.ofSeconds(5));
            return p.exitValue() == 0 && holder[0] != null ? new String(holder[0], StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        Path dir = workDir;
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                List<Path> all = new ArrayList<>(files.toList());
                java.util.Collections.reverse(all);
                all.forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // temp folder
            }
        }
    }
}
