package io.demodeck.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedDatabaseTest {

    @Test
    void dataSurvivesARestartOnTheSameDataFolder(@TempDir Path dir) throws Exception {
        Path pgData = dir.resolve("pgdata");
        try (EmbeddedPostgres first = EmbeddedDatabase.start(pgData);
             Connection c = first.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('still here')");
        }
        try (EmbeddedPostgres second = EmbeddedDatabase.start(pgData);
             Connection c = second.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }

    @Test
    void aCommitIsOnDiskBeforeTheAppIsToldItSucceeded(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedDatabase.start(dir.resolve("pgdata"));
             Connection c = pg.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            for (String setting : new String[]{"synchronous_commit", "fsync"}) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    assertTrue(rs.next());
                    assertEquals("on", rs.getString(1), setting);
                }
            }
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
}
