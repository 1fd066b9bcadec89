package io.demodeck;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The packaged jar (java -jar quarkus-run.jar) reads its question bank from inside the jar and serves it. */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedPostgresResource.class)
class PackagedAppIT {

    @Test
    void thePackagedAppServesTheBankFromTheJar() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().cookie("lang", "en").get("/").then().statusCode(200)
                .body(containsString("Goroutines"));
        given().cookie("lang", "en").get("/decks/goroutines-threads-processes/questions/linux-clone-syscall")
                .then().statusCode(200).body(containsString("clone"));
    }
}
