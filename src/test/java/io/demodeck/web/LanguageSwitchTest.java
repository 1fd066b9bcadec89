package io.demodeck.web;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** Issue 13 item 13: a return path a link cannot hold is a 400 that says so, not a 500. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LanguageSwitchTest {

    @Test
    void aReturnPathWithATabIsRefusedWithAClearMessage() {
        given().urlEncodingEnabled(false).redirects().follow(false).get("/lang/en?back=/%09/x")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("back must be a path on this site"));
    }

    @Test
    void aPlainReturnPathStillLeadsBack() {
        given().redirects().follow(false).queryParam("back", "/decks/x?lang=ru").get("/lang/en")
                .then().statusCode(303).header("Location", endsWith("/decks/x?lang=ru"));
        given().redirects().follow(false).queryParam("back", "https://evil.example/").get("/lang/en")
                .then().statusCode(303).header("Location", endsWith("/"));
    }
}
