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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With realistic statistics (20,000 cards and review-log rows of 20 learners, ANALYZEd, the planner free to choose), every
 * study-queue query reads the card table through an index, never a sequential scan.
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
            s.execute("analyze card");
            s.execute("analyze question");
            s.execute("analyze review_log");
            try (ResultSet rs = s.executeQuery("select min(id) from app_user where username like '" + tag + "_%'")) {
                rs.next();
                user = rs.getLong(1);
            }
            Timestamp now = Timestamp.from(Instant.now());
            Timestamp dayStart = Timestamp.from(Instant.now().minusSeconds(3600));
            Timestamp dayEnd = Timestamp.from(Instant.now().plusSeconds(3600));
            assertIndexOnly(c, StudyQueueSql.DUE, ps -> StudyQueueSql.bindDue(ps, user, deck, 20, dayStart, now, dayEnd, 50));
            String next = assertIndexOnly(c, StudyQueueSql.NEXT,
                    ps -> StudyQueueSql.bindNext(ps, user, deck, 20, dayStart, now, dayEnd, 1));
            // without the counts nothing reads the deck's questions or the learner's other cards
            assertFalse(next.contains("question_active") || next.contains("card_suspended"), next);
            assertIndexOnly(c, StudyQueueSql.NEW_QUESTIONS, ps -> StudyQueueSql.bindNewQuestions(ps, user, deck, 20));
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws Exception;
    }

    private static String assertIndexOnly(Connection c, String sql, Binder binder) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("explain " + sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        System.out.println(sql + "\n" + plan);
        assertFalse(plan.toString().contains("Seq Scan on card"), plan.toString());
        assertFalse(plan.toString().contains("Seq Scan on review_log"), plan.toString());
        assertTrue(plan.toString().contains("card_queue_covering") || plan.toString().contains("card_user_question"),
                plan.toString());
        return plan.toString();
    }
}
