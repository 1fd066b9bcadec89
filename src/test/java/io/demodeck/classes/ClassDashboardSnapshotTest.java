package io.demodeck.classes;

import io.agroal.api.AgroalDataSource;
import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.demodeck.classes.ClassFixtures.account;
import static io.demodeck.classes.ClassFixtures.createClass;
import static io.demodeck.classes.ClassFixtures.deckOf;
import static io.demodeck.classes.ClassFixtures.invite;
import static io.demodeck.classes.ClassFixtures.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large class's dashboard is served stored: here every class counts as large (live-below 0), so after its first
 * computation the dashboard shows stored figures with their time, recomputed in the background once older than
 * refresh-after, and at once by "Compute now", which only the class's instructors (and admins) may use.
 */
@QuarkusTest
@TestProfile(ClassDashboardSnapshotTest.EveryClassIsLarge.class)
@WithTestResource(EmbeddedPostgresResource.class)
class ClassDashboardSnapshotTest {

    public static class EveryClassIsLarge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demodeck.classes.dashboard-live-below", "PT0S",
                    "demodeck.classes.dashboard-refresh-after", "PT1M");
        }
    }

    private static final Viewer ADMIN = new Viewer(-1L, false, true);

    @Inject
    AccountService accounts;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ClassDashboard dashboards;

    String ownerName;
    ApiClient owner;
    ApiClient learner;
    String deck;
    long classId;

    @BeforeEach
    void fixture() {
        ownerName = ClassFixtures.name("own");
        accounts.create(ownerName, ApiClient.PASSWORD, Role.INSTRUCTOR, "en");
        owner = ApiClient.signIn(ownerName);
        learner = account(accounts, "lrn", Role.LEARNER);
        deck = deckOf(owner);
        classId = createClass(owner, "Stored dashboard");
        owner.request().body("{}").put("/api/v1/classes/" + classId + "/decks/" + deck).then().statusCode(200);
        join(learner, invite(owner, classId));
    }

    @Test
    void aStoredDashboardIsServedWithItsTimeAndRefreshedInTheBackgroundOnceOlderThanThePeriod() throws Exception {
        Instant first = Instant.now();
        ClassDashboard.Dashboard computed = dashboards.of(ADMIN, classId, "en", first);
        assertFalse(computed.stored(), "no stored figures yet: the first dashboard is computed");
        assertEquals(0, studied(computed));

        study("q1");
        ClassDashboard.Dashboard served = dashboards.of(ADMIN, classId, "en", first.plusSeconds(30));
        assertTrue(served.stored(), "the last computation took longer than 0 ms: served stored");
        assertEquals(first.toEpochMilli(), served.computedAt().toEpochMilli());
        assertEquals(0, studied(served), "the stored figures, not the new card");
        assertFalse(dashboards.refreshing(classId), "30 s old, within the refresh period: no refresh");
        Thread.sleep(300);
        assertEquals(first.toEpochMilli(), storedAt().toEpochMilli(), "nothing recomputed within the period");

        ClassDashboard.Dashboard stale = dashboards.of(ADMIN, classId, "en", first.plus(Duration.ofMinutes(2)));
        assertTrue(stale.stored());
        assertEquals(0, studied(stale), "the request that finds them old still gets the stored figures at once");
        Instant deadline = Instant.now().plusSeconds(60);
        while (storedAt().toEpochMilli() == first.toEpochMilli() || dashboards.refreshing(classId)) {
            assertTrue(Instant.now().isBefore(deadline), "the background refresh did not end within 60 s");
            Thread.sleep(100);
        }
        ClassDashboard.Dashboard refreshed = dashboards.of(ADMIN, classId, "en", Instant.now());
        assertTrue(refreshed.stored());
        assertTrue(refreshed.computedAt().isAfter(first), refreshed.computedAt() + " after " + first);
        assertEquals(1, studied(refreshed), "the background refresh counted the new card");
    }

    @Test
    void thePageSaysTheFiguresAreStoredAndComputeNowRecomputesThemForTheInstructorOnly() throws Exception {
        Browser browser = signIn(ownerName);
        String page = "/classes/" + classId + "/dashboard";
        Response firstPage = browser.open(page);
        assertEquals(200, firstPage.statusCode());
        assertFalse(firstPage.asString().contains("id=\"stored-figures\""), "the first dashboard is computed, not stored");
        assertEquals(0, studiedOnPage(firstPage.asString()));

        study("q1");
        String stored = browser.open(page).asString();
        assertTrue(stored.contains("id=\"stored-figures\""), stored);
        assertTrue(stored.contains("These figures were computed at "), stored);
        assertTrue(stored.contains("Compute now"), stored);
        assertEquals(0, studiedOnPage(stored), "the stored figures");
        assertTrue(owner.request().get("/api/v1/classes/" + classId + "/dashboard").then().statusCode(200)
                .extract().jsonPath().getBoolean("stored"), "the API says so too");

        // neither a member nor another instructor may recompute the class's figures
        Browser member = signIn(learner.username());
        member.open("/classes");
        assertEquals(403, member.submit(page + "/refresh").statusCode());
        String otherName = ClassFixtures.name("oth");
        accounts.create(otherName, ApiClient.PASSWORD, Role.INSTRUCTOR, "en");
        Browser other = signIn(otherName);
        other.open("/classes");
        assertEquals(403, other.submit(page + "/refresh").statusCode());
        learner.request().post("/api/v1/classes/" + classId + "/dashboard/refresh").then().statusCode(403);
        ApiClient.signIn(otherName).request().post("/api/v1/classes/" + classId + "/dashboard/refresh").then().statusCode(403);
        assertEquals(0, studiedOnPage(browser.open(page).asString()), "the refused requests computed nothing");

        // no CSRF token, no computing
        int forged = browser.request().contentType("application/x-www-form-urlencoded").post(page + "/refresh").statusCode();
        assertTrue(forged >= 400 && forged < 500, "without CSRF: " + forged);

        Response computeNow = browser.submit(page + "/refresh");
        assertEquals(303, computeNow.statusCode());
        assertTrue(computeNow.header("Location").endsWith(page + "?done=computed"), computeNow.header("Location"));
        String after = browser.open(page + "?done=computed").asString();
        assertTrue(after.contains("The figures were computed just now."), after);
        assertEquals(1, studiedOnPage(after), "Compute now counted the new card");

        study("q2");
        var json = owner.request().post("/api/v1/classes/" + classId + "/dashboard/refresh").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(json.getBoolean("stored"));
        assertEquals(2, json.getInt("learners[0].cardsStudied"), "the API's Compute now counted both cards");
        assertEquals(2, studiedOnPage(browser.open(page).asString()), "and stored them for the page");
        owner.request().queryParam("lang", "xx").post("/api/v1/classes/" + classId + "/dashboard/refresh")
                .then().statusCode(422);
    }

    // ---------------------------------------------------------------------------------------------------------

    private Browser signIn(String username) {
        Browser browser = new Browser();
        assertEquals(303, browser.signIn(username, ApiClient.PASSWORD).statusCode());
        browser.request().get("/lang/en?back=/");
        return browser;
    }

    private long studied(ClassDashboard.Dashboard d) {
        return d.learners().stream().filter(l -> l.username().equals(learner.username())).findFirst().orElseThrow()
                .cardsStudied();
    }

    private int studiedOnPage(String html) {
        Matcher m = Pattern.compile("<th scope=\"row\">" + Pattern.quote(learner.username()) + "</th><td>(\\d+)</td>")
                .matcher(html);
        assertTrue(m.find(), html);
        return Integer.parseInt(m.group(1));
    }

    /** The learner has studied the question: a card in review state. */
    private void study(String question) throws Exception {
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement("""
                insert into card (user_id, question_id, deck_id, state, stability, difficulty, due, last_review, reps)
                select u.id, q.id, d.id, 2, 3.0, 5.0, now() + interval '1 day', now(), 1
                from app_user u, deck d join question q on q.deck_id = d.id
                where u.username = ? and d.external_id = ? and q.external_id = ?""")) {
            ps.setString(1, learner.username());
            ps.setString(2, deck);
            ps.setString(3, question);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private Instant storedAt() throws Exception {
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(
                "select computed_at from class_dashboard_snapshot where class_id = ? and lang = 'en'")) {
            ps.setLong(1, classId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "a stored dashboard");
                Timestamp t = rs.getTimestamp(1);
                return t.toInstant();
            }
        }
    }
}
