package io.demodeck.e2e;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.Slow;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 "Mock interview mode" in headless Chromium, keyboard only from the start form on: a learner runs a
 * 3-question interview (one typed answer that covers every key point, one answered aloud and self-graded, one
 * skipped), watches the clock count down, reads the result with key points hit and missed, sends the missed
 * questions to the review queue and sees the history with the trend of scores. Axe scans every page at 1440 and
 * 390 px.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class InterviewInBrowserTest extends BrowserTestBase {

    static final String PASSWORD = ApiClient.PASSWORD;
    static final String DECK = "goroutines-threads-processes";
    static final List<Dimension> WIDTHS = List.of(new Dimension(390, 844), new Dimension(1440, 900));
    static final String FULL_ANSWER = "A goroutine is managed by the Go runtime, not the OS kernel; many goroutines are "
            + "multiplexed M:N onto a few OS threads; it has a small growable stack so it is cheap to create; you start "
            + "one with the go statement.";

    @Inject
    AccountService accounts;

    @Test
    void aLearnerRunsAThreeQuestionInterviewByKeyboard() {
        AxeScan axe = AxeScan.load();
        String learner = "iv" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        accounts.create(learner, PASSWORD, Role.LEARNER, "en");

        browser.step("finds-the-interview-from-the-nav-and-the-deck", () -> {
            browser.driver().manage().window().setSize(WIDTHS.get(1));
            signIn(learner);
            assertEquals("Interview", browser.find("nav a[href='/interviews']").getText());
            browser.open("/decks/" + DECK);
            assertTrue(browser.find("#interview-deck-link").getAttribute("href").endsWith("/interviews/new?deck=" + DECK));
            browser.open("/interviews/new?deck=" + DECK);
            scan(axe, "start form");
        });
        browser.step("starts-three-questions-in-deck-order", () -> {
            // focus starts in "Number of questions"
            assertEquals("f-questions", focused());
            browser.selectAll();
            browser.type("3");
            browser.tab();
            browser.selectAll();
            browser.type("60");
            browser.tab();
            browser.press(Keys.SPACE); // shuffle off: deck order
            browser.tab();
            assertEquals("start-submit", focused());
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertTrue(browser.path().matches("/interviews/\\d+"), browser.path());
        });
        String[] interview = new String[1];
        browser.step("the-clock-runs-and-a-typed-answer-is-sent", () -> {
            interview[0] = browser.path().replaceAll("\\?.*", "");
            assertEquals("Question 1 of 3", browser.find("h1").getText());
            WebElement clock = browser.find("#clock-value");
            assertTrue(clock.isDisplayed());
            String first = clock.getText();
            assertTrue(first.matches("[01]:\\d\\d"), first);
            browser.waitFor(Duration.ofSeconds(5), d -> !browser.find("#clock-value").getText().equals(first));
            scan(axe, "question page");
            browser.waitFor(d -> "typed".equals(focused()));
            browser.type(FULL_ANSWER);
            browser.tab();
            assertEquals("answer-submit", focused());
            browser.pressAndWaitForNewPage(Keys.ENTER);
        });
        browser.step("answers-aloud-and-self-grades", () -> {
            assertEquals("Question 2 of 3", browser.find("h1").getText());
            browser.waitFor(d -> "typed".equals(focused()));
            browser.tab();
            browser.tab();
            assertEquals("answer-aloud", focused());
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertTrue(browser.find("#self-grade-form legend").getText().contains("answered aloud"));
            scan(axe, "self-grading page");
            browser.press(Keys.SPACE); // the first key point covered, the other three not
            for (int i = 0; i < 4 && !"self-grade-submit".equals(focused()); i++) {
                browser.tab();
            }
            assertEquals("self-grade-submit", focused());
            browser.pressAndWaitForNewPage(Keys.ENTER);
        });
        browser.step("skips-the-third", () -> {
            assertEquals("Question 3 of 3", browser.find("h1").getText());
            browser.waitFor(d -> "typed".equals(focused()));
            browser.tab();
            browser.tab();
            browser.tab();
            assertEquals("answer-skip", focused());
            browser.pressAndWaitForNewPage(Keys.ENTER);
        });
        browser.step("reads-the-result-with-hits-and-misses", () -> {
            assertEquals("Interview result", browser.find("h1").getText());
            // (1 + 0.25 + 0) / 3
            assertEquals("Score: 41.7 %", browser.find("#interview-score").getText());
            assertTrue(browser.find("#interview-counts").getText().startsWith("3 questions, 2 missed"),
                    browser.find("#interview-counts").getText());
            WebElement first = browser.find("#item-1");
            assertTrue(first.getText().contains("✓ passed"), first.getText());
            assertTrue(first.findElement(org.openqa.selenium.By.cssSelector(".typed-answer")).getText().contains("Go runtime"));
            assertEquals(4, first.findElements(org.openqa.selenium.By.cssSelector(".interview-key-points li.hit")).size());
            assertTrue(first.getText().contains("What an accurate answer adds"));
            assertFalse(first.findElements(org.openqa.selenium.By.cssSelector("a[href^='/demos/']")).isEmpty());
            WebElement second = browser.find("#item-2");
            assertTrue(second.getText().contains("✗ missed"), second.getText());
            assertTrue(second.getText().contains("Answered aloud and self-graded."));
            assertEquals(1, second.findElements(org.openqa.selenium.By.cssSelector(".interview-key-points li.hit")).size());
            assertEquals(3, second.findElements(org.openqa.selenium.By.cssSelector(".interview-key-points li.miss")).size());
            assertTrue(second.getText().contains("✗ missed:"), "a missed key point is said in words, not colour alone");
            assertTrue(browser.find("#item-3").getText().contains("Skipped."));
            scan(axe, "result page");
        });
        browser.step("sends-the-missed-questions-to-the-queue-once", () -> {
            assertEquals("Send the 2 missed questions to my review queue as failed", browser.find("#queue-missed").getText());
            tabTo("queue-missed");
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertTrue(browser.find("#queued-flash").getText().contains("in your review queue"));
            assertTrue(browser.findAll("#queue-missed").isEmpty(), "the missed questions are sent once");
            ApiClient api = ApiClient.signIn(learner);
            List<Long> missed = api.request().get("/api/v1" + interview[0]).then().statusCode(200).body("queued", org.hamcrest.Matchers.equalTo(true))
                    .extract().jsonPath().getList("results.findAll { !it.passed }.questionId", Long.class);
            assertEquals(2, missed.size());
            for (long question : missed) {
                api.request().get("/api/v1/cards/" + question).then().statusCode(200)
                        .body("state", org.hamcrest.Matchers.equalTo("LEARNING")).body("reps", org.hamcrest.Matchers.equalTo(1));
            }
        });
        browser.step("sees-the-history-and-the-trend", () -> {
            // a second, shorter interview through the API, so that the trend has two points
            ApiClient api = ApiClient.signIn(learner);
            long second = api.request().body(Map.of("deck", DECK, "questions", 1, "secondsPerQuestion", 30, "shuffle", false))
                    .post("/api/v1/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
            api.request().post("/api/v1/interviews/" + second + "/finish").then().statusCode(200);
            browser.open(interview[0]);
            tabTo("history-link");
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertEquals("/interviews", browser.path());
            String table = browser.find("#interview-history").getText();
            assertTrue(table.contains("41.7 %"), table);
            assertTrue(table.contains("0 %"), table);
            assertEquals(2, browser.findAll("#score-trend circle").size());
            List<String> axis = browser.findAll("#score-trend text").stream().map(t -> t.getAttribute("textContent")).toList();
            assertTrue(axis.containsAll(List.of("0 %", "50 %", "100 %")), "the y axis has its values: " + axis);
            assertTrue(browser.findAll("#score-trend circle title").stream()
                    .anyMatch(t -> t.getAttribute("textContent").endsWith("41.7 %")), "each dot has a title");
            scan(axe, "history page");
        });
        assertEquals(List.of(), browser.contentSecurityPolicyViolations());
    }

    @Test
    void aClassMemberInterviewsOnTheClassDeckByItsTag() {
        AxeScan axe = AxeScan.load();
        io.demodeck.interview.InterviewFixtures.ClassDeck setup = io.demodeck.interview.InterviewFixtures.classDeck(accounts);
        String deck = setup.deck();
        String learner = "ivl" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        accounts.create(learner, PASSWORD, Role.LEARNER, "en");
        String code = setup.inviteCode();
        ApiClient.signIn(learner).request().body(Map.of("code", code)).post("/api/v1/classes/join").then().statusCode(200);

        browser.step("the-start-form-offers-the-class-deck", () -> {
            browser.driver().manage().deleteAllCookies();
            browser.driver().manage().window().setSize(WIDTHS.get(1));
            signIn(learner);
            browser.open("/interviews/new");
            List<String> offered = browser.findAll("#f-deck option").stream().map(o -> o.getAttribute("value")).toList();
            assertTrue(offered.contains(deck) && offered.contains(DECK), "the class deck beside the bank's: " + offered);
            new org.openqa.selenium.support.ui.Select(browser.find("#f-deck")).selectByValue(deck);
            browser.find("#f-deck").sendKeys(Keys.TAB);
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertEquals("/interviews/new?deck=" + deck, browser.path());
            List<String> tags = browser.findAll("input[name=tag]").stream().map(t -> t.getAttribute("value")).toList();
            assertEquals(List.of("alpha", "beta"), tags);
            scan(axe, "start form on a class deck");
        });
        browser.step("starts-on-the-beta-tag-and-answers", () -> {
            browser.find("input[name=tag][value=beta]").click();
            WebElement shuffle = browser.find("input[name=shuffle]");
            if (shuffle.isSelected()) {
                shuffle.click();
            }
            browser.find("#f-questions").clear();
            browser.find("#f-questions").sendKeys("5");
            browser.find("#f-questions").sendKeys(Keys.ENTER);
            browser.waitFor(d -> browser.path().matches("/interviews/\\d+"));
            assertEquals("Question 1 of 2", browser.find("h1").getText());
            assertTrue(browser.find("main").getText().contains("Which is two?"), browser.find("main").getText());
            scan(axe, "question of a class deck");
            browser.findAll("#answer-form label").stream().filter(l -> l.getText().strip().equals("two")).findFirst()
                    .orElseThrow().click();
            tabTo("answer-submit");
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertEquals("Question 2 of 2", browser.find("h1").getText());
            assertTrue(browser.find("main").getText().contains("Which is three?"));
        });
        assertEquals(List.of(), browser.contentSecurityPolicyViolations());
    }

    /** Tabs forward until the element with this id has the focus (keyboard only), at most 60 times. */
    private void tabTo(String id) {
        for (int i = 0; i < 60 && !id.equals(focused()); i++) {
            browser.tab();
        }
        assertEquals(id, focused());
    }

    private String focused() {
        return String.valueOf(browser.script("return document.activeElement && document.activeElement.id"));
    }

    /** Axe at 390 and 1440 px (the page is reloaded at each width; it ends at 1440). */
    private void scan(AxeScan axe, String page) {
        String path = browser.path();
        for (Dimension size : WIDTHS) {
            browser.driver().manage().window().setSize(size);
            browser.open(path);
            if (size.width < 500) {
                Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1");
                assertEquals(Boolean.FALSE, overflow, page + " scrolls sideways at " + size.width + " px");
            }
            axe.assertNoSeriousViolations(browser, page + " at " + size.width + " px");
        }
    }

    private void signIn(String user) {
        browser.open("/lang/en?back=/login");
        browser.find("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(PASSWORD);
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.waitFor(d -> browser.path().equals("/"));
    }
}
