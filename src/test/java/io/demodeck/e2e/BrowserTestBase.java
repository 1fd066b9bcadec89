package io.demodeck.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.Dimension;

import java.net.URL;
import java.util.List;

/**
 * What the browser tests share: one Chromium per test class, started at its first test, told each test's name (its
 * screenshots are named after it) and closed after the class; and the two widths every page is checked at.
 */
abstract class BrowserTestBase {

    /** A desktop and a phone (issue 15: 1440 and 390 px wide). */
    static final List<Dimension> WIDTHS = List.of(new Dimension(1440, 900), new Dimension(390, 844));

    static BrowserSession browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void browser(TestInfo info) {
        if (browser == null) {
            browser = BrowserSession.start(base);
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
}
