package io.demodeck.home;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.review.ReviewService;
import io.demodeck.review.ReviewService.QueueCounts;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home page per visitor: its sections, each deck once, today's counts, the search. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HomePagesTest {

    private static final String BANK_DECK = "goroutines-threads-processes";

    @Inject
    AccountService accounts;

    @Inject
    ReviewService reviews;

    String instructorName;
    String learnerName;
    long instructor;
    long learner;
    String classDeck;
    long classDeckId;
    String publicDeck;
    long publicDeckId;
    String privateDeck;
    String tag;
    String className;

    @BeforeEach
    void decksAndAClass() {
        instructorName = HomeFixtures.unique("hins");
        learnerName = HomeFixtures.unique("hlrn");
        instructor = HomeFixtures.account(accounts, instructorName, Role.INSTRUCTOR);
        learner = HomeFixtures.account(accounts, learnerName, Role.LEARNER);
        String suffix = HomeFixtures.unique("");
        tag = "hometag-" + suffix;
        classDeck = "home-class-" + suffix;
        publicDeck = "home-public-" + suffix;
        privateDeck = "home-private-" + suffix;
        classDeckId = HomeFixtures.deck(classDeck, instructor, "class", "Networking basics " + suffix,
                "Основы сетей " + suffix, 5, tag);
        publicDeckId = HomeFixtures.deck(publicDeck, null, "public", "Shared algorithms " + suffix,
                "Общие алгоритмы " + suffix, 4, "other-" + suffix);
        HomeFixtures.deck(privateDeck, instructor, "private", "Drafts " + suffix, "Черновики " + suffix, 2, "draft-" + suffix);
        className = "Evening group " + suffix;
        HomeFixtures.classWith(instructor, className, classDeckId, 3, learner);
    }

    private static Browser signedIn(String username) {
        Browser browser = new Browser();
        assertEquals(303, browser.signIn(username, ApiClient.PASSWORD).statusCode());
        browser.request().get("/lang/en?back=/");
        return browser;
    }

    /** The page's sections in order, by id (mine, classes, studied, public). */
    private static List<String> sections(String page) {
        return Pattern.compile("<section class=\"home-section\" id=\"section-(\\w+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList();
    }

    /** The section a deck is listed in, failing when it is listed more than once. */
    private static String sectionOf(String page, String deck) {
        String found = null;
        String current = null;
        Matcher m = Pattern.compile("id=\"section-(\\w+)\"|<li data-deck=\"([^\"]+)\"").matcher(page);
        while (m.find()) {
            if (m.group(1) != null) {
                current = m.group(1);
            } else if (m.group(2).equals(deck)) {
                assertEquals(null, found, deck + " is listed twice: in " + found + " and " + current);
                found = current;
            }
        }
        return found;
    }

    /** The counts shown for a deck: new, learning, due; null when the page shows none. */
    private static QueueCounts countsOf(String page, String deck) {
        int start = page.indexOf("<li data-deck=\"" + deck + "\"");
        assertTrue(start >= 0, deck + " on the page");
        String item = page.substring(start, page.indexOf("</li>", start));
        Matcher n = Pattern.compile("data-count=\"new\"[^>]*>(\\d+)<").matcher(item);
        Matcher l = Pattern.compile("data-count=\"learning\"[^>]*>(\\d+)<").matcher(item);
        Matcher d = Pattern.compile("data-count=\"due\"[^>]*>(\\d+)<").matcher(item);
        if (!n.find()) {
            return null;
        }
        assertTrue(l.find() && d.find(), item);
        return new QueueCounts(Integer.parseInt(n.group(1)), Integer.parseInt(l.group(1)), Integer.parseInt(d.group(1)));
    }

    @Test
    void anonymousVisitorsSeePublicDecksOnlyWithoutCounts() {
        String page = given().cookie("lang", "en").get("/").then().statusCode(200).extract().asString();
        assertEquals(List.of("public"), sections(page), page);
        assertTrue(page.contains("Public decks"), page);
        assertEquals("public", sectionOf(page, BANK_DECK));
        assertEquals("public", sectionOf(page, publicDeck));
        assertEquals(null, sectionOf(page, classDeck), "a class deck is not for anonymous visitors");
        assertEquals(null, sectionOf(page, privateDeck));
        assertFalse(page.contains("data-count="), "no counts for anonymous visitors");
        assertFalse(page.contains("My decks"));

        String ru = given().cookie("lang", "ru").get("/").then().statusCode(200).extract().asString();
        assertTrue(ru.contains("Открытые колоды"), ru);
        assertTrue(ru.contains("Поиск колод"), ru);
    }

    @Test
    void aLearnerSeesTheirClassesDecksFirstThenWhatTheyStudyThenPublicDecksEachOnce() {
        reviews.grade(learner, HomeFixtures.questions(publicDeckId).getFirst(), Rating.GOOD, Instant.now(), 1000,
                UUID.randomUUID(), "web");
        String page = signedIn(learnerName).open("/").then().statusCode(200).extract().asString();
        assertEquals(List.of("classes", "studied", "public"), sections(page), page);
        assertTrue(page.contains("My classes&#39; decks") && page.contains("Decks I study"), page);
        assertEquals("classes", sectionOf(page, classDeck));
        assertTrue(page.contains("Class: " + className), page);
        assertEquals("studied", sectionOf(page, publicDeck), "a public deck the learner studies is listed once, as studied");
        assertEquals("public", sectionOf(page, BANK_DECK));
        assertEquals(null, sectionOf(page, privateDeck), "another's private deck is never listed");
        assertFalse(page.contains("My decks"), "a learner owns no deck");
    }

    @Test
    void anInstructorSeesTheirOwnDecksFirstAndAClassDeckOfTheirsOnlyThere() {
        String page = signedIn(instructorName).open("/").then().statusCode(200).extract().asString();
        assertEquals("mine", sections(page).getFirst(), page);
        assertEquals("mine", sectionOf(page, classDeck), "the instructor's own class deck is listed once, as theirs");
        assertEquals("mine", sectionOf(page, privateDeck));
        assertEquals("public", sectionOf(page, publicDeck));

        // a co-editor sees the deck among their own decks too
        String coEditorName = HomeFixtures.unique("hced");
        long coEditor = HomeFixtures.account(accounts, coEditorName, Role.INSTRUCTOR);
        HomeFixtures.sql("insert into deck_editor (deck_id, user_id) values (?, ?)", classDeckId, coEditor);
        assertEquals("mine", sectionOf(signedIn(coEditorName).open("/").asString(), classDeck));
    }

    @Test
    void eachDeckShowsTodaysCountsExactlyAsTheStudyQueueReportsThem() {
        List<Long> classQuestions = HomeFixtures.questions(classDeckId);
        List<Long> publicQuestions = HomeFixtures.questions(publicDeckId);
        Instant now = Instant.now();
        // one new card of the class deck answered: it is learning now, and uses one of the class's 3 new cards a day
        reviews.grade(learner, classQuestions.get(0), Rating.GOOD, now, 1000, UUID.randomUUID(), "web");
        // a review card of the public deck due since yesterday, and a suspended new one
        HomeFixtures.sql("""
                insert into card (user_id, question_id, deck_id, state, stability, difficulty, due, last_review, reps)
                values (?, ?, ?, 2, 3.0, 5.0, ?, ?, 2)""", learner, publicQuestions.get(0), publicDeckId,
                java.sql.Timestamp.from(now.minus(1, ChronoUnit.DAYS)), java.sql.Timestamp.from(now.minus(4, ChronoUnit.DAYS)));
        HomeFixtures.sql("insert into card (user_id, question_id, deck_id, due, suspended) values (?, ?, ?, ?, true)",
                learner, publicQuestions.get(1), publicDeckId, java.sql.Timestamp.from(now));

        String page = signedIn(learnerName).open("/").asString();
        QueueCounts classCounts = countsOf(page, classDeck);
        QueueCounts publicCounts = countsOf(page, publicDeck);
        QueueCounts bankCounts = countsOf(page, BANK_DECK);
        assertNotNull(bankCounts, "counts for every deck of a signed-in learner");
        Instant after = Instant.now();
        assertEquals(reviews.counts(learner, classDeckId, after), classCounts);
        assertEquals(reviews.counts(learner, publicDeckId, after), publicCounts);
        // what the learner notices: the class's limit (3, one used), the learning card, the review due, the suspended
        // card and the retired question left out
        assertEquals(new QueueCounts(2, 1, 0), classCounts);
        assertEquals(new QueueCounts(2, 0, 1), publicCounts);
        assertTrue(page.contains("Today: 2 new, 1 learning, 0 due"), "the counts are spelled out for screen readers");
    }

    @Test
    void theSearchFindsDecksByTitleInEitherLanguageAndByTagIgnoringCase() {
        Browser browser = signedIn(learnerName);
        String byEnglishTitle = browser.open("/?q=NETWORKING basics").asString();
        assertEquals("classes", sectionOf(byEnglishTitle, classDeck));
        assertEquals(null, sectionOf(byEnglishTitle, publicDeck));
        assertEquals(null, sectionOf(byEnglishTitle, BANK_DECK));
        assertTrue(byEnglishTitle.contains("value=\"NETWORKING basics\""), "the search box keeps the search");

        String byRussianTitle = browser.open("/?q=" + "ОСНОВЫ СЕТЕЙ").asString();
        assertEquals("classes", sectionOf(byRussianTitle, classDeck), byRussianTitle);
        assertEquals(null, sectionOf(byRussianTitle, publicDeck));

        String byTag = browser.open("/?q=" + tag.toUpperCase()).asString();
        assertEquals("classes", sectionOf(byTag, classDeck));
        assertEquals(null, sectionOf(byTag, publicDeck));
        assertNotNull(countsOf(byTag, classDeck), "found decks keep their counts");

        String retiredTag = browser.open("/?q=retired-" + tag).asString();
        assertEquals(null, sectionOf(retiredTag, classDeck), "a retired question's tags do not count");
        assertTrue(retiredTag.contains("No deck matches “retired-" + tag + "”"), retiredTag);

        String wildcard = browser.request().queryParam("q", "%").get("/").asString();
        assertTrue(wildcard.contains("No deck matches “%”"), "% is searched for literally");

        String anonymous = given().cookie("lang", "en").get("/?q=goroutine").then().statusCode(200).extract().asString();
        assertEquals("public", sectionOf(anonymous, BANK_DECK));
        assertEquals(null, sectionOf(anonymous, classDeck));
        assertEquals(null, sectionOf(given().cookie("lang", "en").get("/?q=networking").asString(), classDeck),
                "the search never shows a deck the visitor may not see");

        String script = given().cookie("lang", "en").get("/?q=<script>x").asString();
        assertFalse(script.contains("<script>x"), "the search text is escaped");
        assertTrue(script.contains("<label for=\"home-q\">Search decks</label>"), "the search box has a label");
    }
}
