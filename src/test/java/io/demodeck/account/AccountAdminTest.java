package io.demodeck.account;

import io.agroal.api.AgroalDataSource;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 "Roles and accounts": admins set roles and disable accounts; tokens follow at once. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AccountAdminTest {

    static final String PASSWORD = ApiClient.PASSWORD;
    static final String PROBLEM = "application/problem+json";

    @Inject
    AccountService accounts;

    @Inject
    AuthGenerations generations;

    @Inject
    AgroalDataSource dataSource;

    static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    ApiClient admin() {
        String name = name("adm");
        accounts.create(name, PASSWORD, Role.ADMIN, "en");
        return ApiClient.signIn(name);
    }

    @Test
    void grantingInstructorEndsTheOldTokenAtOnceAndTheRefreshedOneCarriesTheRole() {
        ApiClient admin = admin();
        ApiClient learner = ApiClient.signUp();
        long id = admin.request().get("/api/v1/admin/users?q=" + learner.username()).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].role", equalTo("learner")).extract().jsonPath().getLong("items[0].id");
        learner.request().get("/api/v1/imports/1").then().statusCode(403);

        admin.request().body(Map.of("role", "instructor")).put("/api/v1/admin/users/" + id + "/role").then()
                .statusCode(200).body("role", equalTo("instructor"));
        learner.request().get("/api/v1/me/settings").then().statusCode(401).contentType(PROBLEM);

        String fresh = given().contentType(ContentType.JSON).body(Map.of("refreshToken", learner.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().jsonPath().getString("accessToken");
        int status = given().header("Authorization", "Bearer " + fresh).get("/api/v1/imports/999999999").statusCode();
        assertEquals(404, status, "the instructors' API is open to the refreshed token");

        // demoted again: the instructor's token stops at once
        admin.request().body(Map.of("role", "learner")).put("/api/v1/admin/users/" + id + "/role").then().statusCode(200);
        given().header("Authorization", "Bearer " + fresh).get("/api/v1/me/settings").then().statusCode(401);

        admin.request().get("/api/v1/admin/users/changes?user=" + id).then().statusCode(200)
                .body("[0].action", equalTo("role")).body("[0].oldValue", equalTo("instructor"))
                .body("[0].newValue", equalTo("learner")).body("[0].actor", equalTo(admin.username()))
                .body("[0].target", equalTo(learner.username())).body("[1].newValue", equalTo("instructor"));
        admin.request().body(Map.of("role", "owner")).put("/api/v1/admin/users/" + id + "/role").then()
                .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("role"));
        admin.request().body("{}").put("/api/v1/admin/users/" + id + "/role").then()
                .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("role"));
        admin.request().queryParam("page", -1).get("/api/v1/admin/users").then()
                .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        admin.request().queryParam("size", AccountAdmin.MAX_PAGE_SIZE + 1).get("/api/v1/admin/users").then()
                .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        admin.request().body(Map.of("role", "admin")).put("/api/v1/admin/users/0/role").then().statusCode(404);
        learner.request().get("/api/v1/admin/users").then().statusCode(401);
    }

    @Test
    void aDisabledAccountCannotSignInOrUseItsTokensOrSessionsAndItsHistoryStays() {
        ApiClient admin = admin();
        ApiClient learner = ApiClient.signUp();
        Browser browser = new Browser();
        String cookie = browser.signIn(learner.username(), PASSWORD).getCookie(SessionAuthentication.COOKIE);
        browser.open("/settings").then().statusCode(200);
        long id = userId(learner.username());

        admin.request().post("/api/v1/admin/users/" + id + "/disable").then().statusCode(200).body("disabled", equalTo(true));
        learner.request().get("/api/v1/me/settings").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", learner.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", learner.username(), "password", PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(403).contentType(PROBLEM)
                .body("type", containsString("account-disabled"));
        assertFalse(SessionsTest.signsIn(cookie), "the browser session ended");
        new Browser().signIn(learner.username(), PASSWORD).then().statusCode(303)
                .header("Location", containsString("/login?error=disabled"));
        new Browser().open("/login?error=disabled").then().body(containsString("disabled"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from app_user where id = ?1").setParameter(1, id)
                .getSingleResult()).longValue()), "the account and its history stay");

        admin.request().post("/api/v1/admin/users/" + id + "/enable").then().statusCode(200).body("disabled", equalTo(false));
        ApiClient.signIn(learner.username()).request().get("/api/v1/me/settings").then().statusCode(200);
        admin.request().get("/api/v1/admin/users/changes?user=" + id).then()
                .body("action", equalTo(List.of("enable", "disable")));
    }

    @Test
    void theLastAdminCannotStepDownOrDisableItself() {
        ApiClient admin = admin();
        long me = userId(admin.username());
        admin.request().post("/api/v1/admin/users/" + me + "/disable").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("your own account"));
        // leave this admin as the only enabled one for a moment (other tests' admins come back afterwards)
        List<Long> others = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = Panache.getEntityManager().createNativeQuery("update app_user set disabled_at = now() "
                    + "where roles like '%admin%' and disabled_at is null and id <> ?1 returning id")
                    .setParameter(1, me).getResultList();
            return ids.stream().map(Number::longValue).toList();
        });
        try {
            admin.request().body(Map.of("role", "instructor")).put("/api/v1/admin/users/" + me + "/role").then()
                    .statusCode(409).contentType(PROBLEM).body("detail", containsString("last admin"));
            ApiClient second = admin();
            admin.request().body(Map.of("role", "instructor")).put("/api/v1/admin/users/" + me + "/role").then()
                    .statusCode(200).body("role", equalTo("instructor"));
            second.request().get("/api/v1/admin/users?q=" + admin.username()).then().statusCode(200)
                    .body("items.role", hasItem("instructor"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                    .createNativeQuery("update app_user set disabled_at = null where id in (?1)")
                    .setParameter(1, others.isEmpty() ? List.of(-1L) : others).executeUpdate());
        }
    }

    @Test
    void anotherReplicasChangeReachesThisOneThroughNotify() throws Exception {
        ApiClient learner = ApiClient.signUp();
        learner.request().get("/api/v1/me/settings").then().statusCode(200);
        long id = userId(learner.username());
        for (int i = 0; i < 50 && !generations.listening(); i++) {
            Thread.sleep(100);
        }
        assertTrue(generations.listening(), "the listener is connected");
        // what another replica does when it demotes the account: its own statement, its own connection
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("with bumped as (update app_user set auth_generation = "
                     + "auth_generation + 1 where id = ? returning id, auth_generation) "
                     + "select pg_notify('demodeck_auth', id || ':' || auth_generation) from bumped")) {
            st.setLong(1, id);
            st.execute();
        }
        int status = 200;
        for (int i = 0; i < 50 && status == 200; i++) {
            Thread.sleep(100);
            status = learner.request().get("/api/v1/me/settings").statusCode();
        }
        assertEquals(401, status, "the token stopped working once the notification arrived");
    }

    @Test
    void theAdminPageListsSearchesAndChangesRoles() {
        String adminName = name("adm");
        accounts.create(adminName, PASSWORD, Role.ADMIN, "en");
        Browser admin = new Browser();
        admin.signIn(adminName, PASSWORD).then().statusCode(303);
        admin.open("/lang/en?back=/");
        String learner = name("lrn");
        accounts.create(learner, PASSWORD, Role.LEARNER, "en");
        long id = userId(learner);

        admin.open("/admin/users?q=" + learner).then().statusCode(200).body(containsString("data-user=\"" + learner + "\""))
                .body(containsString("1 accounts found"));
        admin.submit("/admin/users/" + id + "/role", "role", "instructor", "q", learner, "page", "1").then().statusCode(303)
                .header("Location", containsString("done=role"));
        String page = admin.open("/admin/users?q=" + learner + "&done=role").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Role saved"), page);
        String flat = page.replaceAll("\\s+", " ");
        assertTrue(flat.matches(".*<td>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC</td><td>" + adminName + "</td><td>" + learner
                        + "</td> ?<td>role: learner → instructor</td>.*"), "the change is shown: who, whom, what, when: " + flat);
        String self = admin.open("/admin/users?q=" + adminName).then().extract().asString();
        assertTrue(!self.contains("/admin/users/" + userId(adminName) + "/disable"), "no button to disable oneself");

        Browser learnerBrowser = new Browser();
        learnerBrowser.signIn(learner, PASSWORD);
        learnerBrowser.open("/import").then().statusCode(200);
        learnerBrowser.open("/admin/users").then().statusCode(403);
    }

    static long userId(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow().id);
    }
}
