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
import java.util.concurrent.TimeUnit;

/**
 * The optional Go side of the comparison. The {@code go} command is looked up on the server's PATH at most
 * once; where it exists, the Go program (src/main/resources/demo-go) is built once into a private temp folder
 * and then only run. Where it does not, every Go comparison says so.
 */
public final class GoToolchain implements AutoCloseable {

    public static final Text ABSENT = new Text(
            "Инструментарий Go не установлен на этом сервере: сравнение с Go не показано",
            "Go toolchain not installed on this server: Go comparison not shown");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);

    private final String command;
    private final String pathVariable;
    private final Duration runTimeout;
    private volatile Optional<Path> binary; // null until first asked
    private volatile String version = "";
    private Path workDir;

    /**
     * @param command      the command name ("go") or an absolute path
     * @param pathVariable the PATH to search (the server's)
     */
    public GoToolchain(String command, String pathVariable, Duration runTimeout) {
        this.command = command;
        this.pathVariable = pathVariable == null ? "" : pathVariable;
        this.runTimeout = runTimeout;
    }

    /** The built Go demo program, if the toolchain exists; looked up and built once. */
    public synchronized Optional<Path> program() {
        if (binary == null) {
            binary = locate().flatMap(this::build);
        }
        return binary;
    }

    public String version() {
        return version;
    }

    /** Runs the Go demo program; key=value output like the Java child. Empty if Go is absent. */
    public Optional<Map<String, String>> run(String mode, int n, Map<String, String> env) {
        Optional<Path> program = program();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(program.get().toString(), mode, Integer.toString(n));
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        String out = runBounded(pb, runTimeout);
        Map<String, String> values = ChildJvm.parse(out == null ? "" : out);
        return "yes".equals(values.get("done")) ? Optional.of(values) : Optional.empty();
    }

    Optional<Path> locate() {
        Path direct = Path.of(command);
        if (direct.isAbsolute()) {
            return Files.isExecutable(direct) ? Optional.of(direct) : Optional.empty();
        }
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Path> build(Path go) {
        try {
            workDir = Files.createTempDirectory("demodeck-go-");
            Path source = workDir.resolve("demo.go");
            try (InputStream in = GoToolchain.class.getResourceAsStream("/demo-go/demo.go")) {
                if (in == null) {
                    return Optional.empty();
                }
                Files.copy(in, source);
            }
            ProcessBuilder versionCmd = new ProcessBuilder(go.toString(), "version");
            goEnv(versionCmd, go);
            String v = runBounded(versionCmd, Duration.ofSeconds(10));
            version = v == null ? "" : v.strip();
            Path out = workDir.resolve("demo");
            ProcessBuilder pb = new ProcessBuilder(go.toString(), "build", "-o", out.toString(), source.toString())
                    .directory(workDir.toFile());
            goEnv(pb, go);
            runBounded(pb, BUILD_TIMEOUT);
            return Files.isExecutable(out) ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void goEnv(ProcessBuilder pb, Path go) {
        pb.environment().clear();
        pb.environment().put("PATH", go.getParent() + java.io.File.pathSeparator + "/usr/bin:/bin");
        pb.environment().put("HOME", workDir.toString());
        pb.environment().put("GOCACHE", workDir.resolve("cache").toString());
        pb.environment().put("GOPATH", workDir.resolve("gopath").toString());
        pb.environment().put("GO111MODULE", "off");
        pb.environment().put("CGO_ENABLED", "0");
        pb.redirectErrorStream(true);
    }

    /** Runs a process with a deadline; returns at most 64 KiB of its stdout, or null on failure. */
    private static String runBounded(ProcessBuilder pb, Duration timeout) {
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
        if (workDir != null) {
            try (var files = Files.walk(workDir)) {
                List<Path> all = new ArrayList<>(files.toList());
                java.util.Collections.reverse(all);
                all.forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // temp folder
            }
        }
    }
}
