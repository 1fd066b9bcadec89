package io.demodeck.review;

import io.agroal.api.AgroalDataSource;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With realistic statistics (20,000 cards and review-log rows of 20 learners, vacuumed and analyzed, the planner free to
 * choose), the study-queue statements rank and count the learner's cards from the covering index alone (Index Only
 * Scans), and read table rows only for the cards that come back, by key.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class QueuePlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void queueQueriesUseIndexesOnCard() throws Exception {
        long deck = ReviewFixtures.deck(1000);
        String tag = "plan" + System.nanoTime();
        long user;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into app_user (username, password_hash) select '" + tag + "_' || g, 'x' from generate_series(1, 20) g");
            s.execute("""
                    insert into card (user_id, question_id, deck_id, state, step, stability, difficulty, due, last_review, reps)
                    select u.id, q.id, q.deck_id, st, case when st in (1, 3) then 0 end,
                           case when st = 0 then null else 1 + (q.position %% 50) end, case when st = 0 then null else 5 end,
                           now() + ((q.position * 37 %% 200) - 100) * interval '1 day', now() - interval '3 day', 3
                    from app_user u cross join question q
                    cross join lateral (select ((q.position + u.id) %% 4)::smallint as st) x
                    where u.username like '%s_%%' and q.deck_id = %d""".formatted(tag, deck));
            // one past answer per card, spread over the last 100 days
            s.execute("""
                    insert into review_log (card_id, user_id, client_review_id, rating, reviewed_at, state_before, due_before,
                        reps_before, lapses_before, state_after, stability_after, difficulty_after, due_after,
                        elapsed_days, scheduled_days)
                    select c.id, c.user_id, gen_random_uuid(), 3, now() - (c.id %% 100) * interval '1 day', 0, c.due, 0, 0,
                        1, 2.3, 5, c.due, 0, 0
                    from card c join app_user u on u.id = c.user_id where u.username like '%s_%%'""".formatted(tag));
            // as autovacuum leaves a table: statistics, and the visibility map that lets a scan answer from the index
            s.execute("vacuum analyze card");
            s.execute("vacuum analyze question");
            s.execute("vacuum analyze review_log");
            try (ResultSet rs = s.executeQuery("select min(id) from app_user where username like '" + tag + "_%'")) {
                rs.next();
                user = rs.getLong(1);
            }
            Timestamp now = Timestamp.from(Instant.now());
            Timestamp dayStart = Timestamp.from(Instant.now().minusSeconds(3600));
            Timestamp dayEnd = Timestamp.from(Instant.now().plusSeconds(3600));
            // the rankings and the counts answer from the covering index; only the cards that come back are read, by id
            assertIndexOnly(c, StudyQueueSql.DUE, ps -> StudyQueueSql.bindDue(ps, user, deck, 20, 200, dayStart, now, dayEnd, 50),
                    List.of(LEARNING_RANKING, REVIEW_RANKING, NEW_TODAY, REVIEWS_TODAY,
                            "Index Only Scan using card_queue_covering on card c_2"),
                    List.of("Index Scan using card_pkey on card c", "Index Scan using card_pkey on card c_1",
                            "Index Scan using card_suspended on card c_3"));
            // without the counts nothing reads the deck's questions or the learner's other cards
            assertIndexOnly(c, StudyQueueSql.NEXT, ps -> StudyQueueSql.bindNext(ps, user, deck, 20, 200, dayStart, now, dayEnd, 1),
                    List.of(LEARNING_RANKING, REVIEW_RANKING, NEW_TODAY, REVIEWS_TODAY),
                    List.of("Index Scan using card_pkey on card c", "Index Scan using card_pkey on card c_1"));
            // new questions: the deck's questions in order, each joined to the learner's card by the unique key
            assertIndexOnly(c, StudyQueueSql.NEW_QUESTIONS, ps -> StudyQueueSql.bindNewQuestions(ps, user, deck, 20),
                    List.of(), List.of("Index Scan using card_user_question on card c"));
        }
    }

    private static final String LEARNING_RANKING = "Index Only Scan using card_queue_covering on card l";
    private static final String REVIEW_RANKING = "Index Only Scan using card_queue_covering on card r";
    private static final String NEW_TODAY = "Index Only Scan using review_log_new_today on review_log";
    /** Today's answers on review cards, counted against the daily review limit. */
    private static final String REVIEWS_TODAY = "Index Only Scan using review_log_reviews_today on review_log today";
    private static final Pattern TABLE_READ = Pattern.compile(
            "((?:Seq|Index|Index Only|Bitmap Heap|Bitmap Index|Tid) Scan(?: using \\S+)? on (?:card|review_log)\\b(?: \\w+)?)");

    private interface Binder {
        void bind(PreparedStatement ps) throws Exception;
    }

    /**
     * Every read of {@code card} and {@code review_log} in the statement's plan is one of {@code indexOnly} (each an Index
     * Only Scan of the named index, each present) or {@code byKey} (the few rows that come back, read by their key).
     */
    private static void assertIndexOnly(Connection c, String sql, Binder binder, List<String> indexOnly,
                                        List<String> byKey) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("explain " + sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        List<String> reads = new ArrayList<>();
        Matcher m = TABLE_READ.matcher(plan);
        while (m.find()) {
            reads.add(m.group(1));
        }
        for (String scan : indexOnly) {
            assertTrue(scan.startsWith("Index Only Scan"), scan);
        }
        List<String> expected = new ArrayList<>(indexOnly);
        expected.addAll(byKey);
        Collections.sort(expected);
        Collections.sort(reads);
        assertEquals(expected, reads, "reads of card and review_log in\n" + sql + "\n" + plan);
    }
}
