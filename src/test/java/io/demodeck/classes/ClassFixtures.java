package io.demodeck.classes;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Accounts and a small deck for the class tests, made through the app's own API. */
final class ClassFixtures {

    /** Five single-choice questions; the wrong options are named so a test can find them. */
    static final String GIFT = """
            // [id:q1]
            ::One::Which is one?{=one ~wrong-a ~wrong-b}

            // [id:q2]
            ::Two::Which is two?{=two ~wrong-c ~wrong-d}

            // [id:q3]
            ::Three::Which is three?{=three ~wrong-e}

            // [id:q4]
            ::Four::Which is four?{=four ~wrong-f}

            // [id:q5]
            ::Five::Which is five?{=five ~wrong-g}
            """;

    private ClassFixtures() {
    }

    static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static ApiClient account(AccountService accounts, String prefix, Role role) {
        String name = name(prefix);
        accounts.create(name, ApiClient.PASSWORD, role, "en");
        return ApiClient.signIn(name);
    }

    /** A private deck of {@code owner}'s with the five questions above; returns its id. */
    static String deckOf(ApiClient owner) {
        String deck = name("cls-deck-");
        given().header("Authorization", "Bearer " + owner.accessToken())
                .multiPart("file", "class.gift", GIFT.getBytes(StandardCharsets.UTF_8))
                .multiPart("dryRun", "false").multiPart("deck", deck)
                .post("/api/v1/imports").then().statusCode(200);
        return deck;
    }

    static long createClass(ApiClient owner, String name) {
        return owner.request().body(Map.of("name", name)).post("/api/v1/classes").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static String invite(ApiClient owner, long classId) {
        return owner.request().body("{}").post("/api/v1/classes/" + classId + "/invites").then().statusCode(201)
                .extract().jsonPath().getString("code");
    }

    static void join(ApiClient learner, String code) {
        learner.request().body(Map.of("code", code)).post("/api/v1/classes/join").then().statusCode(200);
    }
}
