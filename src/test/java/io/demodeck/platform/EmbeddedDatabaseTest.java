package io.demodeck.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedDatabaseTest {

    /** One server for the checks that change nothing (a start takes seconds). */
    @TempDir
    static Path sharedDir;
    private static EmbeddedDatabase.Server shared;

    @BeforeAll
    static void startShared() {
        shared = EmbeddedDatabase.start(sharedDir);
    }

    @AfterAll
    static void stopShared() throws Exception {
        if (shared != null) {
            shared.close();
        }
    }

    @Test
    void dataAndPasswordsSurviveARestartOnTheSameDataFolder(@TempDir Path dir) throws Exception {
        String appPassword;
        try (EmbeddedDatabase.Server first = EmbeddedDatabase.start(dir);
             Connection c = first.appConnection();
             Statement s = c.createStatement()) {
            appPassword = first.appPassword();
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('still here')");
        }
        try (EmbeddedDatabase.Server second = EmbeddedDatabase.start(dir);
             Connection c = second.appConnection();
             Statement s = c.createStatement()) {
            assertEquals("still here", single(s, "select v from kept"));
            assertEquals(appPassword, second.appPassword());
        }
    }

    @Test
    void aCommitIsOnDiskBeforeTheAppIsToldItSucceeded() throws Exception {
        try (Connection c = shared.appConnection();
             Statement s = c.createStatement()) {
            for (String setting : new String[]{"synchronous_commit", "fsync"}) {
                assertEquals("on", single(s, "show " + setting), setting);
            }
        }
    }

    @Test
    void noConnectionGetsInWithoutThePassword() {
        for (String user : new String[]{"postgres", "demodeck"}) {
            for (String database : new String[]{"postgres", "demodeck", "template1"}) {
                String url = EmbeddedDatabase.jdbcUrl(shared.port(), database);
                assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, null).close(),
                        user + " without a password on " + database);
                SQLException guessed = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(url, user, "postgres").close(),
                        user + " with a guessed password on " + database);
                assertEquals("28P01", guessed.getSQLState(), guessed.getMessage()); // invalid_password
            }
        }
    }

    @Test
    void theAppRoleIsNoSuperuserAndCannotRunPrograms() throws Exception {
        try (Connection c = shared.appConnection();
             Statement s = c.createStatement()) {
            assertEquals("demodeck", single(s, "select current_user"));
            assertEquals("f", single(s, "select rolsuper from pg_roles where rolname = current_user"));
            assertEquals("demodeck", single(s, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"));
            Path marker = sharedDir.resolve("ran");
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.execute("copy (select 1) to program 'touch " + marker + "'"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage()); // insufficient_privilege
            assertFalse(Files.exists(marker));
            assertThrows(SQLException.class, () -> s.executeQuery("select pg_read_file('postgresql.conf')"));
        }
    }

    @Test
    void itListensOn127001OnlyAndOnNoUnixSocket() throws Exception {
        // settings the app role may not even read
        try (Connection c = shared.superuserConnection("postgres");
             Statement s = c.createStatement()) {
            assertEquals("127.0.0.1", single(s, "show listen_addresses"));
            assertEquals("", single(s, "show unix_socket_directories"));
        }
    }

    @Test
    void thePasswordsAreKeptInTheDataFolderReadableByTheOwnerOnly() throws Exception {
        for (String name : new String[]{EmbeddedDatabase.APP_PASSWORD_FILE, EmbeddedDatabase.SUPERUSER_PASSWORD_FILE}) {
            Path file = sharedDir.resolve(name);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), name);
            assertTrue(Files.readString(file).strip().length() >= 32, name);
        }
        assertEquals(shared.appPassword(), Files.readString(sharedDir.resolve(EmbeddedDatabase.APP_PASSWORD_FILE)).strip());
        assertEquals(shared.superuserPassword(), Files.readString(sharedDir.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).strip());
        assertNotEquals(shared.appPassword(), shared.superuserPassword());
    }

    @Test
    void aDataFolderOfTheOlderTrustingVersionIsConvertedInPlaceKeepingItsData(@TempDir Path dir) throws Exception {
        // what the previous version left: initdb's trust for every local connection, the app's tables in the
        // postgres database, owned by the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("create table flyway_schema_history (version text)");
            s.execute("insert into flyway_schema_history values ('5')");
            s.execute("create table app_user (id bigserial primary key, username text not null)");
            s.execute("create table card (id bigint generated always as identity, user_id bigint references app_user)");
            s.execute("create sequence ticket_seq");
            s.execute("create view user_names as select username from app_user");
            s.execute("insert into app_user (username) values ('ann'), ('bob')");
        }

        try (EmbeddedDatabase.Server pg = EmbeddedDatabase.start(dir);
             Connection c = pg.appConnection();
             Statement s = c.createStatement()) {
            assertEquals("ann,bob", single(s, "select string_agg(username, ',' order by id) from app_user"));
            assertEquals("5", single(s, "select version from flyway_schema_history"));
            // the app role owns what it used to reach as the superuser: it can write, and migrate (alter) it
            s.execute("insert into app_user (username) values ('cid')");
            s.execute("insert into card (user_id) values (3)");
            assertEquals("1", single(s, "select nextval('ticket_seq')"));
            s.execute("alter table app_user add column email text");
            s.execute("create or replace view user_names as select username, email from app_user");
            assertEquals("3", single(s, "select count(*) from user_names"));
            assertEquals("f", single(s, "select rolsuper from pg_roles where rolname = current_user"));
            // and the old way in is closed
            assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    EmbeddedDatabase.jdbcUrl(pg.port(), "postgres"), "postgres", null).close());
        }

        try (EmbeddedDatabase.Server again = EmbeddedDatabase.start(dir);
             Connection c = again.appConnection();
             Statement s = c.createStatement()) {
            assertEquals("3", single(s, "select count(*) from app_user"), "a second start changes nothing");
        }
    }

    @Test
    void aConfiguredUrlMeansNoEmbeddedServer() {
        String previous = System.getProperty(EmbeddedDatabase.URL_PROPERTY);
        System.setProperty(EmbeddedDatabase.URL_PROPERTY, "jdbc:postgresql://db.example:5432/demodeck");
        try {
            assertFalse(EmbeddedDatabase.startIfNoUrlConfigured());
            assertEquals("jdbc:postgresql://db.example:5432/demodeck", System.getProperty(EmbeddedDatabase.URL_PROPERTY));
        } finally {
            if (previous == null) {
                System.clearProperty(EmbeddedDatabase.URL_PROPERTY);
            } else {
                System.setProperty(EmbeddedDatabase.URL_PROPERTY, previous);
            }
        }
    }

    @Test
    void theDataFolderDefaultsToThePerUserDataFolder() {
        String previous = System.getProperty(EmbeddedDatabase.DATA_DIR_PROPERTY);
        System.clearProperty(EmbeddedDatabase.DATA_DIR_PROPERTY);
        try {
            Path dir = EmbeddedDatabase.dataDirectory();
            if (System.getenv(EmbeddedDatabase.DATA_DIR_ENV) == null) {
                assertEquals("demodeck", dir.getFileName().toString());
                assertTrue(dir.startsWith(Path.of(System.getProperty("user.home"))) || System.getenv("XDG_DATA_HOME") != null);
            }
            System.setProperty(EmbeddedDatabase.DATA_DIR_PROPERTY, "/srv/dd");
            assertEquals(Path.of("/srv/dd"), EmbeddedDatabase.dataDirectory());
        } finally {
            if (previous == null) {
                System.clearProperty(EmbeddedDatabase.DATA_DIR_PROPERTY);
            } else {
                System.setProperty(EmbeddedDatabase.DATA_DIR_PROPERTY, previous);
            }
        }
    }

    private static String single(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getString(1);
        }
    }
}
