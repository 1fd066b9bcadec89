package io.demodeck.e2e;

import io.demodeck.importer.ImportService;
import io.demodeck.quiz.QuizOnStudyPageTest;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.Slow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quizzes that test, in headless Chromium at 1440 and 390 px: typed answers with a word diff, typos and units;
 * options shuffled per showing; the keyboard only (focus on the answer, 1-9 pick, an empty answer is not sent,
 * 1-4 grade); feedback marked with symbols and words; a flashcard's answer under one heading. Each page visited
 * passes the axe scan.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class QuizInBrowserTest {

    static final String DECK = "goroutines-threads-processes";
    static final String GIFT = QuizOnStudyPageTest.GIFT_DECK;
    static final String PASSWORD = "quiz-hard-123";
    static final List<Dimension> WIDTHS = List.of(new Dimension(1440, 900), new Dimension(390, 844));

    static BrowserSession browser;
    static AxeScan axe;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

    @Inject
    ImportService imports;

    @BeforeEach
    void browser(TestInfo info) {
        QuizOnStudyPageTest.importGiftDeckOnce(imports);
        if (browser == null) {
            browser = BrowserSession.start(base);
            axe = AxeScan.load();
        }
        browser.test(info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void nothingWasBlockedByTheContentSecurityPolicy() {
        if (browser != null) {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
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
    void typedAnswersGetAWordDiffTyposAndUnitsAndStayOutOfTheAddress() {
        for (Dimension size : WIDTHS) {
            fresh(size);
            browser.step("word-diff-" + size.width, () -> {
                open(DECK, "linux-clone-syscall");
                assertFocused("input#typed");
                browser.type("clome");
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertEquals("answer", state());
                assertEquals("typed: clome", find(".word-diff del").getText().replace("\n", " ").strip());
                assertEquals("expected: clone", find(".word-diff ins").getText().replace("\n", " ").strip());
                assertFalse(browser.driver().getCurrentUrl().contains("clome"), "the typed answer is not in the address");
                checkPage("typed answer, wrong");
            });
            browser.step("typo-" + size.width, () -> {
                open(GIFT, "runtime-name");
                browser.type("virtual thraed");
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertEquals("✓ Accepted, with a typo", find("#feedback-h").getText());
                assertTrue(find("section.feedback").getText().contains("virtual thread"), "compared with the closest answer");
            });
            browser.step("units-" + size.width, () -> {
                open(DECK, "goroutine-stack-size");
                browser.type("2 MB");
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertEquals("question", state(), "not graded");
                assertTrue(find("#quiz-problem").getText().contains("is not a unit this question names"), find("#quiz-problem").getText());
                assertFocused("input#typed");
                assertEquals("2 MB", find("input#typed").getDomProperty("value"));
                checkPage("numerical answer, not a number");
                browser.selectAll();
                browser.type("2 KiB");
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertTrue(find("#feedback-h").getText().contains("Correct"), find("#feedback-h").getText());
            });
        }
    }

    @Test
    void optionsAreShuffledPerShowingStableOnReloadAndGradedByWhatWasPicked() {
        for (Dimension size : WIDTHS) {
            fresh(size);
            browser.step("shuffle-" + size.width, () -> {
                open(GIFT, "stack-owner");
                List<String> shown = values();
                browser.driver().navigate().refresh();
                assertEquals(shown, values(), "a reload shows the same order");
                int position = shown.indexOf("0") + 1; // the right answer, written first
                browser.press(String.valueOf(position));
                assertTrue(find("input[name=choice][value='0']").isSelected());
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertTrue(find("#feedback-h").getText().contains("Correct"), find("#feedback-h").getText());
                List<String> after = browser.findAll("ul.choices li").stream().map(WebElement::getText).toList();
                assertTrue(after.get(position - 1).contains("Go's"), "the check lists the choices as they were shown: " + after);
                checkPage("single choice, checked");
            });
        }
    }

    @Test
    void keyboardOnlyFocusStartsOnTheAnswerNumbersPickAnEmptyAnswerIsNotSentAndDigitsGrade() {
        for (Dimension size : WIDTHS) {
            fresh(size);
            browser.step("multiple-choice-keys-" + size.width, () -> {
                open(DECK, "thread-shared-vs-private");
                List<String> shown = values();
                assertEquals(shown.getFirst(), ((WebElement) browser.script("return document.activeElement;")).getAttribute("value"),
                        "focus starts on the first option");
                assertFocusVisible();
                browser.press(Keys.ENTER);
                assertEquals("question", state(), "Enter on an empty answer does not submit");
                assertTrue(find("[data-quiz-hint]").getText().startsWith("Pick an option first"), find("[data-quiz-hint]").getText());
                checkPage("multiple choice, empty answer");
                browser.script("document.activeElement.blur();");
                browser.press(Keys.SPACE);
                assertEquals("question", state(), "Space on an empty answer does not submit");
                for (String right : List.of("0", "2", "4")) {
                    browser.press(String.valueOf(shown.indexOf(right) + 1));
                }
                assertEquals(List.of("0", "2", "4"), browser.findAll("input[name=choice]").stream().filter(WebElement::isSelected)
                        .map(e -> e.getAttribute("value")).sorted().toList());
                assertEquals("", find("[data-quiz-hint]").getText(), "the hint goes once an option is picked");
                // Tab order is short: from the options to Check
                int tabs = 0;
                while (!isFocused("[data-action='reveal']") && tabs < 10) {
                    browser.tab();
                    tabs++;
                }
                assertTrue(tabs <= shown.size(), "Check is " + tabs + " Tab(s) after the options");
                assertFocusVisible();
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertTrue(find("#feedback-h").getText().contains("Correct"), find("#feedback-h").getText());
                browser.pressAndWaitForNewPage("4"); // after the check, 1-4 grade
                assertEquals("question", state(), "graded: the next card");
            });
            browser.step("typed-empty-" + size.width, () -> {
                open(DECK, "linux-clone-syscall");
                assertFocused("input#typed");
                browser.press(Keys.ENTER);
                assertEquals("question", state());
                assertTrue(find("[data-quiz-hint]").getText().startsWith("Type your answer first"), find("[data-quiz-hint]").getText());
                browser.type("clone");
                browser.pressAndWaitForNewPage(Keys.ENTER);
                assertEquals("answer", state());
                browser.pressAndWaitForNewPage("3");
                assertEquals("question", state());
            });
        }
    }

    @Test
    void feedbackMarksAWrongChoiceWithASymbolAndWordsAndShowsTheSourcesFeedback() {
        for (Dimension size : WIDTHS) {
            fresh(size);
            browser.step("feedback-" + size.width, () -> {
                open(GIFT, "stack-owner");
                browser.press(String.valueOf(values().indexOf("1") + 1));
                browser.pressAndWaitForNewPage(Keys.ENTER);
                WebElement wrong = find("ul.choices li.wrong");
                assertTrue(wrong.getText().contains("✗ your choice, wrong"), wrong.getText());
                assertTrue(wrong.getText().contains("No: a JVM platform thread reserves 1 MiB"), "per-answer feedback: " + wrong.getText());
                assertTrue(find("ul.choices li.right").getText().contains("→ right answer, not chosen"));
                assertTrue(find(".general-feedback").getText().contains("Goroutine stacks start small"));
                assertTrue(isFocused("section.feedback"), "focus moves to the verdict");
                checkPage("choice feedback");
            });
        }
    }

    @Test
    void aFlashcardWithoutATypedAnswerShowsOneAnswerHeadingAndNoEmptyBox() {
        for (Dimension size : WIDTHS) {
            fresh(size);
            browser.step("flashcard-" + size.width, () -> {
                open(DECK, "goroutine-definition");
                browser.pressAndWaitForNewPage(Keys.SPACE);
                assertEquals("answer", state());
                assertEquals(1, browser.findAll("h2").stream().filter(h -> h.getText().equals("Answer")).count());
                assertTrue(browser.findAll("section.feedback").isEmpty(), "no empty answer box");
                checkPage("flashcard answer");
            });
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** A new learner (so every card is new) at this window size. */
    private void fresh(Dimension size) {
        browser.driver().manage().window().setSize(size);
        browser.step("register-" + size.width, () -> {
            String name = "qb" + UUID.randomUUID().toString().substring(0, 8);
            browser.driver().manage().deleteAllCookies();
            browser.open("/register");
            find("#f-username").sendKeys(name);
            find("#f-password").sendKeys(PASSWORD);
            new Select(find("#f-language")).selectByValue("en");
            find("#f-password_confirm").sendKeys(PASSWORD);
            find("#f-password_confirm").sendKeys(Keys.ENTER);
            // registering signs the new learner in: the home page comes next
            browser.waitFor(d -> browser.path().equals("/"));
        });
    }

    private void open(String deck, String question) {
        browser.open("/study/" + deck + "?question=" + questionId(deck, question));
        assertEquals("question", state());
    }

    /** The axe scan, and at 390 px nothing wider than the screen. */
    private void checkPage(String page) {
        axe.assertNoSeriousViolations(browser, page);
        Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, page + " scrolls sideways by " + overflow + " px");
    }

    private List<String> values() {
        return browser.findAll("input[name=choice]").stream().map(e -> e.getAttribute("value")).toList();
    }

    private String state() {
        return find("[data-study]").getAttribute("data-state");
    }

    private boolean isFocused(String css) {
        return Boolean.TRUE.equals(browser.script("return document.activeElement === arguments[0];", find(css)));
    }

    private void assertFocused(String css) {
        assertTrue(isFocused(css), css + " has the focus, not " + browser.script("return document.activeElement.outerHTML;"));
    }

    private void assertFocusVisible() {
        Object outline = browser.script("var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
        assertFalse(String.valueOf(outline).startsWith("none") || String.valueOf(outline).endsWith(" 0px"),
                "the focused element shows an outline: " + outline);
    }

    private WebElement find(String css) {
        return browser.find(css);
    }

    private long questionId(String deck, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select q.id from question q join deck d on d.id = q.deck_id where d.external_id = ?1 and (q.external_id = ?2 or q.title = ?2) order by q.id limit 1")
                .setParameter(1, deck).setParameter(2, externalId).getSingleResult()).longValue());
    }
}
