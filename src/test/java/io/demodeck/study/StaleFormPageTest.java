package io.demodeck.study;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** A form refused for its CSRF token answers with a readable page and a link back, in English and Russian. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StaleFormPageTest {

    @Test
    void aFormFromAnOldPageGetsAReadablePageWithALinkBack() {
        Browser browser = new Browser();
        browser.open("/register");
        browser.request().contentType("application/x-www-form-urlencoded").header("Referer", "http://localhost/register?x=1")
                .cookie("lang", "en")
                .formParam("csrf-token", "a-token-from-an-old-page").formParam("username", "whoever")
                .post("/register").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("This page is out of date"))
                .body(containsString("href=\"/register?x=1\" id=\"stale-back\""));
        // another site's address is never the way back
        browser.request().contentType("application/x-www-form-urlencoded").header("Referer", "https://evil.example/x")
                .cookie("lang", "ru").post("/logout").then().statusCode(400)
                .body(containsString("Страница устарела"))
                .body(containsString("href=\"/\" id=\"stale-back\""))
                .body(not(containsString("evil.example")));
    }
}
