package io.demodeck.api;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuthResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TokenService tokens;

    @Inject
    io.smallrye.jwt.auth.principal.JWTParser accessTokenParser;

    @Test
    void bearerTokensAreCheckedByTheRememberingParser() {
        // MpJwtValidator gets its parser by injection too: the replacement must be what the container hands out
        assertTrue(io.quarkus.arc.ClientProxy.unwrap(accessTokenParser) instanceof VerifiedTokens);
    }

    @Test
    void aLearnerRegistersSignsInAndCallsTheApi() {
        String name = "reg" + System.nanoTime() % 1_000_000_000L;
        given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", ApiClient.PASSWORD, "language", "en"))
                .post("/api/v1/auth/register").then().statusCode(201)
                .body("username", equalTo(name)).body("roles", hasItem("learner")).body("language", equalTo("en"));

        var client = ApiClient.signIn(name);
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", ApiClient.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(900))
                .body("refreshToken", notNullValue());
        client.request().get("/api/v1/me/settings").then().statusCode(200).body("desiredRetention", equalTo(0.9f));
    }

    @Test
    void registrationErrorsListEveryField() {
        given().contentType(ContentType.JSON).body(Map.of("username", "a b", "password", "short", "language", "de"))
                .post("/api/v1/auth/register").then().statusCode(422).contentType(PROBLEM)
                .body("type", containsString("/problems/validation"))
                .body("errors.field", hasItems("username", "password", "language"))
                .body("errors.find { it.field == 'password' }.message", equalTo("at least 10 characters"));
        var existing = ApiClient.signUp();
        given().contentType(ContentType.JSON)
                .body(Map.of("username", existing.username().toUpperCase(), "password", ApiClient.PASSWORD))
                .post("/api/v1/auth/register").then().statusCode(422)
                .body("errors[0].message", equalTo("this username is taken"));
        given().contentType(ContentType.JSON).body(Map.of("username", existing.username()))
                .post("/api/v1/auth/token").then().statusCode(422).body("errors[0].field", equalTo("password"));
    }

    @Test
    void aWrongPasswordGetsAProblemAndTooManyGuessesGet429() {
        var victim = ApiClient.signUp();
        int status;
        int attempts = 0;
        do {
            status = given().contentType(ContentType.JSON)
                    .body(Map.of("username", victim.username(), "password", "not the password"))
                    .post("/api/v1/auth/token").then().contentType(PROBLEM).extract().statusCode();
            attempts++;
        } while (status == 401 && attempts < 30);
        assertNotEquals(401, status, "guessing never got throttled");
        given().contentType(ContentType.JSON).body(Map.of("username", victim.username(), "password", "again"))
                .post("/api/v1/auth/token").then().statusCode(429).contentType(PROBLEM)
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
    }

    @Test
    void protectedEndpointsRefuseMissingExpiredTamperedAndForeignTokens() {
        var client = ApiClient.signUp();
        given().get("/api/v1/me/settings").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer")).body("status", equalTo(401));

        String expired = tokens.accessToken(null, client.username(), Set.of("learner"),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(15));
        bearer(expired).get("/api/v1/me/settings").then().statusCode(401).contentType(PROBLEM);

        String[] parts = client.accessToken().split("\\.");
        String otherPayload = tokens.accessToken(null, "admin", Set.of("learner", "instructor", "admin"), Instant.now(),
                Duration.ofMinutes(15)).split("\\.")[1];
        bearer(parts[0] + "." + otherPayload + "." + parts[2]).get("/api/v1/me/settings").then().statusCode(401)
                .contentType(PROBLEM);
        bearer(client.accessToken() + "x").get("/api/v1/me/settings").then().statusCode(401).contentType(PROBLEM);

        // signed by some other key: smallrye-jwt's own in-memory dev key is not trusted
        String foreign = io.smallrye.jwt.build.Jwt.issuer(TokenService.ISSUER).upn(client.username())
                .groups("learner").sign();
        bearer(foreign).get("/api/v1/me/settings").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aTokenWithoutTheLearnerRoleIsForbidden() {
        var client = ApiClient.signUp();
        String guest = tokens.accessToken(null, client.username(), Set.of("guest"), Instant.now(), Duration.ofMinutes(5));
        bearer(guest).get("/api/v1/me/settings").then().statusCode(403).contentType(PROBLEM)
                .body("type", containsString("/problems/forbidden"));
        // a learner's real token does not open the instructors' import API
        client.request().get("/api/v1/imports/1").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aBrowserSessionCookieDoesNotAuthenticateTheApi() {
        Browser browser = new Browser();
        browser.registerAndSignIn("web" + System.nanoTime() % 1_000_000_000L, "password-one");
        browser.open("/stats").then().statusCode(200);
        browser.request().get("/api/v1/me/settings").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void refreshRotatesAndReusingAnOldTokenRevokesTheWholeSignIn() {
        var client = ApiClient.signUp();
        var second = refresh(client.refreshToken()).then().statusCode(200).extract().jsonPath();
        String secondRefresh = second.getString("refreshToken");
        assertNotEquals(client.refreshToken(), secondRefresh);
        bearer(second.getString("accessToken")).get("/api/v1/me/settings").then().statusCode(200);

        // the first token was used already: replaying it is taken as theft, and the successor dies too
        refresh(client.refreshToken()).then().statusCode(401).contentType(PROBLEM)
                .body("type", containsString("/problems/invalid-refresh-token"));
        refresh(secondRefresh).then().statusCode(401);

        // another sign-in of the same account is a different family and keeps working
        var phone = ApiClient.signIn(client.username());
        refresh(phone.refreshToken()).then().statusCode(200);
        refresh("made-up").then().statusCode(401);
    }

    @Test
    void twoRefreshesRacingWithOneTokenLeaveNoWorkingToken() throws Exception {
        var client = ApiClient.signUp();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> refresh(client.refreshToken()));
            var b = pool.submit(() -> refresh(client.refreshToken()));
            var responses = java.util.List.of(a.get(), b.get());
            assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count());
            String successor = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow()
                    .jsonPath().getString("refreshToken");
            refresh(successor).then().statusCode(401); // the replay revoked the whole sign-in
        }
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        var client = ApiClient.signUp();
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", client.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);
        refresh(client.refreshToken()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", client.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/logout").then().statusCode(422)
                .body("errors[0].field", equalTo("refreshToken"));
    }

    @Test
    void theSigningKeyIsPersistedOnce() {
        long keys = ((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createNativeQuery("select count(*) from api_signing_key").getSingleResult())).longValue();
        org.junit.jupiter.api.Assertions.assertEquals(1, keys);
    }

    private static io.restassured.response.Response refresh(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
