package io.demodeck.e2e;

import io.demodeck.bank.DeckWriter;
import io.demodeck.bank.BankMarkdownParser;
import io.demodeck.bank.ParseResult;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.Slow;
import io.demodeck.testsupport.StudyFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
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
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In headless Chromium at 1440 and 390 px, with the axe scan on every page: registering signs the learner in; at
 * 390 px the reveal button and the four grade buttons are on screen without scrolling however long the card is; review
 * ahead from the done page, keyboard only.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class StudyExtrasInBrowserTest {

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
    void theRevealAndGradeButtonsStayOnScreenAndReviewAheadWorksFromTheKeyboard() {
        AxeScan axe = AxeScan.load();
        for (int width : new int[] {390, 1440}) {
            browser.driver().manage().window().setSize(new Dimension(width, 700));
            String name = "ex" + width + UUID.randomUUID().toString().substring(0, 6);
            browser.step("register-" + width, () -> register(name));
            axe.assertNoSeriousViolations(browser, "home page after registering at " + width + " px");
            long user = StudyFixtures.userId(name);
            String deck = longDeck(name, 2);
            browser.step("study-" + width, () -> {
                browser.open("/study/" + deck);
                axe.assertNoSeriousViolations(browser, "a long card at " + width + " px");
                if (width == 390) {
                    assertOnScreen("[data-action=\"reveal\"]");
                }
                browser.pressAndWaitForNewPage(Keys.SPACE);
                axe.assertNoSeriousViolations(browser, "its answer at " + width + " px");
                if (width == 390) {
                    for (int r = 1; r <= 4; r++) {
                        assertOnScreen("[data-rating=\"" + r + "\"]");
                    }
                }
                browser.pressAndWaitForNewPage("4");
                browser.pressAndWaitForNewPage(Keys.SPACE);
                browser.pressAndWaitForNewPage("4");
                assertEquals("done", state());
            });
            // both cards reviewed 3 days ago and due in 2 days: review ahead is offered
            StudyFixtures.execute("update card set state = 2, stability = 5, last_review = now() - interval '3 days', "
                    + "due = now() + interval '2 days' where user_id = ?1", user);
            browser.step("review-ahead-" + width, () -> {
                browser.open("/study/" + deck);
                axe.assertNoSeriousViolations(browser, "done page with review ahead at " + width + " px");
                tabTo("#ahead-days");
                browser.press(Keys.ARROW_DOWN);
                browser.press(Keys.ARROW_DOWN);
                assertEquals("3", new Select(browser.find("#ahead-days")).getFirstSelectedOption().getAttribute("value"));
                tabTo("#review-ahead");
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertTrue(browser.find("#extra-session").getText().contains("3 days"), browser.find("#extra-session").getText());
                axe.assertNoSeriousViolations(browser, "review ahead at " + width + " px");
                for (int i = 0; i < 2; i++) {
                    assertEquals("question", state());
                    browser.pressAndWaitForNewPage(Keys.SPACE);
                    browser.pressAndWaitForNewPage("3");
                }
                assertTrue(browser.find("#extra-over").isDisplayed());
                axe.assertNoSeriousViolations(browser, "end of review ahead at " + width + " px");
            });
            assertEquals(2, StudyFixtures.number("select count(*) from review_log where user_id = ?1 and early "
                    + "and elapsed_days = 3", user), "two answers given ahead, scheduled from 3 real days");
        }
    }

    @Test
    void registrationShowsEveryErrorAtOnceAndAnAnswerGivenAfterTheSessionExpiredIsKept() {
        AxeScan axe = AxeScan.load();
        for (int width : new int[] {1440, 390}) {
            browser.driver().manage().window().setSize(new Dimension(width, 800));
            browser.step("registration-errors-" + width, () -> {
                browser.driver().manage().deleteAllCookies();
                browser.open("/register");
                browser.find("#f-username").sendKeys("a b");
                browser.find("#f-password").sendKeys("short");
                browser.find("#f-password_confirm").sendKeys("shorter", Keys.ENTER);
                browser.waitFor(d -> browser.findAll(".error").size() >= 3);
                String text = browser.find("main").getText();
                assertTrue(text.contains("3 to 64 characters") && text.contains("at least 10 characters")
                        && text.contains("the two passwords differ"), "every field's error at once: " + text);
                axe.assertNoSeriousViolations(browser, "registration errors at " + width + " px");
            });
            String name = "kx" + width + UUID.randomUUID().toString().substring(0, 6);
            browser.step("register-" + width, () -> register(name));
            long user = StudyFixtures.userId(name);
            String deck = StudyFixtures.flashcardDeck(writer, name, 2);
            browser.step("answer-after-expiry-" + width, () -> {
                browser.open("/study/" + deck);
                browser.pressAndWaitForNewPage(Keys.SPACE);
                StudyFixtures.execute("update user_session set expires_at = now() - interval '1 minute' where user_id = ?1",
                        user);
                browser.press("4");
                browser.waitFor(d -> browser.path().equals("/login?expired=true"));
                assertTrue(browser.find("#session-expired").getText().contains("session expired"));
                axe.assertNoSeriousViolations(browser, "sign-in page after the session expired at " + width + " px");
                browser.find("#f-username").sendKeys(name);
                browser.find("#f-password").sendKeys(PASSWORD, Keys.ENTER);
                browser.waitFor(d -> browser.path().equals("/study/" + deck + "?kept=applied"));
                assertTrue(browser.find("#study-notice").getText().contains("is saved"), browser.find("main").getText());
                axe.assertNoSeriousViolations(browser, "back on the study page at " + width + " px");
            });
            assertEquals(1, StudyFixtures.number("select count(*) from review_log where user_id = ?1 and rating = 4", user),
                    "the answer given after the session expired is applied once");
        }
    }

    @Test
    void aCustomSessionOfTodaysFailedCardsStartsFromTheDonePageWithTheKeyboard() {
        AxeScan axe = AxeScan.load();
        for (int width : new int[] {1440, 390}) {
            browser.driver().manage().window().setSize(new Dimension(width, 800));
            String name = "cf" + width + UUID.randomUUID().toString().substring(0, 6);
            browser.step("register-" + width, () -> register(name));
            long user = StudyFixtures.userId(name);
            String deck = StudyFixtures.flashcardDeck(writer, name, 2);
            browser.step("fail-one-" + width, () -> {
                browser.open("/study/" + deck);
                browser.pressAndWaitForNewPage(Keys.SPACE);
                browser.pressAndWaitForNewPage("1");
                // the failed card comes back tomorrow, so the session ends now
                StudyFixtures.execute("update card set due = now() + interval '1 day' where user_id = ?1", user);
                browser.pressAndWaitForNewPage(Keys.SPACE);
                browser.pressAndWaitForNewPage("4");
            });
            browser.step("custom-failed-" + width, () -> {
                browser.open("/study/" + deck);
                assertEquals("done", state());
                axe.assertNoSeriousViolations(browser, "done page with a custom session at " + width + " px");
                tabTo("#custom-failed");
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertTrue(browser.find("#extra-session").getText().contains("failed today"));
                axe.assertNoSeriousViolations(browser, "custom session at " + width + " px");
                browser.pressAndWaitForNewPage(Keys.SPACE);
                browser.pressAndWaitForNewPage("3");
                assertTrue(browser.find("#extra-over").isDisplayed());
            });
            assertEquals(1, StudyFixtures.number("select count(*) from review_log where user_id = ?1 and origin = 'custom'",
                    user), "the failed card once, answered in the custom session");
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** A deck whose answers are far taller than a phone's screen. */
    private String longDeck(String owner, int questions) {
        String id = "long-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder md = new StringBuilder("# A long deck " + id + "\n\n");
        for (int i = 1; i <= questions; i++) {
            md.append("## Long question number ").append(i).append(", ")
                    .append("with a long story before it asks anything, ".repeat(25)).append("so what happens?\n\n");
            for (int p = 0; p < 12; p++) {
                md.append("Paragraph ").append(p).append(" of a long answer that needs room on a narrow screen, ")
                        .append("so that without a sticky bar the buttons would be below the fold.\n\n");
            }
        }
        ParseResult parsed = new BankMarkdownParser().parse(id + ".md", md.toString());
        assertEquals(List.of(), parsed.problems());
        writer.write(parsed.deck(), "import", StudyFixtures.userId(owner));
        return id;
    }

    private static void assertOnScreen(String css) {
        WebElement el = browser.find(css);
        // wherever the page is scrolled to (focus moves to the answer), the button is inside the window
        Object where = browser.script("var r = arguments[0].getBoundingClientRect();"
                + "return (r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0"
                + " && document.documentElement.scrollHeight > window.innerHeight * 1.3) + ' top=' + r.top + ' bottom='"
                + " + r.bottom + ' window=' + window.innerHeight + ' page=' + document.documentElement.scrollHeight;", el);
        assertTrue(String.valueOf(where).startsWith("true"), css + " is on screen on a page far taller than it: " + where);
    }

    private static String state() {
        return browser.find("[data-study]").getAttribute("data-state");
    }

    private static void register(String name) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/register");
        browser.find("#f-username").sendKeys(name);
        browser.find("#f-password").sendKeys(PASSWORD);
        new Select(browser.find("#f-language")).selectByValue("en");
        browser.find("#f-password_confirm").sendKeys(PASSWORD);
        browser.find("#f-password_confirm").sendKeys(Keys.ENTER);
        // registering signs the new learner in and lands on the home page
        browser.waitFor(d -> browser.path().equals("/"));
        assertTrue(browser.find("body").getText().contains(name), "signed in as " + name);
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
