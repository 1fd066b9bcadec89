package io.demodeck.account;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(LoginThrottleTest.ThreeAttempts.class)
@WithTestResource(EmbeddedPostgresResource.class)
class LoginThrottleTest {

    public static class ThreeAttempts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demodeck.login.attempts-per-minute", "3");
        }
    }

    @Test
    void loginAttemptsBeyondTheLimitGet429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().redirects().follow(false).formParam("j_username", "nobody").formParam("j_password", "guess" + i)
                    .post("/j_security_check").then().statusCode(302);
        }
        given().redirects().follow(false).formParam("j_username", "nobody").formParam("j_password", "guess")
                .post("/j_security_check").then().statusCode(429).header("Retry-After", notNullValue());
    }
}
