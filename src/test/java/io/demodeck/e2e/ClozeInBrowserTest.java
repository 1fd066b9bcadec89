package io.demodeck.e2e;

import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportRequest;
import io.demodeck.importer.ImportService;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.Slow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cloze question on the study page, in headless Chromium at 1440 and 390 px: the gaps are filled inline (typed
 * gaps, radios, checkboxes), the check marks each gap right or wrong with the expected answer, and some gaps right
 * suggests Hard. Each page passes the axe scan and nothing scrolls sideways.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class ClozeInBrowserTest {

    static final String DECK = "cloze-in-browser";
    static final String PASSWORD = "cloze-gaps-123";

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
        boolean present = QuarkusTransaction.requiringNew().call(() -> io.demodeck.deck.Deck.findByExternalId(DECK).isPresent());
        if (!present) {
            try (InputStream in = getClass().getResourceAsStream("/importer/moodle/cloze.xml")) {
                imports.apply(new ImportRequest(in.readAllBytes(), "cloze.xml", "moodle-xml",
                        new ImportOptions(DECK, "en", null, null), null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // an import starts private to its uploader; the learners of this test study it
            QuarkusTransaction.requiringNew().run(() ->
                    io.demodeck.deck.Deck.update("visibility = 'public' where externalId = ?1", DECK));
        }
        if (browser == null) {
            browser = BrowserSession.start(base);
            axe = AxeScan.load();
        }
        browser.test(info.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theGapsAreFilledInlineAndCheckedOneByOne() {
        for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(390, 844))) {
            browser.driver().manage().window().setSize(size);
            register(size);
            browser.step("fill-" + size.width, () -> {
                browser.open("/study/" + DECK + "?question=" + questionId("capitals"));
                assertEquals("question", browser.find("[data-study]").getAttribute("data-state"));
                // gap 1 typed (case matters), gap 2 one choice of three, gap 3 typed, gap 4 two of three boxes
                browser.find("#gap-1").sendKeys("Paris");
                browser.find("#gap-2").findElements(By.cssSelector("label")).stream()
                        .filter(l -> l.getText().strip().equals("Milan")).findFirst().orElseThrow()
                        .findElement(By.tagName("input")).click();
                browser.find("#gap-3").sendKeys("AT&T");
                for (var label : browser.find("#gap-4").findElements(By.cssSelector("label"))) {
                    if (List.of("Oslo", "Bergen").contains(label.getText().strip())) {
                        label.findElement(By.tagName("input")).click();
                    }
                }
                check(size, "cloze question");
                browser.find("button[data-action=reveal]").click();
                browser.waitFor(d -> "answer".equals(browser.find("[data-study]").getAttribute("data-state")));
            });
            browser.step("checked-" + size.width, () -> {
                assertEquals("cloze-gap-result right", browser.find("#gap-1").getAttribute("class"));
                assertEquals("cloze-gap-result wrong", browser.find("#gap-2").getAttribute("class"));
                assertTrue(browser.find("#gap-2").getText().contains("Rome"), "the wrong gap names the right answer");
                assertEquals("cloze-gap-result right", browser.find("#gap-3").getAttribute("class"));
                assertEquals("cloze-gap-result right", browser.find("#gap-4").getAttribute("class"));
                assertEquals(4, browser.findAll(".cloze-feedback li").size(), "one line per gap");
                // three of four gaps right: Hard is the suggested rating (all right = Good, none = Again)
                assertEquals("2", browser.find("button.grade.suggested").getAttribute("data-rating"));
                check(size, "cloze question checked");
            });
        }
    }

    private void register(Dimension size) {
        browser.step("register-" + size.width, () -> {
            String name = "cz" + UUID.randomUUID().toString().substring(0, 8);
            browser.driver().manage().deleteAllCookies();
            browser.open("/register");
            browser.find("#f-username").sendKeys(name);
            browser.find("#f-password").sendKeys(PASSWORD);
            new Select(browser.find("#f-language")).selectByValue("en");
            browser.find("#f-password_confirm").sendKeys(PASSWORD);
            browser.find("#f-password_confirm").sendKeys(Keys.ENTER);
            // registering signs the new learner in: the home page comes next
            browser.waitFor(d -> browser.path().equals("/"));
        });
    }

    private void check(Dimension size, String page) {
        axe.assertNoSeriousViolations(browser, page + " at " + size.width + " px");
        Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, page + " scrolls sideways by " + overflow + " px");
    }

    private long questionId(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select q.id from question q join deck d on d.id = q.deck_id where d.external_id = ?1 and q.external_id = ?2")
                .setParameter(1, DECK).setParameter(2, externalId).getSingleResult()).longValue());
    }
}
