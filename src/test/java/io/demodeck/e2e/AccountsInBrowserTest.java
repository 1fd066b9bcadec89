package io.demodeck.e2e;

import io.demodeck.testsupport.Slow;
import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts in real headless Chromium, at a desktop width (1440 px) and a phone width (390 px): an admin makes a
 * learner an instructor on the accounts page, and a user sees their sessions and signs another one out; with an
 * axe-core scan of both pages at both widths.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class AccountsInBrowserTest extends BrowserTestBase {

    static final String PASSWORD = "accounts-in-browser-1";

    @Inject
    AccountService accounts;

    static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAdminMakesALearnerAnInstructor() {
        AxeScan axe = AxeScan.load();
        String admin = name("ad");
        String learner = name("le");
        accounts.create(admin, PASSWORD, Role.ADMIN, "en");
        accounts.create(learner, PASSWORD, Role.LEARNER, "en");

        browser.step("admin-signs-in", () -> signIn(admin));
        for (Dimension size : WIDTHS) {
            browser.step("accounts-page-" + size.width, () -> {
                browser.driver().manage().window().setSize(size);
                browser.open("/");
                assertTrue(browser.find("a[href='/admin/users']").isDisplayed(), "admins find the accounts page in the menu");
                browser.open("/admin/users");
                axe.assertNoSeriousViolations(browser, "accounts page at " + size.width + " px");
                assertNoSidewaysScrolling(size);
            });
        }
        browser.step("search-and-grant", () -> {
            browser.find("#f-q").sendKeys(learner);
            browser.find("form.search button").click();
            browser.waitFor(ExpectedConditions.urlContains("q=" + learner));
            WebElement row = browser.find("tr[data-user='" + learner + "']");
            assertEquals("learner", new Select(row.findElement(org.openqa.selenium.By.cssSelector("select"))).getFirstSelectedOption()
                    .getAttribute("value"));
            new Select(row.findElement(org.openqa.selenium.By.cssSelector("select"))).selectByValue("instructor");
            row.findElement(org.openqa.selenium.By.cssSelector("form.role-form button")).click();
            browser.waitFor(ExpectedConditions.urlContains("done=role"));
            assertTrue(browser.find("p.flash").getText().contains("Role saved"), browser.find("p.flash").getText());
            WebElement saved = browser.find("tr[data-user='" + learner + "'] select");
            assertEquals("instructor", new Select(saved).getFirstSelectedOption().getAttribute("value"));
            String changes = browser.find("table.changes").getText();
            assertTrue(changes.contains(admin) && changes.contains(learner) && changes.contains("learner → instructor"),
                    "the change names who, whom and what: " + changes);
            axe.assertNoSeriousViolations(browser, "accounts page after a change");
        });
        browser.step("the-learner-can-import-now", () -> {
            browser.driver().manage().deleteAllCookies();
            signIn(learner);
            assertTrue(browser.find("a[href='/import']").isDisplayed(), "the new instructor sees Import");
            assertTrue(browser.findAll("a[href='/admin/users']").isEmpty(), "but not the accounts page");
        });
    }

    @Test
    void aUserSeesTheirSessionsAndSignsAnotherOneOut() {
        AxeScan axe = AxeScan.load();
        String user = name("se");
        accounts.create(user, PASSWORD, Role.LEARNER, "en");
        // the same account signed in elsewhere: another browser, over plain HTTP
        Browser elsewhere = new Browser();
        elsewhere.signIn(user, PASSWORD).then().statusCode(303);
        elsewhere.open("/settings").then().statusCode(200);

        browser.step("sign-in", () -> {
            browser.driver().manage().deleteAllCookies();
            signIn(user);
        });
        for (Dimension size : WIDTHS) {
            browser.step("sessions-page-" + size.width, () -> {
                browser.driver().manage().window().setSize(size);
                browser.open("/account");
                assertEquals(2, browser.findAll("ul.sessions li").size(), "this browser and the other one");
                axe.assertNoSeriousViolations(browser, "account page at " + size.width + " px");
                assertNoSidewaysScrolling(size);
            });
        }
        browser.step("sign-the-other-out", () -> {
            WebElement other = browser.findAll("ul.sessions li").stream()
                    .filter(li -> !li.getText().contains("this browser")).findFirst().orElseThrow();
            other.findElement(org.openqa.selenium.By.cssSelector("button")).click();
            browser.waitFor(ExpectedConditions.urlContains("done=ended"));
            assertEquals(1, browser.findAll("ul.sessions li").size());
            assertTrue(browser.find("ul.sessions li").getText().contains("this browser"));
            elsewhere.open("/settings").then().statusCode(303) // signed out there: back to the sign-in form
                    .header("Location", org.hamcrest.Matchers.endsWith("/login?expired=true"));
            browser.open("/settings");
            assertEquals("/settings", browser.path(), "still signed in here");
        });
        browser.step("sign-out-here", () -> {
            browser.open("/account");
            browser.find("ul.sessions li button").click();
            browser.waitFor(d -> browser.path().equals("/"));
            assertFalse(browser.find(".site-nav").getText().contains(user), "signed out");
        });
    }

    private void signIn(String user) {
        browser.open("/login");
        browser.find("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(PASSWORD);
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.waitFor(d -> browser.path().equals("/"));
        assertTrue(browser.find(".site-nav").getText().contains(user), "signed in as " + user);
    }

    private void assertNoSidewaysScrolling(Dimension size) {
        Number overflow = (Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "the page scrolls sideways by " + overflow + " px at " + size.width + " px");
    }
}
