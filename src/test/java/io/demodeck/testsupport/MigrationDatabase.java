package io.demodeck.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway PostgreSQL for a test of the migrations, without the application: migrate to a version, write rows as
 * that schema had them, migrate to the latest, read them back. Registered as a static {@code @RegisterExtension}
 * field, it starts before the class's tests and stops after them.
 */
public final class MigrationDatabase implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** The project's migrations up to {@code version} (e.g. "241"). */
    public void migrateTo(String version) {
        flyway(MigrationVersion.fromVersion(version)).migrate();
    }

    public void migrateToLatest() {
        flyway(MigrationVersion.LATEST).migrate();
    }

    /** The version the schema is at now. */
    public String version() {
        return flyway(MigrationVersion.LATEST).info().current().getVersion().getVersion();
    }

    /** Runs statements (several, separated by semicolons). */
    public void execute(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of each row of {@code sql}, as text. */
    public List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private Flyway flyway(MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration").target(target).load();
    }
}
