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
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's deck lifecycle in headless Chromium: an instructor creates a deck from the home page (the id suggested
 * from the title), renames it, adds a co-editor, archives and restores it, and exports it from the deck page with the
 * browser session. Axe scans of the new-deck and manage pages at 1440 and 390 px.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class DeckLifecycleInBrowserTest extends BrowserTestBase {

    @Inject
    AccountService accounts;

    @Test
    void anInstructorCreatesRenamesSharesArchivesRestoresAndExportsADeck() {
        AxeScan axe = AxeScan.load();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String instructor = "dli" + suffix;
        String coEditor = "dlc" + suffix;
        accounts.create(instructor, ApiClient.PASSWORD, Role.INSTRUCTOR, "en");
        accounts.create(coEditor, ApiClient.PASSWORD, Role.INSTRUCTOR, "en");
        String title = "Browser deck " + suffix;
        String id = "browser-deck-" + suffix;
        String renamed = id + "-v2";

        browser.step("instructor-creates-a-deck", () -> {
            signIn(instructor);
            browser.find("#new-deck-link").click();
            browser.waitFor(d -> browser.path().equals("/decks/new"));
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open("/decks/new");
                axe.assertNoSeriousViolations(browser, "new deck page at " + size.width + " px");
            }
            assertTrue(browser.find("#f-id-hint").getText().contains("lower-case Latin letters"), browser.find("#f-id-hint").getText());
            browser.find("#f-titleEn").sendKeys(title);
            browser.find("#f-titleRu").sendKeys("Колода из браузера");
            browser.find("#new-deck-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=created"));
            assertEquals("/decks/" + id + "/manage", browser.path().substring(0, browser.path().indexOf('?')));
            assertTrue(browser.find("#deck-done").getText().contains("Deck created"));
        });
        browser.step("renames-it", () -> {
            browser.find("#f-newId").clear();
            browser.find("#f-newId").sendKeys(renamed);
            browser.find("#rename-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=renamed"));
            assertEquals(renamed, browser.find("#deck-id").getText());
        });
        browser.step("adds-a-co-editor", () -> {
            browser.find("#f-username").sendKeys(coEditor);
            browser.find("#editor-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=editor_added"));
            assertTrue(browser.find("#deck-editors").getText().contains(coEditor));
        });
        browser.step("archives-and-restores", () -> {
            browser.find("#archive-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=archived"));
            assertTrue(browser.find("#deck-state").getText().contains("archived"), browser.find("#deck-state").getText());
            browser.find("#restore-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.urlContains("done=restored"));
            assertEquals("active", browser.find("#deck-state").getText());
            String log = browser.find("#deck-changes").getText();
            for (String action : List.of("created", "renamed", "co-editor added", "archived", "restored")) {
                assertTrue(log.contains(action), action + " in " + log);
            }
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open("/decks/" + renamed + "/manage");
                axe.assertNoSeriousViolations(browser, "manage page at " + size.width + " px");
            }
        });
        browser.step("exports-from-the-deck-page", () -> {
            browser.open("/decks/" + renamed);
            browser.find("#deck-export-link").click();
            browser.waitFor(ExpectedConditions.urlContains("/decks/" + renamed + "/manage#h-export"));
            String href = browser.find("#export-moodle-xml").getAttribute("href");
            assertTrue(href.endsWith("/decks/" + renamed + "/export?format=moodle-xml"), href);
            // the download the link starts, fetched with the page's own session cookie
            @SuppressWarnings("unchecked")
            Map<String, Object> download = (Map<String, Object>) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'}).then(async r => done({status: r.status,
                        disposition: r.headers.get('Content-Disposition'), body: await r.text()}))
                        .catch(e => done({status: -1, disposition: String(e), body: ''}));""", href);
            assertEquals(200L, ((Number) download.get("status")).longValue(), String.valueOf(download));
            assertEquals("attachment; filename=\"" + renamed + ".xml\"", download.get("disposition"));
            assertTrue(String.valueOf(download.get("body")).contains("<quiz"), String.valueOf(download.get("body")));
        });
    }

    private void signIn(String user) {
        browser.open("/lang/en?back=/login");
        browser.find("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(ApiClient.PASSWORD);
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.waitFor(d -> browser.path().equals("/"));
    }
}
