package io.demodeck.bank;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BankPagesTest {

    @Inject
    BankLoader loader;

    @Test
    void theHomePageListsTheDecksInTheChosenLanguage() {
        given().header("Accept-Language", "ru-RU,ru;q=0.9").get("/").then().statusCode(200)
                .header("Content-Language", "ru")
                .body(containsString("<html lang=\"ru\">"))
                .body(containsString("Горутины"))
                .body(containsString("href=\"/decks/goroutines-threads-processes\""));
        given().cookie("lang", "en").get("/").then().statusCode(200)
                .header("Content-Language", "en")
                .body(containsString("Question decks"))
                .body(containsString("Goroutines"));
    }

    @Test
    void aDeckPageListsItsQuestionsAndAQuestionPageShowsTheAnswer() {
        given().cookie("lang", "en").get("/decks/goroutines-threads-processes").then().statusCode(200)
                .body(containsString("What is a goroutine?"));
        given().cookie("lang", "en").get("/decks/goroutines-threads-processes/questions/goroutine-definition")
                .then().statusCode(200)
                .body(containsString("What is a goroutine?"))
                .body(containsString("Key points"))
                .body(containsString("Demos that show it"));
    }

    @Test
    void contentIsEscapedNotExecuted(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("xss.md"), BankLoadingTest.deck("xss-deck",
                "<script>alert('answer')</script> and <img src=x onerror=alert(1)>")
                .replace("What is a process?", "What is <script>alert('prompt')</script>?"));
        loader.load(io.demodeck.bank.BankFiles.fromDirectory(dir));

        given().cookie("lang", "en").get("/decks/xss-deck/questions/q-one").then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<img src=x")))
                .body(containsString("&lt;script&gt;alert('answer')&lt;/script&gt;"))
                .body(containsString("&lt;script&gt;alert('prompt')&lt;/script&gt;"));
        given().cookie("lang", "en").get("/decks/xss-deck").then().statusCode(200)
                .body(not(containsString("<script>alert")));
    }

    @Test
    void unknownPagesGetAnHtmlErrorPageAndTheApiAProblemDocument() {
        given().get("/decks/no-such-deck").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("404"));
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", containsString("/problems/not-found"));
    }

    @Test
    void theLanguageSwitchRemembersTheChoiceAndOnlyRedirectsLocally() {
        given().redirects().follow(false).get("/lang/en?back=/decks/goroutines-threads-processes").then()
                .statusCode(303)
                .header("Location", containsString("/decks/goroutines-threads-processes"))
                .cookie("lang", "en");
        given().redirects().follow(false).get("/lang/en?back=//evil.example/x").then()
                .statusCode(303)
                .header("Location", not(containsString("evil")));
        given().redirects().follow(false).get("/lang/xx").then().statusCode(404);
    }

    @Test
    void readinessIncludesTheQuestionBank() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'question-bank' }.status", equalTo("UP"));
    }
}
