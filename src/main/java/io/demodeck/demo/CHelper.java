package io.demodeck.demo;

import java.io.IOException;
import java.io.InputStream;
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
 * The fork-cow demo's fixed C helper (src/main/resources/demo-c/forkcow.c). Java cannot fork without exec, so a
 * small C program shows what fork gives: built once with the server's gcc, in the background, never inside a
 * request, and then run with one of two fixed arguments. No request data reaches it or any shell.
 */
public final class CHelper implements AutoCloseable {

    public static final Text ABSENT = new Text(
            "Компилятора C (gcc) на этом сервере нет: демонстрация fork недоступна",
            "No C compiler (gcc) on this server: the fork demo is not available");

    public static final Text PREPARING = new Text(
            "Программа на C готовится (собирается один раз в фоне); запустите демо ещё раз через минуту",
            "The C program is being prepared (built once in the background); run the demo again in a minute");

    /** The helper's two modes: a real fork, and the control run with clone(CLONE_VM). */
    public enum Mode {
        FORK("fork"), CLONE_VM("clone-vm");

        final String arg;

        Mode(String arg) {
            this.arg = arg;
        }
    }

    private final String command;
    private final String pathVariable;
    private final Duration runTimeout;
    private final CountDownLatch built = new CountDownLatch(1);
    private volatile GoToolchain.Status status;
    private volatile Path binary;
    private volatile Path workDir;
    private boolean started;

    /** @param command the C compiler's name on PATH ("gcc") */
    public CHelper(String command, String pathVariable, Duration runTimeout) {
        this.command = command;
        this.pathVariable = pathVariable == null ? "" : pathVariable;
        this.runTimeout = runTimeout;
        this.status = compiler().isPresent() ? GoToolchain.Status.PREPARING : GoToolchain.Status.ABSENT;
    }

    public GoToolchain.Status status() {
        return status;
    }

    /** Starts the one build in a background thread (at most once); returns at once. */
    public synchronized void prepareInBackground() {
        if (started) {
            return;
        }
        started = true;
        Optional<Path> gcc = compiler();
        if (gcc.isEmpty()) {
            built.countDown();
            return;
        }
        Thread.ofVirtual().name("demodeck-c-build").start(() -> {
            try {
                status = build(gcc.get()) ? GoToolchain.Status.READY : GoToolchain.Status.FAILED;
            } finally {
                built.countDown();
            }
        });
    }

    /** Starts the build if needed and waits for it (tests and the results script, never a request). */
    public GoToolchain.Status awaitReady(Duration timeout) throws InterruptedException {
        prepareInBackground();
        built.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return status;
    }

    /** Runs the helper; its key=value output, or empty unless the helper is ready and ran to the end. */
    public Optional<Map<String, String>> run(Mode mode) {
        if (status != GoToolchain.Status.READY) {
            return Optional.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(binary.toString(), mode.arg).directory(workDir.toFile());
        pb.environment().clear();
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        String out = GoToolchain.runBounded(pb, runTimeout);
        Map<String, String> values = ChildJvm.parse(out == null ? "" : out);
        return "yes".equals(values.get("done")) ? Optional.of(values) : Optional.empty();
    }

    private Optional<Path> compiler() {
        return GoToolchain.onPath(pathVariable, command);
    }

    private boolean build(Path gcc) {
        try {
            workDir = Files.createTempDirectory("demodeck-c-");
            Path source = workDir.resolve("forkcow.c");
            try (InputStream in = CHelper.class.getResourceAsStream("/demo-c/forkcow.c")) {
                if (in == null) {
                    return false;
                }
                Files.copy(in, source);
            }
            Path out = workDir.resolve("forkcow");
            ProcessBuilder pb = new ProcessBuilder(gcc.toString(), "-O2", "-pthread", "-o", out.toString(), source.toString())
                    .directory(workDir.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", gcc.getParent() + java.io.File.pathSeparator + "/usr/bin:/bin");
            pb.redirectErrorStream(true);
            GoToolchain.runBounded(pb, Duration.ofMinutes(1));
            if (!Files.isExecutable(out)) {
                return false;
            }
            binary = out;
            return true;
        } catch (IOException e) {
            return false;
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
