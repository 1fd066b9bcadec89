package io.demodeck.platform;

import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 item 1: a body larger than its endpoint needs is refused before it is read, let alone parsed. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestBodyLimitsTest {

    private static final String DEMO_RUNS = "/api/v1/demos/os-threads/runs";
    /** The body that ended a replica with a 176 MB heap: 7.5 MB of empty objects, about 31 times that as a tree. */
    private static final byte[] CRASHING_BODY = emptyObjects(7_500_000);
    private static final Duration NO_ANSWER = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDeclaredLengthOverTheDemoLimitIsAnsweredBeforeTheBodyIsSent() throws Exception {
        try (RawHttp http = RawHttp.connect(base, NO_ANSWER)) {
            http.send("POST " + DEMO_RUNS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + CRASHING_BODY.length + "\r\n\r\n[{},{},");
            RawHttp.Answer answer = http.read(); // times out if the server waits for the body
            assertEquals(413, answer.status(), answer::toString);
            assertEquals(ApiProblem.MEDIA_TYPE, answer.headers().get("content-type"));
            assertTrue(answer.body().contains("at most 4 KB (4096 bytes)"), answer.body());
            assertTrue(answer.body().contains("7.2 MB"), answer.body());
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitWithoutWaitingForItsEnd() throws Exception {
        try (RawHttp http = RawHttp.connect(base, NO_ANSWER)) {
            http.send("POST " + DEMO_RUNS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = emptyObjects(1000);
            for (int i = 0; i < 5; i++) { // 5 KB, and no final chunk
                http.send(Integer.toHexString(chunk.length) + "\r\n").send(chunk).send("\r\n");
            }
            RawHttp.Answer answer = http.read();
            assertEquals(413, answer.status(), answer::toString);
            assertTrue(answer.body().contains("at most 4 KB"), answer.body());
        }
    }

    @Test
    void theBodyThatEndedAReplicaIsRefusedWithoutGrowingTheHeap() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getTotalThreadAllocatedBytes();
        RawHttp.Answer answer;
        try (RawHttp http = RawHttp.connect(base, NO_ANSWER)) {
            http.send("POST " + DEMO_RUNS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + CRASHING_BODY.length + "\r\n\r\n").send(CRASHING_BODY);
            answer = http.read();
        }
        long allocated = threads.getTotalThreadAllocatedBytes() - before;
        assertEquals(413, answer.status(), answer::toString);
        // parsed as a tree the body takes about 230 MB; refused, the whole server (this JVM) allocates a few MB meanwhile
        assertTrue(allocated < 40L * 1024 * 1024, "allocated " + allocated / 1024 / 1024 + " MB while refusing it");
    }

    @Test
    void aBatchOfTheDocumentedMaximumFitsAndALargerBodyIsRefused() {
        ApiClient learner = ApiClient.signUp();
        StringJoiner reviews = new StringJoiner(",\n    ", "{\n  \"reviews\": [\n    ", "\n  ]\n}");
        for (int i = 0; i < 500; i++) {
            reviews.add("{\"clientReviewId\": \"" + UUID.randomUUID() + "\", \"questionId\": " + (900_000_000L + i)
                    + ", \"rating\": 3, \"reviewedAt\": \"2026-03-02T09:15:30.123456789Z\", \"durationMs\": 5400}");
        }
        String batch = reviews.toString();
        learner.request().body(batch).post("/api/v1/reviews").then().statusCode(200)
                .body("results", hasSize(500)); // unknown questions: each REJECTED, but read and answered
        String padded = batch.replace("{\n  \"reviews\"", "{\n" + " ".repeat(200_000) + "\"reviews\"");
        learner.request().body(padded).post("/api/v1/reviews").then().statusCode(413)
                .contentType(ApiProblem.MEDIA_TYPE).body("detail", containsString("at most 256 KB"));
    }

    @Test
    void settingsAndSignInTakeSmallBodiesOnly() {
        ApiClient learner = ApiClient.signUp();
        learner.request().body("{\"timeZone\":\"" + "x".repeat(20_000) + "\"}").put("/api/v1/me/settings")
                .then().statusCode(413).contentType(ApiProblem.MEDIA_TYPE).body("detail", containsString("at most 16 KB"));
        given().contentType(ContentType.JSON).body(Map.of("username", "x".repeat(5000), "password", "y"))
                .post("/api/v1/auth/token").then().statusCode(413).body("detail", containsString("at most 4 KB"));
    }

    @Test
    void aFormOverTheDefaultLimitGetsTheErrorPage() {
        given().contentType(ContentType.URLENC).formParam("username", "x".repeat(40_000))
                .formParam("password", "y".repeat(40_000)).redirects().follow(false)
                .post("/register").then().statusCode(413).contentType(ContentType.HTML)
                .body(containsString("64 KB"));
    }

    @Test
    void deepNestingWithinTheSizeLimitIsRefusedByTheJsonLimits() {
        ApiClient learner = ApiClient.signUp();
        // an unknown field is skipped, not bound, yet its nesting still counts
        String deep = "{\"reviews\":[],\"extra\":" + "[".repeat(200) + "]".repeat(200) + "}";
        learner.request().body(deep).post("/api/v1/reviews").then().log().ifValidationFails().statusCode(400)
                .contentType(ApiProblem.MEDIA_TYPE).body("detail", containsString("nesting depth"))
                .body("detail", containsString("64"));
    }

    @Test
    void aRunRequestIsBoundToItsOneFieldAndOtherShapesAreA400() {
        for (String body : new String[] {"[{},{}]", "{\"preset\":{}}", "\"small\"", "{\"preset\":\"small\",\"x\":[1]}"}) {
            given().contentType(ContentType.JSON).body(body).post(DEMO_RUNS).then().log().ifValidationFails().statusCode(400)
                    .contentType(ApiProblem.MEDIA_TYPE).body("status", equalTo(400));
        }
    }

    private static byte[] emptyObjects(int bytes) {
        StringBuilder s = new StringBuilder(bytes + 3).append('[');
        while (s.length() < bytes - 3) {
            s.append("{},");
        }
        return s.append("{}]").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
