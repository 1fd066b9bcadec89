package io.demodeck.interview;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A class deck for the interview tests (the API test and the browser test), made through the app's own API. */
public final class InterviewFixtures {

    /** Three quiz questions, two tagged "beta"; imported by an instructor into a private deck of theirs. */
    public static final String CLASS_GIFT = """
            // [id:c1] [tag:alpha]
            ::One::Which is one?{=one ~two ~three}

            // [id:c2] [tag:beta]
            ::Two::Which is two?{=two ~one}

            // [id:c3] [tag:beta]
            ::Three::Which is three?{=three ~four}
            """;

    /** A new instructor's class with their new deck of {@link #CLASS_GIFT} assigned, and an invite code to join it. */
    public record ClassDeck(ApiClient instructor, String deck, long classId, String inviteCode) {
    }

    private InterviewFixtures() {
    }

    public static ClassDeck classDeck(AccountService accounts) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        accounts.create("ivi" + suffix, ApiClient.PASSWORD, Role.INSTRUCTOR, "en");
        ApiClient instructor = ApiClient.signIn("ivi" + suffix);
        String deck = "iv-class-" + suffix;
        given().header("Authorization", "Bearer " + instructor.accessToken())
                .multiPart("file", "class.gift", CLASS_GIFT.getBytes(StandardCharsets.UTF_8))
                .multiPart("dryRun", "false").multiPart("deck", deck).post("/api/v1/imports").then().statusCode(200);
        long classId = instructor.request().body(Map.of("name", "Interview group")).post("/api/v1/classes").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        instructor.request().body("{}").put("/api/v1/classes/" + classId + "/decks/" + deck).then().statusCode(200);
        String code = instructor.request().body("{}").post("/api/v1/classes/" + classId + "/invites").then()
                .statusCode(201).extract().jsonPath().getString("code");
        return new ClassDeck(instructor, deck, classId, code);
    }
}
