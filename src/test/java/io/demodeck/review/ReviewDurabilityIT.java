package io.demodeck.review;

import io.demodeck.testsupport.PackagedApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged app (prod profile, so interval fuzz on) under review load from API clients, on a throwaway
 * PostgreSQL: killed with SIGKILL in the middle of the load and restarted, and run as two instances on one
 * database. Afterwards every answer a client saw acknowledged is in the review log exactly once, nothing else is,
 * and every card equals the replay of its log.
 */
class ReviewDurabilityIT {

    private static final int LEARNERS = 4;
    private static final int LOOPS_PER_LEARNER = 4;
    private static final Duration READY = Duration.ofMinutes(2);

    private static EmbeddedPostgres postgres;
    private static final List<PackagedApp> apps = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            for (PackagedApp app : apps) {
                app.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void everyAcknowledgedAnswerSurvivesAKillDashNineInTheMiddleOfTheLoad() throws Exception {
        PackagedApp.Database db = database("crash");
        PackagedApp first = launch("crash-first", db, "crash").awaitReady(READY);
        List<URI> firstApp = List.of(first.baseUri());
        ReviewLoad load = ReviewLoad.signUp(firstApp, LEARNERS);

        ReviewLoad.Running running = load.start(firstApp, LOOPS_PER_LEARNER);
        long start = System.nanoTime();
        while (load.counts().acknowledged() < 50 || elapsed(start).toMillis() < 1500) {
            if (elapsed(start).toSeconds() > 60) {
                fail("the load got only " + load.counts() + " in a minute");
            }
            Thread.sleep(20);
        }
        int exit = first.kill();
        running.stop();
        assertEquals(128 + 9, exit, "the app died of SIGKILL");
        ReviewLoad.Counts atKill = load.counts();
        int inFlight = load.unacknowledged().size();

        // a restart on the same database: everything acknowledged before the kill is there
        PackagedApp second = launch("crash-second", db, "crash").awaitReady(READY);
        List<URI> secondApp = List.of(second.baseUri());
        LogReplay.Report afterRestart = check(db, load);

        // the same clients carry on (their tokens still verify: the signing key is in the database)
        ReviewLoad.Resent resent = load.resendUnacknowledged(secondApp);
        load.runFor(Duration.ofSeconds(2), secondApp, LOOPS_PER_LEARNER);
        load.resendUnacknowledged(secondApp);
        assertEquals(List.of(), load.unacknowledged(), "answers that never landed");
        assertNone("unexpected responses", load.unexpected());
        LogReplay.Report end = check(db, load);

        System.out.printf("crash test: killed after %s, %d answers in flight; after the restart %d cards and "
                        + "%d log rows matched their replay; on resend %d in-flight answers were lost and applied now, "
                        + "%d had been applied before the kill; in the end %s, %d cards, %d log rows replayed%n",
                atKill, inFlight, afterRestart.cards(), afterRestart.replayedRows(), resent.lost(),
                resent.alreadyApplied(), load.counts(), end.cards(), end.replayedRows());
        assertTrue(atKill.acknowledged() >= 50 && end.replayedRows() > atKill.acknowledged());
    }

    @Test
    void twoInstancesOnOneDatabaseGradingTheSameLearnersStayConsistent() throws Exception {
        PackagedApp.Database db = database("replicas");
        // both start at once on the empty database: migrations, bank load and signing key race too
        PackagedApp a = launch("replica-a", db, "replica-a");
        PackagedApp b = launch("replica-b", db, "replica-b");
        a.awaitReady(READY);
        b.awaitReady(READY);
        List<URI> both = List.of(a.baseUri(), b.baseUri());
        ReviewLoad load = ReviewLoad.signUp(both, LEARNERS);

        load.runFor(Duration.ofSeconds(4), both, LOOPS_PER_LEARNER);
        ReviewLoad.Resent settled = load.resendUnacknowledged(both);
        assertEquals(List.of(), load.unacknowledged(), "answers that never landed");
        assertEquals(0, load.counts().failedRequests(), "requests that failed");
        assertNone("unexpected responses", load.unexpected());
        LogReplay.Report end = check(db, load);

        System.out.printf("two-instance test: %s, %d RETRY answers resent at the end; %d cards, %d log rows "
                + "replayed%n", load.counts(), settled.answers(), end.cards(), end.replayedRows());
        assertTrue(load.counts().bothInstances() > 0 && end.replayedRows() > 0);
    }

    /** The ledger holds, and every card of the load's learners equals the replay of its log. */
    private static LogReplay.Report check(PackagedApp.Database db, ReviewLoad load) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertNone("differences between the acknowledged answers and the log", load.verify(c));
            LogReplay.Report report = LogReplay.check(c, load.userIds(), LogReplay.Order.REVIEW_TIME, true);
            assertNone("cards that differ from the replay of their log", report.mismatches());
            return report;
        }
    }

    private static void assertNone(String what, List<String> found) {
        if (!found.isEmpty()) {
            fail(found.size() + " " + what + ":\n  " + String.join("\n  ", found.subList(0, Math.min(20, found.size()))));
        }
    }

    private static PackagedApp.Database database(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return new PackagedApp.Database(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    private static PackagedApp launch(String name, PackagedApp.Database db, String dataDir) {
        PackagedApp app = PackagedApp.launch(name, db, Path.of("target", "it-apps", dataDir + "-data"));
        apps.add(app);
        return app;
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
