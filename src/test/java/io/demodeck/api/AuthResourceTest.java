package io.demodeck.api;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuthResourceTest {

    @Inject
    AccountService accounts;

    static String name() {
        return "a" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String token(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(900))
                .extract().path("accessToken");
    }

    @Test
    void registerThenGetATokenThatOpensTheApi() {
        String name = name();
        given().contentType("application/json").body(Map.of("username", name, "password", "mobile-pass-1", "language", "en"))
                .post("/api/v1/auth/register").then().statusCode(201)
                .body("username", equalTo(name)).body("roles", hasItem("learner")).body("language", equalTo("en"));
        given().contentType("application/json").body(Map.of("username", name.toUpperCase(), "password", "mobile-pass-1"))
                .post("/api/v1/auth/register").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("username"));
        String token = token(name, "mobile-pass-1");
        // a learner's token is valid but does not open the instructors' import API
        given().auth().oauth2(token).get("/api/v1/imports/1").then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("/problems/forbidden"));
    }

    @Test
    void badCredentialsAndBadTokensGetProblemDocuments() {
        String name = name();
        accounts.create(name, "right-password", Role.INSTRUCTOR, "en");
        given().contentType("application/json").body(Map.of("username", name, "password", "wrong-password"))
                .post("/api/v1/auth/token").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/imports/1").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        String token = token(name, "right-password");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).get("/api/v1/imports/1").then().statusCode(401).contentType("application/problem+json");
        String expired = Jwt.issuer("demodeck").upn(name).groups(Set.of("instructor"))
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800)).sign();
        given().auth().oauth2(expired).get("/api/v1/imports/1").then().statusCode(401);
        String otherIssuer = Jwt.issuer("someone-else").upn(name).groups(Set.of("instructor")).sign();
        given().auth().oauth2(otherIssuer).get("/api/v1/imports/1").then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/imports/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBrowserSessionCookieDoesNotOpenTheApi() {
        String name = name();
        accounts.create(name, "browser-pass-1", Role.INSTRUCTOR, "en");
        Browser browser = new Browser();
        browser.signIn(name, "browser-pass-1").then().statusCode(302);
        browser.open("/import").then().statusCode(200);
        browser.request().get("/api/v1/imports/1").then().statusCode(401);
    }

    @Test
    void theOpenApiDocumentDeclaresTheBearerScheme() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/auth/token'.post.description", notNullValue());
    }
}
