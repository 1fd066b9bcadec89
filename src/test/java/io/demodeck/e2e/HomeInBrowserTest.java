package io.demodeck.e2e;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.Slow;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The home page in headless Chromium (issues 14 and 15): a learner who joined a class finds the class's deck first,
 * with the class's name and today's counts, which follow a card studied; they search by a question's tag, and a search
 * that finds nothing says so. Axe scans of every home page visited, at 1440 and 390 px.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class HomeInBrowserTest extends BrowserTestBase {

    static final String GIFT = """
            // [id:h1]
            ::Ports::Which port does HTTPS use?{=443 ~80-wrong}

            // [id:h2]
            ::Loopback::Which address is loopback?{=127.0.0.1 ~8.8.8.8-wrong}

            // [id:h3]
            ::DNS::Which port does DNS use?{=53 ~25-wrong}
            """;

    @Inject
    AccountService accounts;

    @Test
    void aClassMemberSeesTheClassDeckFirstWithCountsAndSearchesByTag() {
        AxeScan axe = AxeScan.load();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String instructor = "hi" + suffix;
        String learner = "hl" + suffix;
        String deck = "home-e2e-" + suffix;
        String tag = "networking-" + suffix;
        String className = "Network group " + suffix;
        accounts.create(instructor, ApiClient.PASSWORD, Role.INSTRUCTOR, "en");
        accounts.create(learner, ApiClient.PASSWORD, Role.LEARNER, "en");
        ApiClient teacher = ApiClient.signIn(instructor);
        given().header("Authorization", "Bearer " + teacher.accessToken())
                .multiPart("file", "home.gift", GIFT.getBytes(StandardCharsets.UTF_8))
                .multiPart("dryRun", "false").multiPart("deck", deck)
                .post("/api/v1/imports").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "update question set tags = array[cast(:tag as text)] where deck_id = (select id from deck where external_id = :d)")
                .setParameter("tag", tag).setParameter("d", deck).executeUpdate());
        long cls = teacher.request().body(Map.of("name", className)).post("/api/v1/classes").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        teacher.request().body(Map.of("newCardsPerDay", 2)).put("/api/v1/classes/" + cls + "/decks/" + deck)
                .then().statusCode(200);
        String code = teacher.request().body("{}").post("/api/v1/classes/" + cls + "/invites").then().statusCode(201)
                .extract().jsonPath().getString("code");

        browser.step("learner-joins-the-class", () -> {
            signIn(learner);
            browser.open("/join/" + code);
            browser.find("#join-button").click();
            browser.waitFor(ExpectedConditions.urlContains("done=joined"));
        });
        browser.step("the-class-deck-comes-first-with-counts", () -> {
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open("/");
                WebElement first = browser.find(".home-section");
                assertEquals("section-classes", first.getAttribute("id"), "the class's decks come first");
                assertEquals("My classes' decks", first.findElement(By.cssSelector("h2")).getText());
                WebElement item = first.findElement(By.cssSelector("li"));
                assertEquals(deck, item.getAttribute("data-deck"));
                assertTrue(item.getText().contains("Class: " + className), item.getText());
                assertEquals(List.of("2", "0", "0"), counts(item), "the class allows 2 new cards a day");
                assertTrue(item.findElement(By.cssSelector("[data-count='new']")).isDisplayed(), "counts visible at " + size.width);
                assertEquals(1, browser.findAll("li[data-deck='" + deck + "']").size(), "the deck is listed once");
                axe.assertNoSeriousViolations(browser, "home page at " + size.width + " px");
            }
        });
        browser.step("a-card-studied-moves-the-counts", () -> {
            browser.find("li[data-deck='" + deck + "'] a.button").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-action='reveal']")));
            WebElement choice = browser.findAll("label.choice").stream()
                    .filter(l -> !l.getText().contains("-wrong")).findFirst().orElseThrow();
            choice.findElement(By.cssSelector("input")).click();
            browser.find("[data-action='reveal']").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.feedback")));
            WebElement good = browser.find("[data-rating='3']");
            good.click();
            browser.waitFor(ExpectedConditions.stalenessOf(good));
            browser.open("/");
            assertEquals(List.of("1", "1", "0"), counts(browser.find("li[data-deck='" + deck + "']")),
                    "one new card became a learning card");
        });
        browser.step("search-by-tag", () -> {
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open("/");
                assertFalse(browser.findAll("li[data-deck='goroutines-threads-processes']").isEmpty());
                WebElement box = browser.find("#home-q");
                assertEquals("Search decks", browser.find("label[for='home-q']").getText());
                box.sendKeys(tag.toUpperCase());
                box.sendKeys(Keys.ENTER);
                browser.waitFor(ExpectedConditions.urlContains("q="));
                List<WebElement> found = browser.findAll("li[data-deck]");
                assertEquals(1, found.size(), "only the tagged deck");
                assertEquals(deck, found.getFirst().getAttribute("data-deck"));
                assertEquals(List.of("1", "1", "0"), counts(found.getFirst()), "found decks keep their counts");
                assertTrue(browser.find(".search-results").getText().contains(tag.toUpperCase()));
                axe.assertNoSeriousViolations(browser, "search results at " + size.width + " px");

                WebElement again = browser.find("#home-q");
                again.clear();
                again.sendKeys("no-such-topic-" + suffix, Keys.ENTER);
                browser.waitFor(ExpectedConditions.urlContains("no-such-topic"));
                assertTrue(browser.findAll("li[data-deck]").isEmpty());
                assertTrue(browser.find(".search-results").getText().contains("No deck matches"),
                        browser.find(".search-results").getText());
                axe.assertNoSeriousViolations(browser, "no match at " + size.width + " px");
            }
        });
    }

    private static List<String> counts(WebElement item) {
        return List.of("new", "learning", "due").stream()
                .map(kind -> item.findElement(By.cssSelector("[data-count='" + kind + "']")).getText()).toList();
    }

    private void signIn(String user) {
        browser.open("/lang/en?back=/login");
        browser.find("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(ApiClient.PASSWORD);
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.waitFor(d -> browser.path().equals("/"));
    }
}
