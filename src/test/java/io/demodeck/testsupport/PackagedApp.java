package io.demodeck.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}, prod profile) as a child process on a
 * given PostgreSQL, on a free loopback port. Its output goes to {@code target/it-apps/<name>.log}. A child still
 * running when the test JVM exits is killed by a shutdown hook, so a failed test leaves no process behind.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("demodeck.packaged-jar",
            "target/quarkus-app/quarkus-run.jar"));
    private static final Path OUT = Path.of("target", "it-apps");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "packaged-app-reaper"));
    }

    /** Where the app keeps its database: a JDBC URL with user and password. */
    public record Database(String jdbcUrl, String username, String password) {
    }

    private final String name;
    private final Process process;
    private final URI baseUri;
    private final Path log;

    private PackagedApp(String name, Process process, URI baseUri, Path log) {
        this.name = name;
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /** Launches the app and returns at once; {@link #awaitReady} waits for it. */
    public static PackagedApp launch(String name, Database db, Path dataDir) {
        return launch(name, db, dataDir, java.util.Map.of());
    }

    /**
     * Launches the app with more environment variables; without a database ({@code db} null) it starts its embedded
     * PostgreSQL in {@code dataDir}, as {@code java -jar} does on a fresh machine.
     */
    public static PackagedApp launch(String name, Database db, Path dataDir, java.util.Map<String, String> environment) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `mvn package` first");
        }
        try {
            Files.createDirectories(OUT);
            Files.createDirectories(dataDir);
            int port = freePort();
            Path log = OUT.resolve(name + ".log");
            // C1 only and the serial collector: these tests check behaviour, not speed, and on a busy 2-core
            // machine the app is ready in about half the time
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toAbsolutePath().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            java.util.Map<String, String> env = builder.environment();
            env.remove("QUARKUS_DATASOURCE_JDBC_URL");
            env.putAll(java.util.Map.of(
                    "QUARKUS_HTTP_HOST", "127.0.0.1",
                    "QUARKUS_HTTP_PORT", Integer.toString(port),
                    "DEMODECK_DATA_DIR", dataDir.toAbsolutePath().toString()));
            if (db != null) {
                env.putAll(java.util.Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(),
                        "QUARKUS_DATASOURCE_USERNAME", db.username(),
                        "QUARKUS_DATASOURCE_PASSWORD", db.password()));
            }
            env.putAll(environment);
            Process process = builder.start();
            RUNNING.add(process);
            return new PackagedApp(name, process, URI.create("http://127.0.0.1:" + port), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the end of the app's log if it dies first. */
    public PackagedApp awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n"
                        + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail());
    }

    public URI baseUri() {
        return baseUri;
    }

    /** SIGTERM (what {@link Process#destroy} sends on Linux), as docker stop or systemd do; returns the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Waits for the process to end by itself; fails with the end of its log if it does not in time. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + timeout + ":\n" + logTail());
        }
        RUNNING.remove(process);
        return process.exitValue();
    }

    /** Everything the app printed so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL (what {@link Process#destroyForcibly} sends on Linux): no shutdown hook, no draining. Returns the exit code. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " still running 30 s after SIGKILL");
        }
        RUNNING.remove(process);
        return process.exitValue();
    }

    /** Kills the app if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        RUNNING.remove(process);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
