package io.demodeck.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.testsupport.PackagedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar as an operator runs it, on its embedded PostgreSQL: the Dockerfile's health check (run with
 * /bin/sh, which is dash on Debian and in the image), a SIGTERM that stops the app and PostgreSQL quickly and cleanly,
 * Swagger UI switched off by configuration, and a refused placeholder session key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    private static final Duration READY = Duration.ofMinutes(3);
    private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
    /** The image's /app holds what target/quarkus-app holds (see the Dockerfile's COPY lines). */
    private static final Path IMAGE_WORKDIR = Path.of(System.getProperty("demodeck.packaged-jar",
            "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().getParent();
    private static final Path DATA = Path.of("target", "it-apps", "operations-data");

    private static PackagedApp app;

    @BeforeAll
    static void launch() throws Exception {
        deleteRecursively(DATA);
        app = PackagedApp.launch("operations", null, DATA, Map.of("QUARKUS_SWAGGER_UI_ENABLED", "false"))
                .awaitReady(READY);
    }

    @AfterAll
    static void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theDockerfileHealthCheckPassesOnTheRunningApp() throws Exception {
        HealthCheck check = HealthCheck.fromDockerfile();
        long start = System.nanoTime();
        Result result = check.run(app.baseUri().getPort());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(0, result.exitCode(), "health check " + check.command() + ":\n" + result.output());
        System.out.printf("health check: exit 0 in %d ms (Docker's timeout %s)%n", took.toMillis(), check.timeout());
        assertTrue(took.compareTo(check.timeout()) < 0, "took " + took + ", longer than the HEALTHCHECK timeout");
    }

    @Test
    @Order(2)
    void swaggerUiCanBeSwitchedOffByConfiguration() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(404, http.send(HttpRequest.newBuilder(app.baseUri().resolve("/q/swagger-ui/")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(app.baseUri().resolve("/q/openapi")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the API description stays");
    }

    @Test
    @Order(3)
    void sigtermEndsTheAppWithinFiveSecondsAndPostgresShutsDownCleanly() throws Exception {
        int port = app.baseUri().getPort();
        long start = System.nanoTime();
        int exit = app.terminate(Duration.ofSeconds(60));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("SIGTERM: exit %d after %d ms%n", exit, took.toMillis());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "SIGTERM took " + took);
        assertEquals(128 + 15, exit, "ended by SIGTERM");

        Path pgData = DATA.resolve(EmbeddedDatabase.PG_DATA);
        assertFalse(Files.exists(pgData.resolve("postmaster.pid")), "PostgreSQL is still running");
        assertEquals(DB_SHUTDOWNED, controlFileState(pgData),
                "pg_control state (1 = shut down; 6 = in production: it would need recovery at the next start)");

        Result afterwards = HealthCheck.fromDockerfile().run(port);
        assertNotEquals(0, afterwards.exitCode(), "the health check fails when nothing answers");
    }

    @Test
    @Order(4)
    void aPlaceholderSessionKeyIsRefusedAtStart() throws Exception {
        try (PackagedApp refused = PackagedApp.launch("operations-placeholder-key", null, DATA,
                Map.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "change-me-to-32-or-more-random-characters"))) {
            int exit = refused.awaitExit(READY);
            assertNotEquals(0, exit);
            String log = refused.log();
            assertTrue(log.contains("refuses to start") && log.contains("openssl rand"), log);
            Path pgData = DATA.resolve(EmbeddedDatabase.PG_DATA);
            assertFalse(Files.exists(pgData.resolve("postmaster.pid")), "PostgreSQL is left running");
            assertEquals(DB_SHUTDOWNED, controlFileState(pgData));
        }
    }

    /** DBState in PostgreSQL's pg_control: DB_SHUTDOWNED. */
    private static final int DB_SHUTDOWNED = 1;

    /**
     * The cluster state as pg_controldata shows it (the binaries in the jar include no pg_controldata): ControlFileData
     * starts with system_identifier (8 bytes), pg_control_version and catalog_version_no (4 each), then the state.
     */
    private static int controlFileState(Path pgData) throws IOException {
        ByteBuffer control = ByteBuffer.wrap(Files.readAllBytes(pgData.resolve("global").resolve("pg_control")))
                .order(ByteOrder.nativeOrder());
        assertEquals(1700, control.getInt(8), "pg_control_version of PostgreSQL 17");
        return control.getInt(16);
    }

    private record Result(int exitCode, String output) {
    }

    /** The HEALTHCHECK instruction of docker/Dockerfile. */
    private record HealthCheck(List<String> command, Duration timeout) {

        static HealthCheck fromDockerfile() throws IOException {
            String dockerfile = Files.readString(DOCKERFILE).replace("\\\n", " ");
            Matcher m = Pattern.compile("(?m)^HEALTHCHECK\\s+(.*?)\\bCMD\\s+(.+)$").matcher(dockerfile);
            assertTrue(m.find(), "a HEALTHCHECK ... CMD line in " + DOCKERFILE);
            String cmd = m.group(2).strip();
            List<String> command = new ArrayList<>();
            if (cmd.startsWith("[")) { // exec form: the array as it is
                for (Object part : new ObjectMapper().readValue(cmd, List.class)) {
                    command.add((String) part);
                }
            } else { // shell form: Docker runs it with /bin/sh -c
                command.addAll(List.of("/bin/sh", "-c", cmd));
            }
            Matcher timeout = Pattern.compile("--timeout=(\\d+)s").matcher(m.group(1));
            return new HealthCheck(command, Duration.ofSeconds(timeout.find() ? Long.parseLong(timeout.group(1)) : 30));
        }

        /** In the image's working directory layout, with java on the PATH as in the image. */
        Result run(int port) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(IMAGE_WORKDIR.toFile()).redirectErrorStream(true);
            builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output + "\n(timed out)");
            }
            return new Result(process.exitValue(), output);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
