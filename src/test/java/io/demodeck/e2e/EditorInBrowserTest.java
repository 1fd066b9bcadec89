package io.demodeck.e2e;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.Slow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's question editor in headless Chromium: an instructor writes three questions of different types, meets
 * a field error, sees the live preview, edits a question, and a learner's study page shows the edited text. Axe
 * scans of the editor's pages at 1440 and 390 px.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class EditorInBrowserTest extends BrowserTestBase {

    static final String PASSWORD = ApiClient.PASSWORD;

    @Inject
    AccountService accounts;

    @Test
    void anInstructorWritesThreeQuestionsAndTheLearnerStudiesTheEditedOne() {
        AxeScan axe = AxeScan.load();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String instructor = "ei" + suffix;
        String learner = "el" + suffix;
        String deck = "editor-e2e-" + suffix;
        accounts.create(instructor, PASSWORD, Role.INSTRUCTOR, "en");
        accounts.create(learner, PASSWORD, Role.LEARNER, "en");
        given().header("Authorization", "Bearer " + ApiClient.signIn(instructor).accessToken())
                .multiPart("file", "e2e.gift", "// [id:old]\n::Old::An imported question?{}\n".getBytes(StandardCharsets.UTF_8))
                .multiPart("dryRun", "false").multiPart("deck", deck)
                .post("/api/v1/imports").then().statusCode(200);
        String list = "/decks/" + deck + "/editor";
        String[] flashcard = new String[1];

        browser.step("opens-the-editor-and-retires-the-imported-question", () -> {
            signIn(instructor);
            browser.open("/decks/" + deck);
            browser.find("#editor-link").click();
            browser.waitFor(d -> browser.path().equals(list));
            browser.find(".editor-list form[action$='/retire'] button").click();
            browser.waitFor(ExpectedConditions.urlContains("done=retired"));
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open(list);
                axe.assertNoSeriousViolations(browser, "editor list at " + size.width + " px");
            }
        });
        browser.step("writes-a-flashcard-meets-a-field-error-and-previews", () -> {
            newQuestion("flashcard");
            browser.find("#f-texts-en-prompt").sendKeys("What does a **goroutine** cost?");
            browser.find("#save-button").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                    org.openqa.selenium.By.id("f-texts-en-answer-error")));
            assertTrue(browser.find("#f-texts-en-answer-error").getText().contains("Required"));
            assertTrue(browser.find("#f-texts-en-answer").getAttribute("aria-describedby").contains("f-texts-en-answer-error"));
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                axe.assertNoSeriousViolations(browser, "editor form with an error at " + size.width + " px");
            }
            browser.find("#f-texts-en-answer").sendKeys("About 2 KiB of stack.");
            // the live preview renders the Markdown as learners see it
            browser.waitFor(d -> browser.find("#preview").getAttribute("innerHTML").contains("About 2 KiB of stack."));
            assertTrue(browser.find("#preview").getAttribute("innerHTML").contains("<strong>goroutine</strong>"));
            browser.find("#save-button").click();
            browser.waitFor(ExpectedConditions.urlContains("done=created"));
            flashcard[0] = browser.path().substring(0, browser.path().indexOf('?'));
        });
        browser.step("writes-a-true-false-and-a-short-answer-question", () -> {
            newQuestion("true_false");
            browser.find("#f-texts-en-prompt").sendKeys("A goroutine is an OS thread.");
            browser.find("#f-correct-false").click();
            browser.find("#save-button").click();
            browser.waitFor(ExpectedConditions.urlContains("done=created"));
            newQuestion("short_answer");
            browser.find("#f-texts-en-prompt").sendKeys("Which keyword starts a goroutine?");
            browser.find("#f-texts-en-options-0-text").sendKeys("go");
            browser.find("#save-button").click();
            browser.waitFor(ExpectedConditions.urlContains("done=created"));
            browser.open(list);
            String text = browser.find(".editor-list").getText();
            assertTrue(text.contains("cost?") && text.contains("OS thread") && text.contains("keyword"), text);
        });
        browser.step("edits-the-flashcard", () -> {
            browser.open(flashcard[0]);
            browser.find("#f-texts-en-prompt").clear();
            browser.find("#f-texts-en-prompt").sendKeys("What does a goroutine cost at start?");
            browser.find("#save-button").click();
            browser.waitFor(ExpectedConditions.urlContains("done=saved"));
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                axe.assertNoSeriousViolations(browser, "editor form at " + size.width + " px");
            }
        });
        browser.step("the-learner-studies-the-edited-text", () -> {
            QuarkusTransaction.requiringNew().run(() ->
                    io.demodeck.deck.Deck.update("visibility = 'public' where externalId = ?1", deck));
            browser.driver().manage().deleteAllCookies();
            signIn(learner);
            browser.open("/study/" + deck);
            String page = browser.driver().getPageSource();
            assertTrue(page.contains("What does a goroutine cost at start?"), page);
        });
    }

    private void newQuestion(String type) {
        browser.open("/decks/" + browser.path().split("/")[2] + "/editor");
        new Select(browser.find("#f-new-type")).selectByValue(type);
        browser.find("#new-question button[type=submit]").click();
        browser.waitFor(ExpectedConditions.urlContains("type=" + type));
    }

    private void signIn(String user) {
        browser.open("/lang/en?back=/login");
        browser.find("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(PASSWORD);
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.waitFor(d -> browser.path().equals("/"));
    }
}
