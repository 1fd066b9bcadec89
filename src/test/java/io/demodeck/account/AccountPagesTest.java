package io.demodeck.account;

import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AccountPagesTest {

    static String newName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void aVisitorRegistersSignsInAndOut() {
        Browser browser = new Browser();
        String name = newName();
        browser.open("/register");
        browser.submit("/register", "username", name, "password", "correct horse", "password_confirm", "correct horse",
                "language", "en").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/"))
                .cookie("lang", "en");
        // registering signed the new learner in: the home page greets them, no sign-in form on the way
        browser.open("/").then().statusCode(200).body(containsString(name)).body(containsString("action=\"/logout\""));
        browser.submit("/logout").then().statusCode(303);

        browser.signIn(name, "correct horse").then().statusCode(303).header("Location", containsString("/"));
        browser.open("/").then().statusCode(200).body(containsString(name)).body(containsString("action=\"/logout\""));

        browser.submit("/logout").then().statusCode(303);
        browser.open("/").then().body(not(containsString("action=\"/logout\""))).body(containsString("href=\"/login\""));
    }

    @Test
    void badRegistrationsShowWhatToFixPerField() {
        Browser browser = new Browser();
        browser.open("/register");
        browser.submit("/register", "username", "a b", "password", "short", "password_confirm", "short", "language", "en")
                .then().statusCode(422)
                .body(containsString("aria-invalid=\"true\""))
                // the page is in the visitor's language (Russian by default), the API would say it in English
                .body(containsString("от 3 до 64 символов: латинские буквы, цифры"))
                .body(containsString("не меньше 10 символов"));

        String name = newName();
        browser.registerAndSignIn(name, "password-one");
        Browser other = new Browser();
        other.open("/register");
        other.submit("/register", "username", name.toUpperCase(), "password", "password-two", "password_confirm",
                "password-two", "language", "ru").then().statusCode(422).body(containsString("это имя уже занято"));
        other.submit("/register", "username", newName(), "password", "password-two", "password_confirm",
                "password-three", "language", "ru").then().statusCode(422).body(containsString("пароли не совпадают"));
        // every field's problem at once, not one per attempt: a taken name, a short password, a differing confirmation
        other.submit("/register", "username", name, "password", "short", "password_confirm", "shorter", "language", "ru")
                .then().statusCode(422)
                .body(containsString("это имя уже занято"))
                .body(containsString("не меньше 10 символов"))
                .body(containsString("пароли не совпадают"));
    }

    @Test
    void aWrongPasswordIsRefused() {
        Browser browser = new Browser();
        String name = browser.registerAndSignIn(newName(), "the right one");
        Browser stranger = new Browser();
        stranger.signIn(name, "the wrong one").then().statusCode(303).header("Location", containsString("/login?error=true"));
        stranger.open("/login?error=true").then().body(containsString("Неверное имя пользователя или пароль"));
        browser.open("/login?error=true").then().body(containsString("Wrong username or password"));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRejected() {
        Browser browser = new Browser();
        int status = browser.request().contentType("application/x-www-form-urlencoded")
                .formParam("username", newName()).formParam("password", "whatever-123")
                .formParam("password_confirm", "whatever-123").post("/register").statusCode();
        assertEquals(400, status);
    }
}
