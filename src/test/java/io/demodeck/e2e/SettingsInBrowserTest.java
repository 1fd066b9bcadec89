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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings page in headless Chromium (issue 15) at 1440 and 390 px, in English and Russian: the time zone is
 * proposed from the browser's zone until the learner saves one, retention is a percentage with the expected workload
 * beside it, learning and relearning steps and the review limit are saved, every field has a one-line explanation,
 * and a refused value is named next to its field. Axe scans of every state.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class SettingsInBrowserTest extends BrowserTestBase {

    /** The fields of the settings form, each with its explanation under it. */
    private static final List<String> FIELDS = List.of("language", "desiredRetention", "newCardsPerDay",
            "maxReviewsPerDay", "learningSteps", "relearningSteps", "timeZone", "dayRolloverHour", "learnAheadMinutes");

    @Inject
    AccountService accounts;

    @Test
    void theBrowsersZoneIsProposedAndTheNewSettingsAreSavedInEnglishAndRussian() {
        AxeScan axe = AxeScan.load();
        String learner = "sb" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        accounts.create(learner, ApiClient.PASSWORD, Role.LEARNER, "en");
        zone("Asia/Tokyo");
        browser.step("sign-in", () -> {
            browser.open("/lang/en?back=/login");
            browser.find("#f-username").sendKeys(learner);
            browser.find("#f-password").sendKeys(ApiClient.PASSWORD);
            browser.find("form[action='/login'] button[type=submit]").click();
            browser.waitFor(d -> browser.path().equals("/"));
        });

        browser.step("the-browsers-zone-is-proposed", () -> {
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open("/settings");
                assertEquals("Asia/Tokyo", find("#f-timeZone").getAttribute("value"), "preset by the browser");
                assertTrue(find("#f-timeZone-preset").isDisplayed(), "the page says where the zone came from");
                assertTrue(find("#f-timeZone").getAttribute("aria-describedby").contains("f-timeZone-preset"));
                assertEquals("90", find("#f-desiredRetention").getAttribute("value"));
                assertTrue(find("#retention-workload").getText().matches("At 90 %: about [0-9.]+ reviews a day.*"),
                        find("#retention-workload").getText());
                assertEquals("1m 10m", find("#f-learningSteps").getAttribute("value"));
                assertEquals("10m", find("#f-relearningSteps").getAttribute("value"));
                assertEquals("200", find("#f-maxReviewsPerDay").getAttribute("value"));
                everyFieldIsExplained(size);
                noHorizontalScroll(size);
                axe.assertNoSeriousViolations(browser, "settings with the zone proposed at " + size.width + " px");
            }
        });

        browser.step("new-settings-are-saved", () -> {
            browser.driver().manage().window().setSize(WIDTHS.getFirst());
            browser.open("/settings");
            replace("#f-desiredRetention", "87,5 %");
            replace("#f-learningSteps", "2m 15m 1h");
            replace("#f-relearningSteps", "5m");
            replace("#f-maxReviewsPerDay", "120");
            find("#f-maxReviewsPerDay").sendKeys(Keys.ENTER); // the keyboard sends the form
            browser.waitFor(d -> browser.path().startsWith("/settings?saved=true"));
            assertFalse(browser.findAll(".flash[role='status']").isEmpty(), "a saved notice");
            assertEquals("87.5", find("#f-desiredRetention").getAttribute("value"));
            assertTrue(find("#retention-workload").getText().startsWith("At 87.5 %: about "),
                    find("#retention-workload").getText());
            assertEquals("2m 15m 1h", find("#f-learningSteps").getAttribute("value"));
            assertEquals("5m", find("#f-relearningSteps").getAttribute("value"));
            assertEquals("120", find("#f-maxReviewsPerDay").getAttribute("value"));
            assertEquals("Asia/Tokyo", find("#f-timeZone").getAttribute("value"), "the proposed zone was saved");
        });

        browser.step("a-chosen-zone-is-kept", () -> {
            zone("America/New_York");
            browser.open("/settings");
            assertEquals("Asia/Tokyo", find("#f-timeZone").getAttribute("value"), "no longer proposed once chosen");
            assertTrue(browser.findAll("#f-timeZone-preset").isEmpty());
            replace("#f-timeZone", "europe/berlin");
            find("form[action='/settings'] button[type=submit]").click(); // Enter could pick a suggestion instead
            browser.waitFor(d -> browser.path().startsWith("/settings?saved=true"));
            assertEquals("Europe/Berlin", find("#f-timeZone").getAttribute("value"), "typed in any letter case");
        });

        browser.step("refused-values-are-named-at-their-fields", () -> {
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open("/settings");
                replace("#f-desiredRetention", "65");
                replace("#f-learningSteps", "1m 1d");
                replace("#f-timeZone", "Mars/Olympus");
                find("#f-learningSteps").sendKeys(Keys.ENTER);
                browser.waitFor(d -> !browser.findAll("#f-learningSteps-error").isEmpty());
                assertNamedAtItsField("desiredRetention", "must be between 70% and 99%, got 65%");
                assertNamedAtItsField("learningSteps", "step 2 (1d) must be at least 1s and shorter than a day");
                assertEquals("1m 1d", find("#f-learningSteps").getAttribute("value"), "what was typed stays");
                noHorizontalScroll(size);
                axe.assertNoSeriousViolations(browser, "settings refused at " + size.width + " px");
                // the zone is checked once the other fields could be read
                replace("#f-desiredRetention", "90");
                replace("#f-learningSteps", "1m");
                find("#f-learningSteps").sendKeys(Keys.ENTER);
                browser.waitFor(d -> !browser.findAll("#f-timeZone-error").isEmpty());
                assertNamedAtItsField("timeZone", "must be an IANA time zone such as Europe/Moscow, got Mars/Olympus");
            }
        });

        browser.step("in-russian", () -> {
            browser.open("/lang/ru?back=/settings");
            browser.waitFor(d -> browser.path().startsWith("/settings"));
            for (Dimension size : WIDTHS) {
                browser.driver().manage().window().setSize(size);
                browser.open("/settings");
                assertEquals("Максимум повторений в день", find("label[for='f-maxReviewsPerDay']").getText());
                assertEquals("Шаги изучения", find("label[for='f-learningSteps']").getText());
                assertEquals("87,5", find("#f-desiredRetention").getAttribute("value"));
                assertTrue(find("#retention-workload").getText().startsWith("При 87,5 %: около "),
                        find("#retention-workload").getText());
                everyFieldIsExplained(size);
                noHorizontalScroll(size);
                axe.assertNoSeriousViolations(browser, "settings in Russian at " + size.width + " px");

                replace("#f-relearningSteps", "10 минут");
                replace("#f-maxReviewsPerDay", "много");
                find("#f-relearningSteps").sendKeys(Keys.ENTER);
                browser.waitFor(d -> !browser.findAll("#f-relearningSteps-error").isEmpty());
                assertNamedAtItsField("relearningSteps", "«10 минут» — не шаг: пишите шаги так: 1m 10m, с единицами s, m, h или d");
                assertNamedAtItsField("maxReviewsPerDay", "должно быть целым числом");
                axe.assertNoSeriousViolations(browser, "settings refused in Russian at " + size.width + " px");
            }
        });
    }

    /** Chromium's time zone, as the page's script reads it (Intl.DateTimeFormat). */
    private static void zone(String id) {
        ((ChromiumDriver) browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", id));
    }

    private static WebElement find(String css) {
        return browser.find(css);
    }

    private static void replace(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** The error sits in the field's own box, under its input, and the input points to it and is marked invalid. */
    private static void assertNamedAtItsField(String name, String message) {
        WebElement input = find("#f-" + name);
        WebElement error = find("#f-" + name + "-error");
        assertEquals(message, error.getText());
        assertEquals("true", input.getAttribute("aria-invalid"), name);
        assertTrue(input.getAttribute("aria-describedby").contains("f-" + name + "-error"), name);
        WebElement box = input.findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]"));
        assertEquals(box, error.findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]")), name);
        assertTrue(error.getLocation().getY() > input.getLocation().getY(), name + ": the error is under its field");
    }

    private static void everyFieldIsExplained(Dimension size) {
        for (String name : FIELDS) {
            WebElement input = find("[name='" + name + "']");
            WebElement hint = find("#f-" + name + "-hint");
            assertTrue(hint.isDisplayed() && !hint.getText().isBlank(), name + " is explained at " + size.width + " px");
            assertTrue(input.getAttribute("aria-describedby").contains("f-" + name + "-hint"), name);
        }
    }

    private static void noHorizontalScroll(Dimension size) {
        Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 1, size.width + " px: the page scrolls sideways by " + overflow + " px");
    }
}
