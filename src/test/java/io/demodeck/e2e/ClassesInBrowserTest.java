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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's instructor path for classes in headless Chromium: the instructor creates a class, gets its invite link
 * and assigns a deck; a learner joins by the link and answers a few questions (one wrongly); the dashboard shows the
 * learner and that question as the hardest, with a link to edit it. Axe scans of the class, join and dashboard pages
 * at 1440 and 390 px.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class ClassesInBrowserTest extends BrowserTestBase {

    static final String PASSWORD = ApiClient.PASSWORD;
    static final String GIFT = """
            // [id:e1]
            ::Alpha::Which letter comes first?{=A ~Z-wrong ~Y-wrong}

            // [id:e2]
            ::Beta::Which letter comes second?{=B ~X-wrong}

            // [id:e3]
            ::Gamma::Which letter comes third?{=C ~W-wrong}
            """;

    @Inject
    AccountService accounts;

    @Test
    void anInstructorsClassFromInviteToTheHardestQuestion() {
        AxeScan axe = AxeScan.load();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String instructor = "ci" + suffix;
        String learner = "cl" + suffix;
        String deck = "class-e2e-" + suffix;
        accounts.create(instructor, PASSWORD, Role.INSTRUCTOR, "en");
        accounts.create(learner, PASSWORD, Role.LEARNER, "en");
        given().header("Authorization", "Bearer " + ApiClient.signIn(instructor).accessToken())
                .multiPart("file", "e2e.gift", GIFT.getBytes(StandardCharsets.UTF_8))
                .multiPart("dryRun", "false").multiPart("deck", deck)
                .post("/api/v1/imports").then().statusCode(200);

        String[] classPage = new String[1];
        String[] invite = new String[1];
        browser.step("instructor-creates-a-class", () -> {
            signIn(instructor);
            browser.find("a[href='/classes']").click();
            browser.waitFor(d -> browser.path().equals("/classes"));
            browser.find("#f-name").sendKeys("Letters, group 1");
            browser.find("form[action='/classes'] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=created"));
            classPage[0] = browser.path().substring(0, browser.path().indexOf('?'));
        });
        browser.step("gets-the-link-and-assigns-the-deck", () -> {
            browser.find("#invite-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=invited"));
            invite[0] = browser.find("code.invite-link").getText();
            assertTrue(invite[0].contains("/join/"), invite[0]);
            browser.find("#f-deck").sendKeys(deck);
            browser.find("#f-limit").sendKeys("10");
            browser.find("#assign-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=assigned"));
            assertTrue(browser.find("#class-decks").getText().contains("at most 10 new cards a day"));
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open(classPage[0]);
                axe.assertNoSeriousViolations(browser, "class page at " + size.width + " px");
            }
        });
        browser.step("learner-joins-by-the-link", () -> {
            browser.driver().manage().deleteAllCookies();
            signIn(learner);
            String path = URI.create(invite[0]).getPath();
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open(path);
                axe.assertNoSeriousViolations(browser, "join page at " + size.width + " px");
            }
            assertTrue(browser.find("#join-notice").getText().contains("instructors will see your progress"),
                    browser.find("#join-notice").getText());
            browser.find("#join-button").click();
            browser.waitFor(ExpectedConditions.urlContains("done=joined"));
            assertEquals(classPage[0], browser.path().substring(0, browser.path().indexOf('?')));
        });
        browser.step("learner-studies", () -> {
            browser.find("#class-decks a[href='/study/" + deck + "']").click();
            // three cards: the first answered wrongly and rated Again, the others right and rated Good
            for (int i = 0; i < 3; i++) {
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-action='reveal']")));
                boolean wrong = i == 0;
                WebElement choice = browser.findAll("label.choice").stream()
                        .filter(l -> l.getText().contains("-wrong") == wrong).findFirst().orElseThrow();
                choice.findElement(By.cssSelector("input")).click();
                browser.find("[data-action='reveal']").click();
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.feedback")));
                WebElement grade = browser.find("[data-rating='" + (wrong ? 1 : 3) + "']");
                grade.click();
                browser.waitFor(ExpectedConditions.stalenessOf(grade));
            }
        });
        browser.step("dashboard-shows-the-learner-and-the-hardest-question", () -> {
            browser.driver().manage().deleteAllCookies();
            signIn(instructor);
            browser.open(classPage[0]);
            browser.find("#dashboard-link").click();
            browser.waitFor(d -> browser.path().endsWith("/dashboard"));
            assertTrue(browser.find("#learners").getText().contains(learner), browser.find("#learners").getText());
            WebElement hardest = browser.find("#hardest li a");
            assertEquals("Alpha", hardest.getText());
            assertTrue(hardest.getAttribute("href").endsWith("/decks/" + deck + "/questions/e1/edit"), hardest.getAttribute("href"));
            String questions = browser.find("#questions").getText();
            assertTrue(questions.contains("Z-wrong (1)") || questions.contains("Y-wrong (1)"), questions);
            assertTrue(browser.find("#chart-hardest svg").isDisplayed());
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open(browser.path());
                axe.assertNoSeriousViolations(browser, "dashboard at " + size.width + " px");
            }
        });
    }

    private void signIn(String user) {
        browser.open("/lang/en?back=/login");
        browser.find("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(PASSWORD);
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.waitFor(d -> browser.path().equals("/"));
    }
}
