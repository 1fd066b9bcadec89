package io.demodeck.e2e;

import io.demodeck.bank.DeckWriter;
import io.demodeck.study.StudyClock;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.Slow;
import io.demodeck.testsupport.StudyFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.demodeck.testsupport.StudyFixtures.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study loop in headless Chromium, keyboard only: a fresh deck studied to its end never stops for a learning
 * card (the clock of the study pages is moved by the test), and the done page counts down and shows the next
 * learning card by itself, at 1440 and 390 px, with the axe scan on every page visited.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class StudyLoopInBrowserTest {

    static final String PASSWORD = "study-hard-123";
    static BrowserSession browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DeckWriter writer;

    @BeforeEach
    void browser(TestInfo info) {
        if (browser == null) {
            browser = BrowserSession.start(base);
        }
        browser.test(info.getTestMethod().orElseThrow().getName());
    }

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

    @Test
    void aFreshDeckOf24IsStudiedWithTheKeyboardWithoutEverWaitingForALearningCard() {
        AxeScan axe = AxeScan.load();
        StudyFixtures.MovableClock clock = new StudyFixtures.MovableClock();
        QuarkusMock.installMockForType(clock, StudyClock.class);
        width(1440);
        String name = "loop" + UUID.randomUUID().toString().substring(0, 8);
        browser.step("register-and-sign-in", () -> registerAndSignIn(name));
        long user = StudyFixtures.userId(name);
        String deck = StudyFixtures.flashcardDeck(writer, name, 24);
        String study = "/study/" + deck;
        int[] answers = {0};
        browser.step("study-to-the-end", () -> {
            browser.open(study);
            axe.assertNoSeriousViolations(browser, "study page (question)");
            while (!"done".equals(state())) {
                browser.pressAndWaitForNewPage(Keys.SPACE);
                assertEquals("answer", state());
                if (answers[0] == 0) {
                    axe.assertNoSeriousViolations(browser, "study page (answer)");
                }
                browser.pressAndWaitForNewPage(String.valueOf(rating(answers[0]++)));
                clock.advance(Duration.ofSeconds(12));
                assertTrue(answers[0] < 300, "the session ends");
            }
            assertEquals(0, number("select count(*) from card c join deck d on d.id = c.deck_id where c.user_id = ?1 "
                            + "and d.external_id = ?2 and c.state in (1, 3) and c.due <= ?3", user, deck,
                            Timestamp.from(clock.now().plus(Duration.ofMinutes(20)))),
                    "the done page after " + answers[0] + " answers while a learning card is due within 20 minutes");
            assertEquals(20, number("select count(*) from card c join deck d on d.id = c.deck_id where c.user_id = ?1 "
                    + "and d.external_id = ?2 and c.state = 2", user, deck), "the day's 20 new cards were all learnt");
            axe.assertNoSeriousViolations(browser, "done page");
        });
        System.out.println("[browser] a fresh deck of 24, 20 new a day: " + answers[0] + " answers, keyboard only, "
                + "the done page once, at the end");
    }

    @Test
    void theDonePageCountsDownAndShowsTheNextLearningCardByItself() {
        AxeScan axe = AxeScan.load();
        for (int width : new int[] {390, 1440}) {
            width(width);
            String name = "cd" + width + UUID.randomUUID().toString().substring(0, 6);
            browser.step("register-and-sign-in-" + width, () -> registerAndSignIn(name));
            browser.step("learn-ahead-off-" + width, () -> {
                browser.open("/settings");
                axe.assertNoSeriousViolations(browser, "settings page at " + width + " px");
                tabTo("#f-learnAheadMinutes");
                browser.selectAll();
                browser.type("0");
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertEquals("0", browser.find("#f-learnAheadMinutes").getAttribute("value"));
            });
            // a first learning step of 3 seconds, so that the countdown is short
            StudyFixtures.execute("update user_settings set learning_steps_seconds = '{3,600}' where user_id = ?1",
                    StudyFixtures.userId(name));
            String deck = StudyFixtures.flashcardDeck(writer, name, 1);
            browser.step("countdown-" + width, () -> {
                browser.open("/study/" + deck);
                browser.pressAndWaitForNewPage(Keys.SPACE);
                browser.pressAndWaitForNewPage("1"); // Again: back in 3 seconds
                assertEquals("done", state());
                WebElement countdown = browser.find("#next-card .countdown");
                assertTrue(countdown.getText().matches("0:0[0-3]"), "counts down: " + countdown.getText());
                axe.assertNoSeriousViolations(browser, "done page with a countdown at " + width + " px");
                browser.script("window.stillTheSamePage = true;");
                browser.waitFor(Duration.ofSeconds(15), d -> "question".equals(state()));
                assertEquals(Boolean.TRUE, browser.script("return window.stillTheSamePage === true;"),
                        "the card came without a reload");
                axe.assertNoSeriousViolations(browser, "the learning card shown in place at " + width + " px");
            });
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Mostly Good, some Again and Hard, an Easy now and then (as the service-level replay). */
    static int rating(int answer) {
        if (answer % 7 == 3) {
            return 1;
        }
        if (answer % 5 == 4) {
            return 2;
        }
        return answer % 11 == 10 ? 4 : 3;
    }

    private static void width(int px) {
        browser.driver().manage().window().setSize(new Dimension(px, 900));
    }

    private static String state() {
        return browser.find("[data-study]").getAttribute("data-state");
    }

    private static void registerAndSignIn(String name) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/register");
        browser.find("#f-username").sendKeys(name);
        browser.find("#f-password").sendKeys(PASSWORD);
        new Select(browser.find("#f-language")).selectByValue("en");
        browser.find("#f-password_confirm").sendKeys(PASSWORD);
        browser.find("#f-password_confirm").sendKeys(Keys.ENTER);
        // registering signs the new learner in: the home page comes next
        browser.waitFor(d -> browser.path().equals("/"));
    }

    private static void tabTo(String css) {
        WebElement target = browser.find(css);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        for (int i = 0; i < 80; i++) {
            if (Boolean.TRUE.equals(js.executeScript("return document.activeElement === arguments[0];", target))) {
                return;
            }
            browser.tab();
        }
        throw new AssertionError("Tab never reached " + css);
    }
}
