package io.demodeck.review;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Next-card latency of the study queue at 10 thousand and 1 million card states (run with
 * {@code bench/queue-latency.sh}). Starts an embedded PostgreSQL, applies {@code migrations/},
 * generates learners × a 2,000-question deck with {@code generate_series}, ANALYZEs, then times the
 * exact queries of {@link ReviewService#studyQueue} for random learners and prints their plans.
 */
public final class QueueLatencyBench {

    private static final int QUESTIONS = 2000;
    private static final int CALLS = 200;

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[]{10_000, 1_000_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path out = Path.of("bench/results/queue-latency.md");
        StringBuilder report = new StringBuilder();
        report.append("# Study-queue latency\n\n");
        report.append("- date: ").append(Instant.now()).append('\n');
        report.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores visible, ")
                .append(cpuModel()).append(", load average at start ").append(loadAverage()).append('\n');
        report.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n');
        report.append("- PostgreSQL: embedded (zonky) 17, default settings; data made with generate_series: learners × one ")
                .append(QUESTIONS).append("-question deck, every learner has a card for every question\n");
        report.append("  (10% new, 5% learning, 5% relearning, 80% review; review due dates spread over -30..+300 days; one review-log row per card)\n");
        report.append("- one next-card call = what `ReviewService.studyQueue(user, deck, now, 10)` runs: learning-due query, review-due query,\n");
        report.append("  new cards introduced today, new-question query; ").append(CALLS).append(" calls for random learners after 50 warm-up calls, one connection\n\n");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_wal_size", "4GB").start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            migrate(c);
            for (int size : sizes) {
                report.append(run(c, size));
            }
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static String run(Connection c, int cards) throws SQLException {
        int learners = Math.max(1, cards / QUESTIONS);
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("truncate review_log, card, question, deck, user_settings, app_user restart identity cascade");
            s.execute("insert into app_user (username, password_hash) select 'bench_' || g, 'x' from generate_series(1, " + learners + ") g");
            s.execute("insert into deck (external_id) values ('bench-deck')");
            s.execute("insert into question (deck_id, external_id, type, position, content_hash) "
                    + "select 1, 'q' || g, 'FLASHCARD', g, md5(g::text) from generate_series(1, " + QUESTIONS + ") g");
            s.execute("""
                    insert into card (user_id, question_id, deck_id, state, step, stability, difficulty, due, last_review, reps, lapses)
                    select u.id, q.id, q.deck_id, x.st, case when x.st in (1, 3) then 0 end,
                           case when x.st = 0 then null else 0.5 + (x.r % 97) * 3.1 end,
                           case when x.st = 0 then null else 1 + (x.r % 9) end,
                           case when x.st = 0 then now()
                                when x.st in (1, 3) then now() + ((x.r % 120) - 60) * interval '1 minute'
                                else now() + ((x.r * 7 % 330) - 30) * interval '1 day' end,
                           case when x.st = 0 then null else now() - interval '10 day' end,
                           case when x.st = 0 then 0 else 1 + x.r % 12 end, 0
                    from app_user u cross join question q
                    cross join lateral (select r, case when r < 100 then 0 when r < 150 then 1 when r < 200 then 3 else 2 end::smallint as st
                                        from (select ((u.id * 7919 + q.position * 104729) % 1000)::int as r) rr) x""");
            s.execute("""
                    insert into review_log (card_id, user_id, client_review_id, rating, reviewed_at, state_before, due_before,
                        reps_before, lapses_before, state_after, stability_after, difficulty_after, due_after, elapsed_days, scheduled_days)
                    select id, user_id, gen_random_uuid(), 3, now() - (id % 400) * interval '1 hour', 0, due, 0, 0, 2, 3, 5, due, 0, 3
                    from card""");
            s.execute("analyze");
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        Random random = new Random(cards);
        Instant now = Instant.now();
        for (int i = 0; i < 50; i++) {
            nextCard(c, 1 + random.nextInt(learners), now);
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            nextCard(c, 1 + random.nextInt(learners), now);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        StringBuilder r = new StringBuilder();
        r.append("## ").append(String.format("%,d", cards)).append(" card states (").append(learners).append(" learners)\n\n");
        r.append(String.format("- data generated and analyzed in %.1f s%n", loadSeconds));
        r.append(String.format("- **next-card call: median %.2f ms, p99 %.2f ms**, max %.2f ms (%d calls)%n%n",
                nanos[CALLS / 2] / 1e6, nanos[(int) Math.ceil(CALLS * 0.99) - 1] / 1e6, nanos[CALLS - 1] / 1e6, CALLS));
        long user = 1 + random.nextInt(learners);
        Timestamp nowTs = Timestamp.from(now);
        Timestamp dayEnd = Timestamp.from(now.plusSeconds(6 * 3600));
        r.append("```\n");
        r.append(explain(c, StudyQueueSql.LEARNING_DUE, user, 1L, nowTs, 10));
        r.append(explain(c, StudyQueueSql.REVIEW_DUE, user, 1L, dayEnd, nowTs, 10));
        r.append(explain(c, StudyQueueSql.INTRODUCED_TODAY, user, Timestamp.from(now.minusSeconds(6 * 3600))));
        r.append(explain(c, StudyQueueSql.NEW_QUESTIONS, user, 1L, 10));
        r.append("```\n\n");
        return r.toString();
    }

    /** The same sequence of queries as ReviewService.studyQueue with limit 10 and 20 new cards a day. */
    private static void nextCard(Connection c, long user, Instant now) throws SQLException {
        Timestamp nowTs = Timestamp.from(now);
        Timestamp dayEnd = Timestamp.from(now.plusSeconds(6 * 3600));
        int found = rows(c, StudyQueueSql.LEARNING_DUE, user, 1L, nowTs, 10);
        if (found < 10) {
            found += rows(c, StudyQueueSql.REVIEW_DUE, user, 1L, dayEnd, nowTs, 10 - found);
        }
        int introduced = first(c, StudyQueueSql.INTRODUCED_TODAY, user, Timestamp.from(now.minusSeconds(6 * 3600)));
        int budget = Math.max(0, 20 - introduced);
        if (budget > 0 && found < 10) {
            rows(c, StudyQueueSql.NEW_QUESTIONS, user, 1L, Math.min(budget, 10 - found));
        }
    }

    private static int rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    private static int first(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String explain(Connection c, String sql, Object... params) throws SQLException {
        StringBuilder plan = new StringBuilder(sql).append('\n');
        try (PreparedStatement ps = prepare(c, "explain (analyze, buffers) " + sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append("  ").append(rs.getString(1)).append('\n');
            }
        }
        return plan.append('\n').toString();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    private static void migrate(Connection c) throws IOException, SQLException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("migrations"))) {
            files = new ArrayList<>(list.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).toList());
        }
        files.sort(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))));
        try (Statement s = c.createStatement()) {
            for (Path f : files) {
                s.execute(Files.readString(f));
            }
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst("^model name\\s*:\\s*", ""))
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private QueueLatencyBench() {
    }

}
