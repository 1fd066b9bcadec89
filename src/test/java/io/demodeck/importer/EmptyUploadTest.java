package io.demodeck.importer;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Issue 13 item 13: a multipart request with an empty body is a 400 that says what to send. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EmptyUploadTest {

    private static final String EMPTY_MULTIPART = "multipart/form-data; boundary=----nothing-here";

    @Inject
    AccountService accounts;

    @Test
    void theApiAnswersAnEmptyMultipartBodyWithA400() {
        String name = "empty" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "instructor-pass", Role.INSTRUCTOR, "en");
        String token = given().contentType("application/json").body(Map.of("username", name, "password", "instructor-pass"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        given().header("Authorization", "Bearer " + token).contentType(EMPTY_MULTIPART).body(new byte[0])
                .post("/api/v1/imports").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("file"));
    }

    @Test
    void thePreviewPageAnswersAnEmptyMultipartBodyWithA400() {
        Browser instructor = new Browser();
        String name = "emptypage" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "teach-me-please", Role.INSTRUCTOR, "en");
        instructor.signIn(name, "teach-me-please");
        instructor.open("/import");
        instructor.request().contentType(EMPTY_MULTIPART).body(new byte[0]).post("/import/preview")
                .then().log().ifValidationFails().statusCode(400).contentType(containsString("text/html"));
    }
}
