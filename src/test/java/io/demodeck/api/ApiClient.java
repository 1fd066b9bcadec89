package io.demodeck.api;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A mobile client in tests: registers a fresh learner through the API and signs in. */
public record ApiClient(String username, String password, String accessToken, String refreshToken) {

    public static final String PASSWORD = "correct horse battery";

    public static ApiClient signUp() {
        String username = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "language", "en"))
                .post("/api/v1/auth/register").then().statusCode(201);
        return signIn(username);
    }

    public static ApiClient signIn(String username) {
        var tokens = given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200).extract().jsonPath();
        return new ApiClient(username, PASSWORD, tokens.getString("accessToken"), tokens.getString("refreshToken"));
    }

    /** A request carrying this client's access token. */
    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + accessToken).contentType(ContentType.JSON);
    }
}
