package io.demodeck.e2e;

import io.demodeck.testsupport.Slow;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first-time learner in real headless Chromium: registers, signs in, studies five cards with the keyboard
 * only, sees the previewed intervals change, undoes, answers quiz questions, runs a demo in place, opens the
 * stats and settings pages; and an axe-core scan of those pages. Screenshots of failing steps go to
 * {@code target/browser-screenshots/}.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Slow
class StudyInBrowserTest {

    static final String DECK = "goroutines-threads-processes";
    static final String STUDY = "/study/" + DECK;
    static final String PASSWORD = "study-hard-123";

    static BrowserSession browser;
    static String signedInAs;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

    @BeforeEach
    void browser(TestInfo info) {
        if (browser == null) {
            browser = BrowserSession.start(base);
        }
        browser.test(info.getTestMethod().orElseThrow().getName());
    }

    /** Every page these tests open works under the Content-Security-Policy: nothing it needs was blocked. */
    @AfterEach
    void nothingWasBlockedByTheContentSecurityPolicy() {
        if (browser != null) {
            assertEquals(List.of(), browser.contentSecurityPolicyViolations());
        }
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void aFirstTimeLearnerRegistersAndStudiesFiveCardsWithTheKeyboard() {
        String name = "kb" + UUID.randomUUID().toString().substring(0, 8);
        browser.step("register", () -> register(name));
        browser.step("sign-in", () -> signIn(name));

        // from the home page to the first graded card, keyboard only; every key is counted
        Map<String, Long> first = new LinkedHashMap<>();
        browser.step("home-to-first-grade", () -> {
            assertEquals("/", browser.path());
            int decksOnHome = browser.findAll("a.button[href^='/study/']").size();
            first.put("decks", (long) decksOnHome);
            browser.resetActions();
            tabTo("a.button[href='" + STUDY + "']");
            browser.pressAndWaitForNewPage(Keys.ENTER);
            Card a = card();
            assertEquals("question", a.state());
            assertEquals(0, a.learning());
            first.put("question", a.question());
            first.put("new", (long) a.newCards());
            browser.pressAndWaitForNewPage(Keys.SPACE);
            Card shown = card();
            assertEquals("answer", shown.state());
            assertEquals(a.question(), shown.question());
            assertEquals("<10m", shown.interval(3), "Good on a new card: the second learning step");
            assertEquals(4, new HashSet<>(shown.intervals().values()).size(), "four ratings, four intervals: " + shown.intervals());
            assertTrue(shown.intervals().get(4).endsWith("d"), "Easy on a new card graduates it: " + shown.intervals());
            assertEquals("Good, next review in 10 minutes", find("[data-rating='3']").getAccessibleName(),
                    "the button's accessible name starts with its label and spells the interval");
            browser.pressAndWaitForNewPage("3");
            int keys = browser.actions();
            System.out.println("[browser] keys from the home page to the first graded card: " + keys
                    + " (Tab x" + (keys - 3) + " to the deck's Study link, Enter, Space to reveal, 3 for Good; "
                    + first.get("decks") + " deck(s) on the home page; each deck listed above it adds 2 Tabs)");
        });
        long cardA = first.get("question");
        int n0 = first.get("new").intValue();

        browser.step("card-2-hard", () -> {
            Card b = card();
            assertEquals(counts(n0 - 1, 1, 0), b.counts(), "after Good on a new card it is learning");
            assertNotEquals(cardA, b.question());
            Card shown = reveal();
            assertEquals("<10m", shown.interval(3), "another new card previews the same intervals");
            gradeAndExpect(2, counts(n0 - 2, 2, 0));
        });

        Map<String, Long> third = new LinkedHashMap<>();
        browser.step("card-3-easy", () -> {
            Card c = card();
            third.put("question", c.question());
            assertTrue(find("[data-action='undo']").isDisplayed(), "undo is offered after a grade");
            reveal();
            gradeAndExpect(4, counts(n0 - 3, 2, 0));
        });

        browser.step("undo-with-u", () -> {
            browser.pressAndWaitForNewPage("u");
            Card again = card();
            assertEquals("question", again.state());
            assertEquals(third.get("question"), again.question(), "the undone card is shown again");
            assertEquals(counts(n0 - 2, 2, 0), again.counts(), "the counts are back");
            reveal();
            gradeAndExpect(3, counts(n0 - 3, 3, 0));
        });

        browser.step("card-4-again", () -> {
            Card shown = reveal();
            assertEquals("<1m", shown.interval(1), "Again on a new card: the first learning step");
            gradeAndExpect(1, counts(n0 - 4, 4, 0));
        });

        browser.step("card-5-good", () -> {
            reveal();
            gradeAndExpect(3, counts(n0 - 5, 5, 0));
        });

        browser.step("learning-card-graduates", () -> {
            // the first card is still learning (due in 10 minutes): open it directly and grade Good again
            browser.open(STUDY + "?question=" + cardA);
            Card shown = reveal();
            String good = shown.interval(3);
            assertTrue(good.matches("\\d+d"), "Good on a learning card at its last step graduates it to days: " + shown.intervals());
            assertNotEquals("<10m", good);
            gradeAndExpect(3, counts(n0 - 5, 4, 0));
        });
    }

    @Test
    @Order(6)
    void tenGradesTakeOneRequestEachAndTheNextCardComesWithThem() {
        String name = "one" + UUID.randomUUID().toString().substring(0, 8);
        browser.step("register", () -> register(name));
        browser.step("sign-in", () -> signIn(name));
        browser.step("ten-grades", () -> {
            browser.open(STUDY);
            List<Long> graded = new java.util.ArrayList<>();
            RequestLog.clear();
            for (int i = 0; i < 10; i++) {
                Card shown = reveal();
                browser.pressAndWaitForNewPage("3");
                Card next = card();
                assertEquals("question", next.state(), "after grade " + (i + 1) + " the next card is shown");
                assertNotEquals(shown.question(), next.question());
                assertEquals(STUDY + "?undo=true", ((JavascriptExecutor) browser.driver())
                        .executeScript("return location.pathname + location.search"), "the address is the one a reload shows");
                graded.add(shown.question());
            }
            assertEquals(10, new HashSet<>(graded).size(), "ten different cards: " + graded);
            assertEquals(10, RequestLog.startingWith("POST " + STUDY + "/grade").size());
            assertEquals(List.of(), RequestLog.startingWith("GET " + STUDY).stream().filter(r -> r.equals("GET " + STUDY)).toList(),
                    "no request for the next card after a grade: it came with the grade");
            assertEquals(20, RequestLog.startingWith("POST " + STUDY + "/answer").size()
                    + RequestLog.startingWith("POST " + STUDY + "/grade").size(), "ten reveals and ten grades, nothing else: "
                    + RequestLog.startingWith("GET " + STUDY) + RequestLog.startingWith("POST " + STUDY));
            // undo still works after grades shown in place, and the card comes back
            browser.pressAndWaitForNewPage("u");
            assertEquals(graded.getLast(), card().question());
        });
        signedInAs = name;
    }

    @Test
    @Order(2)
    void quizQuestionsAreCheckedAndADemoRunsInPlace() {
        browser.step("sign-in", this::ensureSignedIn);

        browser.step("multiple-choice", () -> {
            browser.open(STUDY + "?question=" + questionId("thread-shared-vs-private"));
            assertEquals(6, browser.findAll("input[type=checkbox][name=choice]").size());
            for (int i : new int[] {0, 2, 4}) {
                tabTo("input[name=choice][value='" + i + "']");
                browser.press(Keys.SPACE);
            }
            // the options are shuffled: what is ticked is read by the written positions the form sends
            assertEquals(List.of("0", "2", "4"), browser.findAll("input[name=choice]").stream().filter(WebElement::isSelected)
                    .map(e -> e.getAttribute("value")).sorted().toList());
            tabTo("[data-action='reveal']");
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertEquals("answer", card().state());
            assertTrue(find("section.feedback").getText().contains("Correct"), find("section.feedback").getText());
        });

        browser.step("short-answer", () -> {
            browser.open(STUDY + "?question=" + questionId("linux-clone-syscall"));
            tabTo("input#typed");
            browser.type("clone");
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertEquals("answer", card().state());
            assertTrue(find("section.feedback").getText().contains("Correct"), find("section.feedback").getText());
        });

        browser.step("single-choice-and-demo", () -> {
            browser.open(STUDY + "?question=" + questionId("data-race-counter"));
            // the options are shuffled: the key of the position where the right one (second as written) is shown
            List<String> shown = browser.findAll("input[name=choice]").stream().map(e -> e.getAttribute("value")).toList();
            browser.press(String.valueOf(shown.indexOf("1") + 1));
            assertTrue(find("input[name=choice][value='1']").isSelected());
            tabTo("[data-action='reveal']");
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertTrue(find("section.feedback").getText().contains("Correct"), find("section.feedback").getText());

            String answerPage = browser.driver().getCurrentUrl();
            tabTo("ul.demos li[data-demo-id='data-race'] button.demo-run");
            browser.press(Keys.ENTER);
            // the demo runs in a child JVM: allow it time, then the result table is on this same page
            WebElement table = browser.waitFor(Duration.ofSeconds(60), ExpectedConditions.visibilityOfElementLocated(
                    org.openqa.selenium.By.cssSelector("li[data-demo-id='data-race'] .demo-inline table")));
            assertFalse(table.findElements(org.openqa.selenium.By.tagName("tr")).isEmpty());
            assertEquals(answerPage, browser.driver().getCurrentUrl(), "the demo ran without leaving the page");
            assertEquals("answer", card().state());
            assertFalse(find("li[data-demo-id='data-race'] .demo-inline .demo-proof").getText().isBlank());
        });
    }

    @Test
    @Order(3)
    void statsPageShowsTheChartsAndSettingsSave() {
        browser.step("sign-in", this::ensureSignedIn);

        browser.step("stats", () -> {
            browser.open("/stats");
            assertEquals("/stats", browser.path());
            assertFalse(find("#streak").getText().isBlank());
            for (String id : List.of("chart-heatmap", "chart-forecast", "chart-retention", "chart-states")) {
                WebElement svg = find("#" + id + " svg");
                Object title = browser.script("var t = arguments[0].querySelector('title'); return t ? t.textContent : null;", svg);
                assertTrue(title instanceof String s && !s.isBlank(), id + " has a title");
                assertTrue(svg.getSize().getWidth() > 0 && svg.getSize().getHeight() > 0, id + " is drawn");
            }
        });

        browser.step("settings", () -> {
            browser.open("/settings");
            for (String field : List.of("language", "desiredRetention", "newCardsPerDay", "timeZone", "dayRolloverHour")) {
                assertEquals(1, browser.findAll("[name='" + field + "']").size(), field);
            }
            tabTo("#f-newCardsPerDay");
            browser.selectAll();
            browser.type("15");
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertTrue(browser.path().startsWith("/settings"), browser.path());
            assertFalse(browser.findAll(".flash").isEmpty(), "a saved notice");
            assertEquals("15", find("#f-newCardsPerDay").getAttribute("value"));
        });
    }

    @Test
    @Order(4)
    void studyStatsAndSettingsPagesPassTheAccessibilityScan() {
        AxeScan axe = AxeScan.load();
        browser.step("sign-in", this::ensureSignedIn);
        browser.step("axe-study-question", () -> {
            browser.open(STUDY + "?question=" + questionId("thread-shared-vs-private"));
            axe.assertNoSeriousViolations(browser, "study page (question)");
        });
        browser.step("axe-study-answer", () -> {
            browser.press("1"); // a quiz question needs an answer: key 1 ticks the first option shown
            browser.pressAndWaitForNewPage(Keys.ENTER);
            assertEquals("answer", card().state());
            axe.assertNoSeriousViolations(browser, "study page (answer)");
        });
        browser.step("axe-study-flashcard-answer", () -> {
            browser.open(STUDY + "?question=" + questionId("goroutine-definition"));
            browser.pressAndWaitForNewPage(Keys.SPACE);
            axe.assertNoSeriousViolations(browser, "study page (flashcard answer)");
        });
        browser.step("axe-stats", () -> {
            browser.open("/stats");
            axe.assertNoSeriousViolations(browser, "stats page");
        });
        browser.step("axe-settings", () -> {
            browser.open("/settings");
            axe.assertNoSeriousViolations(browser, "settings page");
        });
    }

    @Test
    @Order(5)
    void theWayInPassesTheAccessibilityScanToo() {
        AxeScan axe = AxeScan.load();
        browser.step("sign-in", this::ensureSignedIn);
        browser.step("axe-home", () -> {
            browser.open("/");
            axe.assertNoSeriousViolations(browser, "home page");
        });
        browser.step("axe-deck", () -> {
            browser.open("/decks/" + DECK);
            axe.assertNoSeriousViolations(browser, "deck page");
        });
        browser.step("axe-register-and-login", () -> {
            browser.driver().manage().deleteAllCookies();
            signedInAs = null;
            browser.open("/register");
            axe.assertNoSeriousViolations(browser, "register page");
            browser.open("/login");
            axe.assertNoSeriousViolations(browser, "login page");
        });
    }

    @Test
    @Order(6)
    void theStudyPageWorksUnderTheContentSecurityPolicy() {
        browser.step("sign-in", this::ensureSignedIn);
        browser.step("study-page-scripts-run", () -> {
            browser.open(STUDY);
            assertEquals("question", card().state());
            revealOrGiveUp(); // the keyboard handling of /js/study.js and /js/quiz.js
            assertNotEquals("question", card().state());
            assertEquals(List.of(), browser.contentSecurityPolicyViolations());
        });
        browser.step("an-inline-script-is-blocked-and-seen", () -> {
            browser.script("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                    + " document.head.appendChild(s);");
            assertEquals(Boolean.FALSE, browser.script("return window.inlineRan === true;"), "inline script ran");
            List<String> violations = new java.util.ArrayList<>();
            browser.waitFor(d -> violations.addAll(browser.contentSecurityPolicyViolations()) || !violations.isEmpty());
            assertTrue(violations.get(0).contains("script-src") || violations.get(0).contains("default-src"),
                    violations.toString());
        });
    }

    // ---------------------------------------------------------------------------------------------

    private void register(String name) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/register");
        find("#f-username").sendKeys(name);
        find("#f-password").sendKeys(PASSWORD);
        new Select(find("#f-language")).selectByValue("en");
        find("#f-password_confirm").sendKeys(PASSWORD);
        find("#f-password_confirm").sendKeys(Keys.ENTER);
        // registering signs the new learner in and lands on the home page
        browser.waitFor(d -> browser.path().equals("/"));
    }

    private void signIn(String name) {
        assertTrue(find(".site-nav").getText().contains(name), "signed in as " + name);
        signedInAs = name;
    }

    private void ensureSignedIn() {
        if (signedInAs == null) {
            String name = "kb" + UUID.randomUUID().toString().substring(0, 8);
            register(name);
            signIn(name);
        }
    }

    /** Presses Tab until the element matching the selector has the focus (at most 80 times). */
    private void tabTo(String css) {
        WebElement target = find(css);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        for (int i = 0; i < 80; i++) {
            if (Boolean.TRUE.equals(js.executeScript("return document.activeElement === arguments[0];", target))) {
                return;
            }
            browser.tab();
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private Card reveal() {
        assertEquals("question", card().state());
        revealOrGiveUp();
        Card shown = card();
        assertEquals("answer", shown.state());
        return shown;
    }

    /** Space shows a flashcard's answer; a quiz question needs an answer, so "I don't know" (Enter on it) shows it. */
    private void revealOrGiveUp() {
        if (browser.findAll("[data-quiz-skip]").isEmpty()) {
            browser.pressAndWaitForNewPage(Keys.SPACE);
        } else {
            browser.script("arguments[0].focus();", find("[data-quiz-skip]"));
            browser.pressAndWaitForNewPage(Keys.ENTER);
        }
    }

    private void gradeAndExpect(int rating, List<Integer> counts) {
        assertEquals("answer", card().state());
        browser.pressAndWaitForNewPage(String.valueOf(rating));
        Card next = card();
        assertEquals("question", next.state(), "after grade " + rating + " the next card is shown");
        assertEquals(counts, next.counts(), "counts (new, learning, review) after grade " + rating);
    }

    private WebElement find(String css) {
        return browser.find(css);
    }

    private static List<Integer> counts(int fresh, int learning, int review) {
        return List.of(fresh, learning, review);
    }

    private Card card() {
        WebElement root = find("[data-study]");
        Map<Integer, String> intervals = new LinkedHashMap<>();
        for (WebElement b : browser.findAll("[data-rating]")) {
            intervals.put(Integer.valueOf(b.getAttribute("data-rating")), b.findElement(org.openqa.selenium.By.cssSelector(".interval")).getText());
        }
        return new Card(root.getAttribute("data-state"), Long.parseLong(find("input[name=question]").getAttribute("value")),
                Integer.parseInt(find(".count-new").getText().trim()), Integer.parseInt(find(".count-learning").getText().trim()),
                Integer.parseInt(find(".count-review").getText().trim()), intervals);
    }

    private long questionId(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select q.id from question q join deck d on d.id = q.deck_id where d.external_id = ?1 and q.external_id = ?2")
                .setParameter(1, DECK).setParameter(2, externalId).getSingleResult()).longValue());
    }

    record Card(String state, long question, int newCards, int learning, int review, Map<Integer, String> intervals) {
        List<Integer> counts() {
            return List.of(newCards, learning, review);
        }

        String interval(int rating) {
            return intervals.get(rating);
        }
    }
}
