package io.demodeck.account;

import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 items 7, 8 and 10, with the production limits made small. Each test plays its clients from loopback
 * addresses of its own (127.0.0.x), so the per-address budgets of one test do not touch another's.
 */
@QuarkusTest
@TestProfile(SignInLimitsTest.SmallLimits.class)
@WithTestResource(EmbeddedPostgresResource.class)
class SignInLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demodeck.register.per-address-per-minute", "6",
                    "demodeck.register.free-failures", "3",
                    "demodeck.login.attempts-per-minute", "100",
                    "demodeck.login.free-failures", "3",
                    // long enough that a lockout, were it shared, would still hold when the owner signs in
                    "demodeck.login.first-delay", "PT30S",
                    "demodeck.api.auth.requests-per-minute", "1000");
        }
    }

    static final String PASSWORD = ApiClient.PASSWORD;

    @Inject
    AccountService accounts;

    static String name() {
        return "l" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static RequestSpecification api(String address) {
        return given().config(Browser.fromAddress(address)).contentType(ContentType.JSON);
    }

    @Test
    void theRegistrationPageAndTheApiShareOneBudgetPerAddress() {
        Browser page = new Browser().from("127.0.0.11");
        page.open("/register");
        for (int i = 0; i < 4; i++) {
            String n = name();
            page.submit("/register", "username", n, "password", PASSWORD, "password_confirm", PASSWORD, "language", "en")
                    .then().statusCode(303);
        }
        for (int i = 0; i < 2; i++) {
            api("127.0.0.11").body(Map.of("username", name(), "password", PASSWORD)).post("/api/v1/auth/register")
                    .then().statusCode(201);
        }
        page.submit("/register", "username", name(), "password", PASSWORD, "password_confirm", PASSWORD, "language", "en")
                .then().statusCode(429).header("Retry-After", notNullValue());
        api("127.0.0.11").body(Map.of("username", name(), "password", PASSWORD)).post("/api/v1/auth/register")
                .then().statusCode(429).contentType("application/problem+json");
        // another address is not affected
        api("127.0.0.12").body(Map.of("username", name(), "password", PASSWORD)).post("/api/v1/auth/register")
                .then().statusCode(201);
    }

    @Test
    void manyFailedRegistrationsCostGrowingDelays() {
        Browser page = new Browser().from("127.0.0.13");
        page.open("/register");
        for (int i = 0; i < 3; i++) {
            page.submit("/register", "username", name(), "password", "short", "password_confirm", "short",
                    "language", "en").then().statusCode(422);
        }
        page.submit("/register", "username", name(), "password", "short", "password_confirm", "short", "language", "en")
                .then().statusCode(422);
        page.submit("/register", "username", name(), "password", PASSWORD, "password_confirm", PASSWORD, "language", "en")
                .then().statusCode(429).header("Retry-After", notNullValue());
        api("127.0.0.13").body(Map.of("username", name(), "password", PASSWORD)).post("/api/v1/auth/register")
                .then().statusCode(429);
    }

    @Test
    void wrongPasswordsFromElsewhereDoNotLockTheOwnerOut() {
        String victim = name();
        accounts.create(victim, PASSWORD, Role.LEARNER, "en");
        // ten wrong passwords for the victim's name, from the attacker's address, through the API and the form
        List<Integer> attacker = new ArrayList<>();
        Browser form = new Browser().from("127.0.0.21");
        for (int i = 0; i < 5; i++) {
            attacker.add(api("127.0.0.21").body(Map.of("username", victim, "password", "guess-" + i))
                    .post("/api/v1/auth/token").statusCode());
            attacker.add(form.signIn(victim, "guess-form-" + i).statusCode());
        }
        assertTrue(attacker.contains(429), "the guessing address is slowed down: " + attacker);
        assertEquals(429, api("127.0.0.21").body(Map.of("username", victim, "password", PASSWORD))
                .post("/api/v1/auth/token").statusCode(), "even with the right password, from the guessing address");

        // the owner, at their own address, signs in with the right password through the API and the form
        api("127.0.0.22").body(Map.of("username", victim, "password", PASSWORD)).post("/api/v1/auth/token")
                .then().statusCode(200);
        new Browser().from("127.0.0.22").signIn(victim, PASSWORD).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.not(containsString("error")));
    }

    @Test
    void theFormSignInIsLimitedPerAccountAndAddressToo() {
        String victim = name();
        accounts.create(victim, PASSWORD, Role.LEARNER, "en");
        Browser form = new Browser().from("127.0.0.31");
        int status = 0;
        for (int i = 0; i < 6 && status != 429; i++) {
            status = form.signIn(victim, "guess-" + i).statusCode();
        }
        assertEquals(429, status, "wrong passwords through the form are throttled");
    }

    @Test
    void anUnknownNameTakesAsLongAsAWrongPasswordForAKnownOne() {
        int rounds = 7;
        long[] unknown = new long[rounds];
        long[] known = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            String existing = name();
            accounts.create(existing, PASSWORD, Role.LEARNER, "en");
            known[i] = timeSignIn(existing, "127.0.0.41");
            unknown[i] = timeSignIn(name(), "127.0.0.41");
        }
        java.util.Arrays.sort(unknown);
        java.util.Arrays.sort(known);
        long medianUnknown = unknown[rounds / 2];
        long medianKnown = known[rounds / 2];
        assertTrue(medianUnknown * 2 > medianKnown, "an unknown name answers in " + medianUnknown / 1000
                + " µs, a known one in " + medianKnown / 1000 + " µs: the difference tells which names exist");
    }

    private static long timeSignIn(String username, String address) {
        RequestSpecification request = api(address).body(Map.of("username", username, "password", "not-the-password"));
        long start = System.nanoTime();
        int status = request.post("/api/v1/auth/token").statusCode();
        long took = System.nanoTime() - start;
        assertEquals(401, status);
        return took;
    }
}
