package io.demodeck.api;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The API answers in the language the client asks for (Accept-Language as sent, q-values included), whatever
 * language the learner's pages are in; pages keep the language of their cookie.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ApiLanguageTest {

    static final String DECK_TITLE = "find { it.externalId == 'goroutines-threads-processes' }.title";
    static final String ENGLISH_TITLE = "Goroutines, OS threads and processes";
    static final String RUSSIAN_TITLE = "Горутины, потоки ОС и процессы";

    @Test
    void aLearnerWhosePagesAreInRussianGetsTheApiInEnglishWhenTheClientPrefersEnglish() {
        ApiClient client = ApiClient.signUp();
        // Russian is listed first but weighs less: the client prefers English
        client.request().cookie("lang", "ru").header("Accept-Language", "ru;q=0.3, en;q=0.9")
                .get("/api/v1/decks").then().statusCode(200).body(DECK_TITLE, equalTo(ENGLISH_TITLE));
        client.request().cookie("lang", "ru").header("Accept-Language", "ru;q=0.3, en;q=0.9")
                .queryParam("limit", 1).get("/api/v1/decks/goroutines-threads-processes/questions")
                .then().statusCode(200).body("items[0].lang", equalTo("en"));
        // the page of the same learner stays Russian
        given().cookie("lang", "ru").header("Accept-Language", "en").get("/login")
                .then().statusCode(200).header("Content-Language", "ru").body(containsString("<html lang=\"ru\">"));
    }

    @Test
    void aLearnerWhosePagesAreInEnglishGetsTheApiInRussianWhenTheClientPrefersRussian() {
        ApiClient client = ApiClient.signUp();
        client.request().cookie("lang", "en").header("Accept-Language", "en;q=0.2, ru")
                .get("/api/v1/decks").then().statusCode(200).body(DECK_TITLE, equalTo(RUSSIAN_TITLE));
        client.request().cookie("lang", "en").header("Accept-Language", "de-DE, en;q=0.1, ru-RU;q=0.5")
                .get("/api/v1/decks").then().statusCode(200).body(DECK_TITLE, equalTo(RUSSIAN_TITLE));
        // ?lang= still wins over the header
        client.request().header("Accept-Language", "ru").queryParam("lang", "en")
                .get("/api/v1/decks").then().statusCode(200).body(DECK_TITLE, equalTo(ENGLISH_TITLE));
        given().cookie("lang", "en").header("Accept-Language", "ru").get("/login")
                .then().statusCode(200).header("Content-Language", "en").body(containsString("<html lang=\"en\">"));
    }
}
