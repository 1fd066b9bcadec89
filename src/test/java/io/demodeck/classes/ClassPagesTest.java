package io.demodeck.classes;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.demodeck.classes.ClassFixtures.deckOf;
import static io.demodeck.classes.ClassFixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classes in the browser: forms with CSRF and post/redirect/get, the join page, what learners do and do not see. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ClassPagesTest {

    private static final Pattern CLASS_URL = Pattern.compile("/classes/(\\d+)\\?done=created");
    private static final Pattern JOIN = Pattern.compile("/join/([A-Za-z0-9_-]{22})");

    @Inject
    AccountService accounts;

    private final java.util.Map<Browser, String> names = new java.util.IdentityHashMap<>();

    /** A signed-in browser with the English interface. */
    private Browser signedIn(String prefix, Role role) {
        String username = name(prefix);
        accounts.create(username, ApiClient.PASSWORD, role, "en");
        return signIn(username);
    }

    private Browser signIn(String username) {
        Browser browser = new Browser();
        assertEquals(303, browser.signIn(username, ApiClient.PASSWORD).statusCode());
        browser.request().get("/lang/en?back=/");
        names.put(browser, username);
        return browser;
    }

    private String username(Browser browser) {
        return names.get(browser);
    }

    @Test
    void anInstructorRunsAClassAndLearnersJoinSeeItAndLeave() {
        String ownerName = name("own");
        accounts.create(ownerName, ApiClient.PASSWORD, Role.INSTRUCTOR, "en");
        Browser owner = signIn(ownerName);
        String deck = deckOf(ApiClient.signIn(ownerName));
        String othersDeck = deckOf(ApiClient.signIn(createInstructor()));

        owner.open("/classes");
        Response empty = owner.submit("/classes", "name", " ");
        assertEquals(422, empty.statusCode());
        assertTrue(empty.asString().contains("The name needs 1 to 200 characters."), empty.asString());
        Response created = owner.submit("/classes", "name", "Pages class", "description", "Spring group");
        assertEquals(303, created.statusCode());
        Matcher url = CLASS_URL.matcher(created.header("Location"));
        assertTrue(url.find(), created.header("Location"));
        String cls = "/classes/" + url.group(1);

        owner.open(cls);
        assertEquals(303, owner.submit(cls + "/invites").statusCode());
        owner.open(cls);
        assertEquals(303, owner.submit(cls + "/decks", "deck", deck, "newCardsPerDay", "3").statusCode());
        owner.open(cls);
        Response refused = owner.submit(cls + "/decks", "deck", othersDeck, "newCardsPerDay", "");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.asString().contains("You may assign decks you own and public decks only."), refused.asString());
        Response badLimit = owner.submit(cls + "/decks", "deck", deck, "newCardsPerDay", "many");
        assertEquals(422, badLimit.statusCode());
        String page = owner.open(cls).asString();
        assertTrue(page.contains("at most 3 new cards a day"), page);
        Matcher join = JOIN.matcher(page);
        assertTrue(join.find(), page);
        String code = join.group(1);

        // anyone with the link reads what joining means; joining needs an account and the form's CSRF token
        Browser visitor = new Browser();
        visitor.request().get("/lang/en?back=/");
        String anonymous = visitor.open("/join/" + code).asString();
        assertTrue(anonymous.contains("instructors will see your progress in these decks"), anonymous);
        assertTrue(anonymous.contains("Sign in or register"), anonymous);
        Browser first = signedIn("lrn", Role.LEARNER);
        Browser second = signedIn("lrn", Role.LEARNER);
        String firstName = username(first);
        String secondName = username(second);
        assertTrue(first.open("/join/" + code).asString().contains("Join the class"));
        Response forged = first.request().contentType("application/x-www-form-urlencoded").post("/join/" + code);
        assertTrue(forged.statusCode() >= 400 && forged.statusCode() < 500, "without CSRF: " + forged.statusCode());
        Response joined = first.submit("/join/" + code);
        assertEquals(303, joined.statusCode());
        assertTrue(joined.header("Location").endsWith(cls + "?done=joined"), joined.header("Location"));
        second.open("/join/" + code);
        second.submit("/join/" + code);

        String seen = first.open(cls).asString();
        assertTrue(seen.contains("You joined the class.") || seen.contains("Pages class"), seen);
        assertTrue(seen.contains("/study/" + deck), seen);
        assertFalse(seen.contains(secondName), "learners never see each other: " + seen);
        assertFalse(seen.contains("/join/"), "no invite links for learners");
        assertEquals(403, first.open(cls + "/dashboard").statusCode());
        assertEquals(403, first.open(cls + "/dashboard/learners.csv").statusCode());
        assertTrue(first.open("/classes").asString().contains("Pages class"));

        String dashboard = owner.open(cls + "/dashboard").asString();
        assertTrue(dashboard.contains(firstName) && dashboard.contains(secondName), dashboard);
        assertTrue(dashboard.contains("2 learners"), dashboard);
        String csv = owner.open(cls + "/dashboard/learners.csv").asString();
        assertTrue(csv.startsWith("username,cards_studied"), csv);
        assertTrue(csv.contains(firstName + ",0,0,,0,,0"), csv);

        // leaving: the class is no longer theirs to see
        first.open(cls);
        Response left = first.submit(cls + "/leave");
        assertEquals(303, left.statusCode());
        assertEquals(403, first.open(cls).statusCode());
        assertFalse(owner.open(cls + "/dashboard").asString().contains(firstName));

        // a revoked link says so, and so does an unknown one
        owner.open(cls);
        Matcher inviteId = Pattern.compile("action=\"" + Pattern.quote(cls) + "/invites/(\\d+)/revoke\"").matcher(owner.open(cls).asString());
        assertTrue(inviteId.find());
        assertEquals(303, owner.submit(cls + "/invites/" + inviteId.group(1) + "/revoke").statusCode());
        Browser third = signedIn("lrn", Role.LEARNER);
        Response revoked = third.open("/join/" + code);
        assertEquals(410, revoked.statusCode());
        assertTrue(revoked.asString().contains("This invite link was revoked by the instructor."), revoked.asString());
        assertEquals(410, third.submit("/join/" + code).statusCode());
        Response unknown = third.open("/join/" + "x".repeat(22));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.asString().contains("There is no class with this invite link."));
    }

    @Test
    void anotherInstructorNeitherSeesNorChangesTheClass() {
        Browser owner = signedIn("own", Role.INSTRUCTOR);
        owner.open("/classes");
        String location = owner.submit("/classes", "name", "Private class").header("Location");
        String cls = location.substring(0, location.indexOf('?'));
        Browser other = signedIn("oth", Role.INSTRUCTOR);
        assertEquals(403, other.open(cls).statusCode());
        other.open("/classes");
        assertEquals(403, other.submit(cls + "/invites").statusCode());
        assertEquals(403, other.submit(cls + "/archive").statusCode());
        assertFalse(other.open("/classes").asString().contains("Private class"));
        Browser admin = signedIn("adm", Role.ADMIN);
        assertEquals(200, admin.open(cls + "/dashboard").statusCode());
        Browser learner = signedIn("lrn", Role.LEARNER);
        learner.open("/classes");
        assertEquals(403, learner.submit("/classes", "name", "Learner's class").statusCode());
    }

    @Test
    void aCoEditorAssigningTheOwnersDeckIsToldOnlyTheOwnerMayInBothLanguages() {
        String ownerName = createInstructor();
        ApiClient ownerApi = ApiClient.signIn(ownerName);
        String deck = deckOf(ownerApi);
        Browser coEditor = signedIn("coe", Role.INSTRUCTOR);
        ownerApi.request().put("/api/v1/decks/" + deck + "/editors/" + username(coEditor)).then().statusCode(200);
        coEditor.open("/classes");
        String location = coEditor.submit("/classes", "name", "Co-editor's class").header("Location");
        String cls = location.substring(0, location.indexOf('?'));

        coEditor.open(cls);
        Response refused = coEditor.submit(cls + "/decks", "deck", deck, "newCardsPerDay", "");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.asString().contains("Only the deck&#39;s owner and admins may assign it to a class")
                || refused.asString().contains("Only the deck's owner and admins may assign it to a class"), refused.asString());
        coEditor.request().get("/lang/ru?back=/classes");
        coEditor.open(cls);
        Response russian = coEditor.submit(cls + "/decks", "deck", deck, "newCardsPerDay", "");
        assertEquals(403, russian.statusCode());
        assertTrue(russian.asString().contains("Назначить колоду классу могут только её владелец и администраторы"),
                russian.asString());
        assertFalse(coEditor.open(cls).asString().contains(deck), "the deck was not assigned");
    }

    @Test
    void theRussianPageCountsWithTheRightPlural() {
        Browser owner = signedIn("own", Role.INSTRUCTOR);
        owner.request().get("/lang/ru?back=/classes");
        owner.open("/classes");
        owner.submit("/classes", "name", "Русский класс");
        String page = owner.open("/classes").asString();
        assertTrue(page.contains("0 учеников") && page.contains("0 колод"), page);
    }

    private String createInstructor() {
        String name = name("ins");
        accounts.create(name, ApiClient.PASSWORD, Role.INSTRUCTOR, "en");
        return name;
    }
}
