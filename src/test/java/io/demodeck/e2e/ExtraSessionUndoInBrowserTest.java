package io.demodeck.e2e;

import io.demodeck.bank.DeckWriter;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.Slow;
import io.demodeck.testsupport.StudyFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 in headless Chromium at 1440 and 390 px, keyboard only, with the axe scan on every page: in a review-ahead
 * session (English, 1440 px) and a custom session by tag (Russian, 390 px) the undo key ({@code u}) steps back through
 * every answer of the session, the session's end included; each card comes back as it was.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class ExtraSessionUndoInBrowserTest extends BrowserTestBase {

    static final String PASSWORD = "study-hard-123";

    @Inject
    DeckWriter writer;

    @AfterEach
    void nothingWasBlockedByTheContentSecurityPolicy() {
        if (browser != null) {
            assertEquals(List.of(), browser.contentSecurityPolicyViolations());
        }
    }

    @Test
    void theUndoKeyStepsBackThroughEveryAnswerOfAReviewAheadOrCustomSession() {
        AxeScan axe = AxeScan.load();
        for (Dimension size : WIDTHS) {
            int width = size.getWidth();
            boolean russian = width < 1000;
            browser.driver().manage().window().setSize(size);
            String name = "xu" + width + UUID.randomUUID().toString().substring(0, 6);
            browser.step("register-" + width, () -> register(name, russian ? "ru" : "en"));
            long user = StudyFixtures.userId(name);
            String deck = StudyFixtures.flashcardDeck(writer, name, 3);
            browser.step("study-" + width, () -> {
                browser.open("/study/" + deck);
                for (int i = 0; i < 3; i++) {
                    browser.pressAndWaitForNewPage(Keys.SPACE);
                    browser.pressAndWaitForNewPage("4");
                }
                assertEquals("done", state());
            });
            // the three cards were reviewed 3 days ago, are due in 2 days and carry the tag jvm
            StudyFixtures.execute("update card set state = 2, stability = 5, last_review = now() - interval '3 days', "
                    + "due = now() + interval '2 days' where user_id = ?1", user);
            StudyFixtures.execute("update question set tags = '{jvm}' where deck_id = (select id from deck "
                    + "where external_id = ?1)", deck);
            long before = cardsFingerprint(user);
            String session = russian ? "custom session by tag" : "review ahead";
            List<String> answered = new ArrayList<>();
            browser.step("session-" + width, () -> {
                browser.open("/study/" + deck + (russian ? "/custom?tag=jvm" : "/ahead?days=3"));
                assertTrue(browser.find("#extra-session").isDisplayed());
                assertEquals(0, browser.findAll("[data-action='undo']").size(), "nothing to undo yet");
                for (int i = 0; i < 3; i++) {
                    assertEquals("question", state());
                    answered.add(question());
                    browser.pressAndWaitForNewPage(Keys.SPACE);
                    browser.pressAndWaitForNewPage(i == 1 ? "1" : "3");
                    if (i == 0) {
                        assertTrue(browser.find("[data-action='undo']").isDisplayed(), "undo after the first answer");
                        axe.assertNoSeriousViolations(browser, session + " with undo at " + width + " px");
                    }
                }
                assertTrue(browser.find("#extra-over").isDisplayed());
                assertTrue(browser.find("[data-action='undo']").isDisplayed(), "the session's end offers undo");
                if (russian) {
                    assertEquals("Отменить последнюю оценку", browser.find("[data-action='undo']").getText());
                }
                axe.assertNoSeriousViolations(browser, "end of the " + session + " with undo at " + width + " px");
            });
            browser.step("undo-" + width, () -> {
                for (int i = 2; i >= 0; i--) {
                    browser.pressAndWaitForNewPage("u");
                    assertEquals("question", state(), "the undone card is shown again");
                    assertEquals(answered.get(i), question(), "back through the session's answers, last first");
                    assertTrue(browser.find("#extra-session").getText().endsWith(": " + (3 - i)),
                            "the cards left count again: " + browser.find("#extra-session").getText());
                    assertEquals(i > 0 ? 1 : 0, browser.findAll("[data-action='undo']").size(),
                            "undo is offered while the session has answers to take back");
                }
                axe.assertNoSeriousViolations(browser, session + " after undoing every answer at " + width + " px");
            });
            assertEquals(before, cardsFingerprint(user), "every card is back exactly as it was before the session");
            assertEquals(0, StudyFixtures.number("select count(*) from review_log where user_id = ?1 "
                    + "and early and undone_at is null", user));
            assertEquals(3, StudyFixtures.number("select count(*) from review_log where user_id = ?1 "
                    + "and origin = 'web' and undone_at is null", user), "the answers before the session stay");
        }
    }

    private static long cardsFingerprint(long user) {
        return StudyFixtures.number("select hashtext(string_agg(row(id, state, step, stability, difficulty, due, "
                + "last_review, reps, lapses)::text, ';' order by id)) from card where user_id = ?1", user);
    }

    private static String state() {
        return browser.find("[data-study]").getAttribute("data-state");
    }

    private static String question() {
        return browser.find("form[data-quiz-form] input[name='question']").getAttribute("value");
    }

    private static void register(String name, String language) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/register");
        browser.find("#f-username").sendKeys(name);
        browser.find("#f-password").sendKeys(PASSWORD);
        new Select(browser.find("#f-language")).selectByValue(language);
        browser.find("#f-password_confirm").sendKeys(PASSWORD);
        browser.find("#f-password_confirm").sendKeys(Keys.ENTER);
        browser.waitFor(d -> browser.path().equals("/"));
        assertTrue(browser.find("body").getText().contains(name), "signed in as " + name);
    }
}
