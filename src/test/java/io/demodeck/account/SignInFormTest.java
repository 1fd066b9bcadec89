package io.demodeck.account;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

/** The sign-in form after a wrong password keeps the name the learner typed. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SignInFormTest {

    @Test
    void aWrongPasswordKeepsTheUsername() {
        String name = "kept" + UUID.randomUUID().toString().substring(0, 8);
        new Browser().registerAndSignIn(name, "study-hard-123");
        Browser b = new Browser();
        String back = b.signIn(name, "not-the-password").then().statusCode(303)
                .header("Location", containsString("/login?error=true")).extract().header("Location");
        b.open(back).then().statusCode(200)
                .body(containsString("id=\"f-username\" name=\"username\" type=\"text\" value=\"" + name + "\""));
    }
}
