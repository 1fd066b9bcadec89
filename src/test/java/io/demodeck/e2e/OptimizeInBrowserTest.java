package io.demodeck.e2e;

import io.demodeck.testsupport.Slow;
import io.agroal.api.AgroalDataSource;
import io.demodeck.api.ApiClient;
import io.demodeck.review.fitting.FitLogs;
import io.demodeck.review.optimizer.SimulatedLogs;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learner with 5,000 answers in their log, in headless Chromium at a desktop (1440 px) and a phone (390 px) width:
 * sees a fit suggested, optimizes their parameters with the progress bar, compares the current and the fitted
 * parameters (held-out log loss and RMSE, forgetting curves), applies the fit and restores the previous parameters;
 * axe-core scans the settings page and the fit page at both widths.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class OptimizeInBrowserTest {

    static BrowserSession browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void optimizeCompareApplyAndRestoreAtDesktopAndPhoneWidths() throws Exception {
        AxeScan axe = AxeScan.load();
        browser = BrowserSession.start(base);
        browser.test("optimize");
        ApiClient learner = ApiClient.signUp();
        long userId = FitLogs.userId(dataSource, learner.username());
        FitLogs.insert(dataSource, userId, SimulatedLogs.learnerTruth(), 5000, 31);

        browser.step("sign-in", () -> {
            browser.open("/login");
            browser.find("#f-username").sendKeys(learner.username());
            browser.find("#f-password").sendKeys(ApiClient.PASSWORD, Keys.ENTER);
            browser.waitFor(d -> browser.path().equals("/"));
        });

        for (int width : new int[]{1440, 390}) {
            String at = width + "px";
            browser.driver().manage().window().setSize(new Dimension(width, 900));

            browser.step("settings-" + at, () -> {
                browser.open("/settings");
                assertTrue(browser.find("#parameters-in-use").getText().contains("default"),
                        at + ": " + browser.find("#parameters-in-use").getText());
                if (width == 1440) {
                    assertTrue(browser.find("#fit-suggestion").isDisplayed(), "5,000 answers and no fit: suggested");
                }
                noHorizontalScroll(at);
                axe.assertNoSeriousViolations(browser, "settings page at " + at);
            });

            browser.step("recommended-retention-" + at, () -> {
                browser.find("#retention-compute").click();
                browser.waitFor(Duration.ofSeconds(60), d -> !browser.findAll("#retention-recommended").isEmpty());
                String text = browser.find("#retention-recommended").getText();
                // a percentage, as the retention field takes it
                double value = Double.parseDouble(text.replaceAll("(?s).*retention: (\\d+(?:\\.\\d+)?) %.*", "$1")) / 100;
                assertTrue(value >= 0.70 && value <= 0.95, text);
                WebElement chart = browser.find("#retention-chart svg");
                assertEquals(1, chart.findElements(org.openqa.selenium.By.cssSelector("circle")).size(), "the recommended point");
                noHorizontalScroll(at);
                axe.assertNoSeriousViolations(browser, "settings page with the workload chart at " + at);
            });

            browser.step("optimize-" + at, () -> {
                browser.find("#optimize").click();
                browser.waitFor(d -> browser.path().startsWith("/settings/parameters/"));
                // the progress bar while it runs (the script reloads the page when the fit is done)
                List<WebElement> bars = browser.findAll("#fit-progress");
                if (!bars.isEmpty()) {
                    int value = Integer.parseInt(bars.getFirst().getAttribute("value"));
                    assertTrue(value >= 0 && value <= 100, "progress " + value);
                }
                browser.waitFor(Duration.ofSeconds(150), d -> !browser.findAll("#fit-comparison").isEmpty());
            });

            browser.step("compare-" + at, () -> {
                double current = Double.parseDouble(browser.find("[data-metric='current-log-loss']").getText());
                double fitted = Double.parseDouble(browser.find("[data-metric='fitted-log-loss']").getText());
                assertTrue(fitted < current, "fitted " + fitted + " vs current " + current);
                assertTrue(Double.parseDouble(browser.find("[data-metric='fitted-rmse']").getText()) >= 0);
                WebElement chart = browser.find("#fit-chart svg");
                assertEquals(4, chart.findElements(org.openqa.selenium.By.cssSelector("polyline")).size(),
                        "two curves per vector");
                assertTrue(chart.getSize().getWidth() > 0 && chart.getSize().getWidth() <= width);
                assertTrue(browser.find("#fit-verdict").getText().contains("better"));
                noHorizontalScroll(at);
                axe.assertNoSeriousViolations(browser, "fit page at " + at);
            });

            browser.step("apply-" + at, () -> {
                browser.find("#fit-apply").click();
                browser.waitFor(d -> browser.path().startsWith("/settings?notice=applied"));
                assertTrue(browser.find(".flash[role='status']").getText().contains("in use"));
                assertTrue(browser.find("#parameters-in-use").getText().contains("own"));
                assertFalse(browser.findAll("#fit-suggestion").stream().anyMatch(WebElement::isDisplayed),
                        "no new answers since the fit: nothing suggested");
                assertTrue(browser.find("#parameter-history tbody tr").getText().contains("a fit applied"));
                axe.assertNoSeriousViolations(browser, "settings page with history at " + at);
            });

            browser.step("restore-" + at, () -> {
                int rows = browser.findAll("#parameter-history tbody tr").size();
                browser.find("#restore-parameters").click();
                browser.waitFor(d -> browser.findAll("#parameter-history tbody tr").size() == rows + 1);
                assertTrue(browser.find("#parameters-in-use").getText().contains("default"));
                assertTrue(browser.find("#parameter-history tbody tr").getText().contains("restored"));
            });
        }
    }

    private static void noHorizontalScroll(String at) {
        Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 1, at + ": the page scrolls sideways by " + overflow + " px");
    }
}
