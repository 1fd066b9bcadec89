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
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's instructor path in headless Chromium, through the pages only: a new user registers, an admin makes them
 * an instructor, the instructor creates a class and a deck, writes three questions of different types in the editor
 * (single choice, true/false, cloze), assigns the deck to the class; a learner registers, joins by the invite link and
 * studies (the choice answered wrongly); the dashboard shows the learner, their wrong choice and the hardest question.
 * The one step without a page is the admin account itself: admins come from the configuration (AdminBootstrap).
 * Every page visited is scanned with axe at 1440 px; the editor and the dashboard also at 390 px, without sideways
 * scrolling.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class InstructorPathInBrowserTest extends BrowserTestBase {

    static final String PASSWORD = ApiClient.PASSWORD;
    static final Dimension DESKTOP = WIDTHS.get(0);
    static final Dimension PHONE = WIDTHS.get(1);
    static final String CHOICE_PROMPT = "Which is cheapest to create?";
    static final String CLOZE_PROMPT = "Go starts a goroutine with {1:SHORTANSWER:=go}.";

    @Inject
    AccountService accounts;

    AxeScan axe;

    @Test
    void fromTheRoleToTheDashboard() {
        axe = AxeScan.load();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String admin = "pa" + suffix;
        String instructor = "pi" + suffix;
        String learner = "pl" + suffix;
        String deck = "path-" + suffix;
        accounts.create(admin, PASSWORD, Role.ADMIN, "en"); // no page makes admins: the configuration does
        browser.driver().manage().window().setSize(DESKTOP);

        browser.step("the-instructor-registers-as-a-learner", () -> {
            register(instructor);
            assertTrue(browser.findAll("#new-deck-link").isEmpty(), "a learner creates no decks");
        });
        browser.step("the-admin-grants-the-instructor-role", () -> {
            signIn(admin);
            browser.find("a[href='/admin/users']").click();
            browser.waitFor(d -> browser.path().equals("/admin/users"));
            scan("accounts page");
            browser.find("#f-q").sendKeys(instructor);
            browser.find("form.search button").click();
            browser.waitFor(ExpectedConditions.urlContains("q=" + instructor));
            WebElement row = browser.find("tr[data-user='" + instructor + "']");
            new Select(row.findElement(By.cssSelector("select"))).selectByValue("instructor");
            row.findElement(By.cssSelector("form.role-form button")).click();
            browser.waitFor(ExpectedConditions.urlContains("done=role"));
            assertTrue(browser.find("table.changes").getText().contains("learner → instructor"),
                    browser.find("table.changes").getText());
        });

        String[] classPage = new String[1];
        browser.step("the-instructor-creates-a-class", () -> {
            signIn(instructor);
            browser.find("a[href='/classes']").click();
            browser.waitFor(d -> browser.path().equals("/classes"));
            scan("classes page");
            browser.find("#f-name").sendKeys("Goroutines, evening group");
            browser.find("form[action='/classes'] button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=created"));
            classPage[0] = browser.path().substring(0, browser.path().indexOf('?'));
            scan("new class page");
        });
        browser.step("and-a-deck", () -> {
            browser.open("/");
            browser.find("#new-deck-link").click();
            browser.waitFor(d -> browser.path().equals("/decks/new"));
            scan("new deck page");
            browser.find("#f-id").sendKeys(deck);
            browser.find("#f-titleEn").sendKeys("Goroutines " + suffix);
            browser.find("#new-deck-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=created"));
            assertEquals("/decks/" + deck + "/manage", browser.path().substring(0, browser.path().indexOf('?')));
            scan("deck manage page");
            // the new deck's page leads on to the question editor
            browser.find("#manage-editor-link").click();
            browser.waitFor(d -> browser.path().equals("/decks/" + deck + "/editor"));
            scan("empty editor list");
        });
        browser.step("writes-a-single-choice-question", () -> {
            newQuestion(deck, "single_choice");
            scan("single-choice form");
            browser.find("#f-texts-en-prompt").sendKeys(CHOICE_PROMPT);
            option(0, "A goroutine", "100");
            option(1, "An OS thread", "0");
            option(2, "A process", "0");
            save();
        });
        browser.step("writes-a-true-false-question", () -> {
            newQuestion(deck, "true_false");
            browser.find("#f-texts-en-prompt").sendKeys("A goroutine is an OS thread.");
            browser.find("#f-correct-false").click();
            save();
        });
        browser.step("writes-a-cloze-question-meets-a-gap-error-and-previews", () -> {
            newQuestion(deck, "cloze");
            scan("cloze form");
            assertTrue(browser.find("#f-texts-en-prompt-hint").getText().contains("{1:SHORTANSWER:=Paris}"),
                    browser.find("#f-texts-en-prompt-hint").getText());
            browser.find("#f-texts-en-prompt").sendKeys("Go starts a goroutine with {1:MULTICHOICE:=go}.");
            browser.find("#save-button").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("f-texts-en-prompt-error")));
            assertTrue(browser.find("#f-texts-en-prompt-error").getText().contains("gap 1 (MULTICHOICE) needs at least 2 choices"),
                    browser.find("#f-texts-en-prompt-error").getText());
            scan("cloze form with a gap error");
            browser.find("#f-texts-en-prompt").clear();
            browser.find("#f-texts-en-prompt").sendKeys(CLOZE_PROMPT);
            // the live preview shows the blank learners fill and the gap's right answer
            browser.waitFor(d -> browser.findAll("#preview-gaps li").size() == 1);
            assertEquals("[1] go", browser.find("#preview-gaps li").getText());
            assertFalse(browser.find("#preview .prompt").getText().contains("SHORTANSWER"));
            save();
        });
        browser.step("the-editor-at-phone-width", () -> {
            browser.open("/decks/" + deck + "/editor");
            String list = browser.find(".editor-list").getText();
            assertTrue(list.contains(CHOICE_PROMPT) && list.contains("OS thread") && list.contains("Cloze"), list);
            browser.driver().manage().window().setSize(PHONE);
            scan("editor list");
            browser.find(".editor-list li:last-child a").click();
            browser.waitFor(d -> browser.path().endsWith("/edit"));
            scan("cloze question's form");
            browser.driver().manage().window().setSize(DESKTOP);
        });
        browser.step("the-deck-log-names-the-three-questions", () -> {
            browser.open("/decks/" + deck + "/manage");
            String log = browser.find("#deck-changes").getText();
            assertEquals(3, log.split("question added:", -1).length - 1, log);
        });
        String[] invite = new String[1];
        browser.step("assigns-the-deck-and-gets-the-invite-link", () -> {
            browser.open(classPage[0]);
            browser.find("#invite-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=invited"));
            invite[0] = browser.find("code.invite-link").getText();
            browser.find("#f-deck").sendKeys(deck);
            browser.find("#assign-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=assigned"));
            assertTrue(browser.find("#class-decks").getText().contains("Goroutines " + suffix),
                    browser.find("#class-decks").getText());
            scan("class page with the deck");
        });
        browser.step("a-learner-registers-and-joins", () -> {
            register(learner);
            browser.open(URI.create(invite[0]).getPath());
            scan("join page");
            browser.find("#join-button").click();
            browser.waitFor(ExpectedConditions.urlContains("done=joined"));
            browser.find("#class-decks a[href='/study/" + deck + "']").click();
            browser.waitFor(d -> browser.path().startsWith("/study/" + deck));
            scan("study page");
        });
        browser.step("studies-the-three-questions", () -> {
            // the choice wrongly the first time (Again); it may come back at once as a learning card
            java.util.Set<String> answered = new java.util.HashSet<>();
            for (int i = 0; i < 6 && answered.size() < 3; i++) {
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-action='reveal']")));
                String type = !browser.findAll("input[name=truth]").isEmpty() ? "true_false"
                        : !browser.findAll(".cloze-input").isEmpty() ? "cloze" : "single_choice";
                int rating = answer(type, !answered.add(type));
                browser.find("[data-action='reveal']").click();
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.feedback")));
                WebElement grade = browser.find("[data-rating='" + rating + "']");
                grade.click();
                browser.waitFor(ExpectedConditions.stalenessOf(grade));
            }
            assertEquals(3, answered.size(), "studied: " + answered);
        });
        browser.step("the-dashboard-shows-the-answers-and-the-hardest-question", () -> {
            signIn(instructor);
            browser.open(classPage[0]);
            browser.find("#dashboard-link").click();
            browser.waitFor(d -> browser.path().endsWith("/dashboard"));
            String learners = browser.find("#learners").getText();
            assertTrue(learners.contains(learner), learners);
            assertEquals(CHOICE_PROMPT, browser.find("#hardest li a").getText());
            String questions = browser.find("#questions").getText();
            assertTrue(questions.contains("An OS thread (1)"), "the learner's wrong choice: " + questions);
            // the cloze question is named by its text with a blank, not by its answer
            assertTrue(questions.contains("Go starts a goroutine with …") && !questions.contains("SHORTANSWER"), questions);
            scan("dashboard");
            browser.driver().manage().window().setSize(PHONE);
            browser.open(browser.path());
            scan("dashboard");
            browser.driver().manage().window().setSize(DESKTOP);
        });
    }

    /** Answers the card shown: the choice wrongly the first time (rated Again), all else rightly (Good). */
    private int answer(String type, boolean seenBefore) {
        switch (type) {
            case "true_false" -> browser.find("input[name=truth][value=false]").click();
            case "cloze" -> browser.find(".cloze-input").sendKeys("go");
            default -> {
                WebElement choice = browser.findAll("label.choice").stream()
                        .filter(l -> l.getText().contains(seenBefore ? "A goroutine" : "An OS thread")).findFirst().orElseThrow();
                choice.findElement(By.cssSelector("input")).click();
                return seenBefore ? 3 : 1;
            }
        }
        return 3;
    }

    private void newQuestion(String deck, String type) {
        browser.open("/decks/" + deck + "/editor");
        new Select(browser.find("#f-new-type")).selectByValue(type);
        browser.find("#new-question button[type=submit]").click();
        browser.waitFor(ExpectedConditions.urlContains("type=" + type));
    }

    private void option(int row, String text, String percent) {
        browser.find("#f-texts-en-options-" + row + "-text").sendKeys(text);
        browser.find("#f-texts-en-options-" + row + "-fraction").sendKeys(percent);
    }

    private void save() {
        browser.find("#save-button").click();
        browser.waitFor(ExpectedConditions.urlContains("done=created"));
    }

    /** Axe at the window's width, and no sideways scrolling. */
    private void scan(String page) {
        int width = browser.driver().manage().window().getSize().width;
        axe.assertNoSeriousViolations(browser, page + " at " + width + " px");
        Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, page + " at " + width + " px scrolls sideways by " + overflow + " px");
    }

    private void register(String user) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/lang/en?back=/register");
        scan("registration page");
        browser.find("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(PASSWORD);
        browser.find("#f-password_confirm").sendKeys(PASSWORD);
        new Select(browser.find("#f-language")).selectByValue("en");
        browser.find("form[action='/register'] button[type=submit]").click();
        browser.waitFor(d -> browser.path().equals("/"));
    }

    private void signIn(String user) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/lang/en?back=/login");
        browser.find("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(PASSWORD);
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.waitFor(d -> browser.path().equals("/"));
    }
}
