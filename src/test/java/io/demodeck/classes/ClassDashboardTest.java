package io.demodeck.classes;

import io.agroal.api.AgroalDataSource;
import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.demodeck.classes.ClassFixtures.account;
import static io.demodeck.classes.ClassFixtures.createClass;
import static io.demodeck.classes.ClassFixtures.deckOf;
import static io.demodeck.classes.ClassFixtures.invite;
import static io.demodeck.classes.ClassFixtures.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's numbers against a small class worked out by hand (see each learner's and question's comment).
 * Every figure would be different if undone answers, answers outside the class, other decks' answers, reviews
 * older than 30 days (retention) or cards never started (difficulty) were counted.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ClassDashboardTest {

    @Inject
    AccountService accounts;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ClassDashboard dashboards;

    ApiClient owner;
    ApiClient a;
    ApiClient b;
    ApiClient c;
    ApiClient outsider;
    String deck;
    long classId;
    Instant now;
    Map<String, Long> q;

    @BeforeEach
    void fixture() throws Exception {
        owner = account(accounts, "own", Role.INSTRUCTOR);
        a = account(accounts, "a", Role.LEARNER);
        b = account(accounts, "b", Role.LEARNER);
        c = account(accounts, "c", Role.LEARNER);
        outsider = account(accounts, "out", Role.LEARNER);
        deck = deckOf(owner);
        String otherDeck = deckOf(owner);
        classId = createClass(owner, "Dashboard");
        owner.request().body("{}").put("/api/v1/classes/" + classId + "/decks/" + deck).then().statusCode(200);
        String code = invite(owner, classId);
        join(a, code);
        join(b, code);
        join(c, code);
        now = Instant.now();
        q = questions(deck);
        Map<String, Long> other = questions(otherDeck);

        // A (UTC, day starts 04:00): studied on today, yesterday, the day before, and 4 days ago: streak 3
        long a1 = card(a, "q1", deck, 2, 6.0, now.minus(Duration.ofHours(1)), day(0));
        review(a1, a, day(4), 0, 3, false);
        review(a1, a, day(2), 2, 1, false);   // Again in review state
        review(a1, a, day(1), 2, 3, false);
        review(a1, a, day(0), 2, 3, false);
        review(a1, a, day(0), 2, 1, true);    // undone: counts nowhere
        long a2 = card(a, "q2", deck, 2, 4.0, now.plus(Duration.ofDays(5)), day(0));
        review(a2, a, day(2), 0, 1, false);
        review(a2, a, day(0), 1, 3, false);
        card(a, "q3", deck, 0, 5.0, now, null);  // opened, never answered: not studied, no difficulty
        long aOther = card(a, other.get("q1"), otherDeck, 2, 9.0, now.minus(Duration.ofDays(1)), day(3));
        review(aOther, a, day(3), 2, 1, false); // another deck: no streak day, no retention, no answer here

        // B: q1 only, last studied 10 days ago; the Again of 35 days ago is outside the retention window
        long b1 = card(b, "q1", deck, 2, 8.0, now.minus(Duration.ofDays(1)), daysAgo(10));
        review(b1, b, daysAgo(40), 0, 3, false);
        review(b1, b, daysAgo(35), 2, 1, false);
        review(b1, b, daysAgo(10), 2, 1, false);

        // not in the class: counts nowhere
        long d1 = card(outsider, "q1", deck, 2, 10.0, now.minus(Duration.ofDays(1)), day(0));
        review(d1, outsider, day(0), 0, 1, false);
        review(d1, outsider, day(0), 1, 1, false);

        // checked quiz answers: A wrong (wrong-a) then right on q1; B right at once; A wrong twice (wrong-c) and once
        // (wrong-d) on q2; the outsider wrong on q1
        answer(a, "q1", "wrong-a", daysAgo(4));
        answer(a, "q1", "one", daysAgo(1));
        answer(b, "q1", "one", daysAgo(40));
        answer(a, "q2", "wrong-c", daysAgo(2));
        answer(a, "q2", "wrong-c", daysAgo(1));
        answer(a, "q2", "wrong-d", daysAgo(0));
        answer(outsider, "q1", "wrong-b", daysAgo(0));
    }

    @Test
    void learnersTableMatchesTheHandCountedFigures() {
        ClassDashboard.Dashboard d = dashboards.of(new Viewer(-1L, false, true), classId, "en", now);
        Map<String, ClassDashboard.LearnerRow> rows = new java.util.HashMap<>();
        d.learners().forEach(r -> rows.put(r.username(), r));
        assertEquals(3, rows.size(), "members only: " + rows.keySet());

        ClassDashboard.LearnerRow ra = rows.get(a.username());
        assertEquals(2, ra.cardsStudied());
        assertEquals(1, ra.dueNow());
        assertEquals(3, ra.retentionReviews());
        assertEquals(2.0 / 3, ra.retention(), 1e-9);
        assertEquals(day(0).truncatedTo(ChronoUnit.MILLIS), ra.lastActive().truncatedTo(ChronoUnit.MILLIS));
        assertEquals(3, ra.streak());

        ClassDashboard.LearnerRow rb = rows.get(b.username());
        assertEquals(1, rb.cardsStudied());
        assertEquals(1, rb.dueNow());
        assertEquals(1, rb.retentionReviews());
        assertEquals(0.0, rb.retention(), 1e-9);
        assertEquals(0, rb.streak());

        ClassDashboard.LearnerRow rc = rows.get(c.username());
        assertEquals(0, rc.cardsStudied());
        assertNull(rc.retention());
        assertNull(rc.lastActive());
        assertEquals(0, rc.streak());
    }

    @Test
    void questionsTableAndTheHardestMatchTheHandCountedFigures() {
        ClassDashboard.Dashboard d = dashboards.of(new Viewer(-1L, false, true), classId, "en", now);
        Map<String, ClassDashboard.QuestionRow> rows = new java.util.HashMap<>();
        d.questions().forEach(r -> rows.put(r.externalId(), r));
        assertEquals(5, rows.size());

        ClassDashboard.QuestionRow q1 = rows.get("q1"); // A: 4 answers (1 Again), B: 3 answers (2 Again)
        assertEquals(7, q1.answers());
        assertEquals(3.0 / 7, q1.againRate(), 1e-9);
        assertEquals(7.0, q1.meanDifficulty(), 1e-9); // (6 + 8) / 2
        assertEquals(2, q1.firstTryLearners());
        assertEquals(0.5, q1.firstTry(), 1e-9);       // A wrong first, B right
        assertEquals(List.of(new ClassDashboard.WrongOption("wrong-a", 1)), q1.wrongOptions());

        ClassDashboard.QuestionRow q2 = rows.get("q2");
        assertEquals(2, q2.answers());
        assertEquals(0.5, q2.againRate(), 1e-9);
        assertEquals(4.0, q2.meanDifficulty(), 1e-9);
        assertEquals(0.0, q2.firstTry(), 1e-9);
        assertEquals(List.of(new ClassDashboard.WrongOption("wrong-c", 2), new ClassDashboard.WrongOption("wrong-d", 1)),
                q2.wrongOptions());

        ClassDashboard.QuestionRow q3 = rows.get("q3");
        assertEquals(0, q3.answers());
        assertNull(q3.againRate());
        assertNull(q3.meanDifficulty());
        assertNull(q3.firstTry());

        assertEquals(List.of("q2", "q1"), d.hardest().stream().map(ClassDashboard.QuestionRow::externalId).toList());
    }

    @Test
    void theApiAndTheCsvFilesCarryTheSameNumbersForTheInstructorOnly() {
        owner.request().get("/api/v1/classes/" + classId + "/dashboard").then().statusCode(200)
                .body("hardest[0].externalId", org.hamcrest.Matchers.equalTo("q2"))
                .body("learners.find { it.username == '" + a.username() + "' }.streak", org.hamcrest.Matchers.equalTo(3));
        String csv = owner.request().get("/api/v1/classes/" + classId + "/dashboard/learners.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(a.username() + ",2,1,0.6667,3,"), csv);
        String questions = owner.request().get("/api/v1/classes/" + classId + "/dashboard/questions.csv").then()
                .statusCode(200).extract().asString();
        assertTrue(questions.contains(",q2,SINGLE_CHOICE,Two,2,0.5000,1,0.0000,4.00,wrong-c (2); wrong-d (1)"), questions);
        a.request().get("/api/v1/classes/" + classId + "/dashboard/questions.csv").then().statusCode(403);
    }

    @Test
    void csvCellsASpreadsheetWouldRunAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\",1)\"", DashboardCsv.cell("=HYPERLINK(\"x\",1)"));
        assertEquals("'-lrn", DashboardCsv.cell("-lrn"));
        assertEquals("'@x", DashboardCsv.cell("@x"));
        assertEquals("plain", DashboardCsv.cell("plain"));
    }

    // ------------------------------------------------------------------------------------------------ fixture

    /** A moment {@code k} study days ago (UTC, day starting at 04:00): a minute into that day, never after now. */
    private Instant day(int k) {
        LocalDate today = now.minus(Duration.ofHours(4)).atZone(ZoneOffset.UTC).toLocalDate();
        Instant start = today.minusDays(k).atTime(4, 1).toInstant(ZoneOffset.UTC);
        return k == 0 && start.isAfter(now) ? now : start;
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private Map<String, Long> questions(String deckId) throws Exception {
        Map<String, Long> ids = new java.util.HashMap<>();
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(
                "select q.external_id, q.id from question q join deck d on d.id = q.deck_id where d.external_id = ?")) {
            ps.setString(1, deckId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        assertEquals(5, ids.size(), ids.toString());
        return ids;
    }

    private long card(ApiClient who, String question, String deckId, int state, double difficulty, Instant due,
                      Instant lastReview) throws Exception {
        return card(who, q.get(question), deckId, state, difficulty, due, lastReview);
    }

    private long card(ApiClient who, long questionId, String deckId, int state, double difficulty, Instant due,
                      Instant lastReview) throws Exception {
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement("""
                insert into card (user_id, question_id, deck_id, state, stability, difficulty, due, last_review, reps)
                values ((select id from app_user where username = ?), ?, (select id from deck where external_id = ?),
                        ?, 3.0, ?, ?, ?, 1) returning id""")) {
            ps.setString(1, who.username());
            ps.setLong(2, questionId);
            ps.setString(3, deckId);
            ps.setInt(4, state);
            ps.setDouble(5, difficulty);
            ps.setTimestamp(6, Timestamp.from(due));
            ps.setTimestamp(7, lastReview == null ? null : Timestamp.from(lastReview));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void review(long cardId, ApiClient who, Instant at, int stateBefore, int rating, boolean undone) throws Exception {
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement("""
                insert into review_log (card_id, user_id, client_review_id, rating, reviewed_at, state_before, due_before,
                                        reps_before, lapses_before, state_after, stability_after, difficulty_after,
                                        due_after, elapsed_days, scheduled_days, undone_at)
                values (?, (select id from app_user where username = ?), ?, ?, ?, ?, ?, 0, 0, 2, 3.0, 5.0, ?, 0, 1,
                        case when ? then now() end)""")) {
            ps.setLong(1, cardId);
            ps.setString(2, who.username());
            ps.setObject(3, UUID.randomUUID());
            ps.setInt(4, rating);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setInt(6, stateBefore);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setTimestamp(8, Timestamp.from(at.plus(Duration.ofDays(1))));
            ps.setBoolean(9, undone);
            ps.executeUpdate();
        }
    }

    private void answer(ApiClient who, String question, String optionText, Instant at) throws Exception {
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement("""
                insert into quiz_answer (user_id, question_id, client_review_id, correct, chosen, answered_at)
                select (select id from app_user where username = ?), o.question_id, ?, o.fraction > 0,
                       array[(select count(*) from question_option e where e.question_id = o.question_id
                                     and e.lang = o.lang and e.position < o.position)::int], ?
                from question_option o where o.question_id = ? and o.text = ? limit 1""")) {
            ps.setString(1, who.username());
            ps.setObject(2, UUID.randomUUID());
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setLong(4, q.get(question));
            ps.setString(5, optionText);
            assertEquals(1, ps.executeUpdate(), optionText);
        }
    }
}
