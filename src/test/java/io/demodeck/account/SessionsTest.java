package io.demodeck.account;

import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 item 5 and issue 14 "sessions": signing out ends a session for good, sessions end at a fixed time. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SessionsTest {

    static final String PASSWORD = ApiClient.PASSWORD;

    /** Whether this cookie alone signs in: the settings page answers, rather than sending to /login. */
    static boolean signsIn(String cookie) {
        Response r = given().redirects().follow(false).cookie(SessionAuthentication.COOKIE, cookie).get("/settings");
        if (r.statusCode() == 200) {
            return true;
        }
        // a cookie the server no longer knows: the sign-in page says the session expired
        assertTrue((r.statusCode() == 302 || r.statusCode() == 303) && r.header("Location").endsWith("/login?expired=true"),
                r.statusCode() + " " + r.header("Location"));
        return false;
    }

    static String signedIn(Browser browser, Response login) {
        assertEquals(303, login.statusCode(), login.asString());
        String cookie = login.getCookie(SessionAuthentication.COOKIE);
        assertNotNull(cookie, "the session cookie");
        return cookie;
    }

    @Test
    void signingOutEndsTheSessionEvenForACopyOfTheCookie() {
        Browser browser = new Browser();
        String name = browser.registerAndSignIn(AccountPagesTest.newName(), PASSWORD);
        String copy = signedIn(browser, browser.signIn(name, PASSWORD));
        assertTrue(signsIn(copy));

        browser.open("/settings");
        browser.submit("/logout").then().statusCode(303);
        assertFalse(signsIn(copy), "the copied cookie no longer signs in after sign-out");
        browser.open("/").then().body(not(containsString("action=\"/logout\"")));
    }

    @Test
    void aSessionEndsAtAFixedTimeTwelveHoursOrFourteenDaysWithStaySignedIn() {
        String name = new Browser().registerAndSignIn(AccountPagesTest.newName(), PASSWORD);
        Response brief = new Browser().signIn(name, PASSWORD);
        String briefCookie = signedIn(null, brief);
        assertNull(brief.getDetailedCookie(SessionAuthentication.COOKIE).getExpiryDate(),
                "without 'stay signed in' the cookie ends with the browser");
        assertEquals(-1, brief.getDetailedCookie(SessionAuthentication.COOKIE).getMaxAge());
        Response remembered = new Browser().signInRemembered(name, PASSWORD);
        String rememberedCookie = signedIn(null, remembered);
        assertEquals(Duration.ofDays(30).toSeconds(), remembered.getDetailedCookie(SessionAuthentication.COOKIE).getMaxAge());

        assertEquals(Duration.ofHours(12), lifetime(briefCookie));
        assertEquals(Duration.ofDays(30), lifetime(rememberedCookie));

        // using a session does not move its end
        Instant end = expiresAt(briefCookie);
        assertTrue(signsIn(briefCookie));
        assertEquals(end, expiresAt(briefCookie));

        // past its end the cookie signs nobody in, however recently it was used
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                "update user_session set expires_at = now() - interval '1 second' where token_hash = ?1")
                .setParameter(1, Sessions.hash(rememberedCookie)).executeUpdate());
        assertFalse(signsIn(rememberedCookie));
        assertTrue(signsIn(briefCookie));
    }

    @Test
    void theSignInFormCarriesACsrfTokenAndRefusesAPostWithoutIt() {
        Browser browser = new Browser();
        String name = browser.registerAndSignIn(AccountPagesTest.newName(), PASSWORD);
        new Browser().open("/login").then().body(containsString("name=\"csrf-token\""));
        // a page on another site cannot sign the visitor in to the attacker's account
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", name).formParam("password", PASSWORD).post("/login")
                .then().statusCode(400);
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionAndAppButNotThisOne() {
        Browser here = new Browser();
        String name = here.registerAndSignIn(AccountPagesTest.newName(), PASSWORD);
        Browser elsewhere = new Browser();
        String elsewhereCookie = signedIn(elsewhere, elsewhere.signIn(name, PASSWORD));
        ApiClient app = ApiClient.signIn(name);
        app.request().get("/api/v1/me/settings").then().statusCode(200);

        here.open("/account").then().statusCode(200).body(containsString("data-session"));
        here.submit("/account/password", "current_password", "wrong-current-1", "new_password", "brand-new-secret-1",
                "new_password_confirm", "brand-new-secret-1").then().statusCode(422)
                .body(containsString("this is not your current password"));
        here.submit("/account/password", "current_password", PASSWORD, "new_password", "1234567890",
                "new_password_confirm", "1234567890").then().statusCode(422).body(containsString("too common"));
        assertTrue(signsIn(elsewhereCookie), "refused changes end nothing");

        here.submit("/account/password", "current_password", PASSWORD, "new_password", "brand-new-secret-1",
                "new_password_confirm", "brand-new-secret-1").then().statusCode(303);
        here.open("/account?done=password").then().statusCode(200).body(containsString("Password changed"));
        assertFalse(signsIn(elsewhereCookie), "the other browser is signed out");
        app.request().get("/api/v1/me/settings").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", app.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        assertEquals(303, new Browser().signIn(name, "brand-new-secret-1").statusCode());
        assertEquals(303, new Browser().signIn(name, PASSWORD).statusCode());
        assertTrue(new Browser().signIn(name, PASSWORD).header("Location").contains("error"));
    }

    @Test
    void aUserSeesTheirSessionsAndSignsOneOut() {
        Browser here = new Browser();
        String name = here.registerAndSignIn(AccountPagesTest.newName(), PASSWORD);
        Browser phone = new Browser();
        String phoneCookie = signedIn(phone, phone.request().header("User-Agent",
                "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrfOf(phone))
                .formParam("username", name).formParam("password", PASSWORD).post("/login"));
        ApiClient app = ApiClient.signIn(name);

        String page = here.open("/account").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Chrome, Android"), "the phone's browser is named: " + page);
        assertTrue(page.contains("data-app="), "the app sign-in is listed");
        long phoneSession = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select id from user_session where token_hash = ?1")
                .setParameter(1, Sessions.hash(phoneCookie)).getSingleResult()).longValue());
        assertTrue(page.contains("data-session=\"" + phoneSession + "\""));

        here.submit("/account/sessions/" + phoneSession + "/end").then().statusCode(303);
        assertFalse(signsIn(phoneCookie), "the phone is signed out");
        here.open("/account").then().statusCode(200).body(not(containsString("data-session=\"" + phoneSession + "\"")));

        // another account cannot end this one's sessions
        Browser stranger = new Browser();
        stranger.registerAndSignIn(AccountPagesTest.newName(), PASSWORD);
        long mine = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select max(s.id) from user_session s join app_user u on u.id = s.user_id "
                        + "where u.username = ?1 and s.ended_at is null").setParameter(1, name).getSingleResult()).longValue());
        stranger.open("/account");
        stranger.submit("/account/sessions/" + mine + "/end").then().statusCode(303);
        here.open("/settings").then().statusCode(200);

        // ending the app sign-in stops its access token at once and its refresh token for good
        String family = here.open("/account").then().extract().asString().replaceAll("(?s).*data-app=\"([^\"]+)\".*", "$1");
        here.submit("/account/apps/" + family + "/end").then().statusCode(303);
        app.request().get("/api/v1/me/settings").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", app.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        here.open("/settings").then().statusCode(200);
    }

    private static String csrfOf(Browser browser) {
        String page = browser.open("/login").asString();
        return page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
    }

    private static Instant expiresAt(String cookie) {
        return QuarkusTransaction.requiringNew().call(() -> io.demodeck.platform.SqlRow.instant(Panache.getEntityManager()
                .createNativeQuery("select expires_at from user_session where token_hash = ?1")
                .setParameter(1, Sessions.hash(cookie)).getSingleResult()));
    }

    private static Duration lifetime(String cookie) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) Panache.getEntityManager()
                    .createNativeQuery("select created_at, expires_at from user_session where token_hash = ?1")
                    .setParameter(1, Sessions.hash(cookie)).getSingleResult();
            return Duration.between(io.demodeck.platform.SqlRow.instant(row[0]), io.demodeck.platform.SqlRow.instant(row[1]));
        });
    }
}
