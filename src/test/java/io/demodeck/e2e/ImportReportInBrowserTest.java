package io.demodeck.e2e;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.PageLanguage;
import io.demodeck.testsupport.Slow;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 in headless Chromium: an instructor who reads Russian uploads a broken GIFT file and sees its preview with
 * every problem in Russian on its line, at 1440 and 390 px, with an axe scan; the page has no English word outside
 * what it quotes from the file.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class ImportReportInBrowserTest extends BrowserTestBase {

    /** What a page quotes: from the file («…», '…', <…>). */
    private static final Pattern QUOTED = Pattern.compile("«[^»]*»|'[^']*'|<[^>]*>");

    @Inject
    AccountService accounts;

    static List<String> englishWords(String html, String... ownWords) {
        Document doc = Jsoup.parse(html);
        doc.select(PageLanguage.content("ru")).remove();
        String text = doc.body().text();
        for (String own : ownWords) {
            text = text.replace(own, " ");
        }
        return PageLanguage.foreignWords("ru", QUOTED.matcher(text).replaceAll(" "));
    }

    @Test
    void theDetectorFindsEnglishOutsideQuotes() {
        assertEquals(List.of("never", "closed"), englishWords("<p>блок never closed «is quoted» '{=a' <code>gift</code></p>"));
    }

    @Test
    void aBrokenGiftFilePreviewsWithRussianProblemsOnTheirLines() throws IOException {
        AxeScan axe = AxeScan.load();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String instructor = "irb" + suffix;
        String deck = "ru-preview-" + suffix;
        accounts.create(instructor, ApiClient.PASSWORD, Role.INSTRUCTOR, "ru");
        Path file = Files.createTempDirectory("import-e2e").resolve("broken.gift");
        Files.write(file, io.demodeck.importer.Fixtures.bytes("gift/broken.gift"));

        browser.step("uploads-a-broken-gift-file-in-russian", () -> {
            browser.open("/lang/ru?back=/login");
            browser.find("#f-username").sendKeys(instructor);
            browser.find("#f-password").sendKeys(ApiClient.PASSWORD);
            browser.find("form[action='/login'] button[type=submit]").click();
            browser.waitFor(d -> browser.path().equals("/"));
            browser.open("/import");
            browser.find("#import-form input[type=file]").sendKeys(file.toAbsolutePath().toString());
            WebElement deckField = browser.find("#import-deck");
            deckField.clear();
            deckField.sendKeys(deck);
            browser.find("#import-form button[type=submit]").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-problems")));
        });
        browser.step("reads-every-problem-in-russian-at-both-widths", () -> {
            List<WebElement> rows = browser.findAll(".import-problems tbody tr");
            assertEquals(7, rows.size(), () -> rows.stream().map(WebElement::getText).toList().toString());
            String first = rows.get(0).getText();
            assertTrue(first.startsWith("строка 3") && first.contains("блок ответов «{» не закрыт")
                    && first.endsWith("вопрос пропущен"), first);
            assertTrue(rows.get(6).getText().contains("неизвестная экранировка «\\q»"), rows.get(6).getText());
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                axe.assertNoSeriousViolations(browser, "import preview at " + size.width + " px");
                assertEquals(List.of(), englishWords(browser.driver().getPageSource(), instructor, deck, "broken.gift"),
                        "English words on the Russian import preview at " + size.width + " px");
                // every problem stays readable on a phone: the table does not push the page wider than the screen
                long overflow = ((Number) browser.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
                assertTrue(overflow <= 0, "the page is " + overflow + " px wider than the window at " + size.width + " px");
            }
        });
    }
}
