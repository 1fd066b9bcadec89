package io.demodeck.platform;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.importer.Fixtures;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator sees: request ids that lead from an error page to the log, and the metrics on /q/metrics. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ObservabilityTest {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    @Inject
    AccountService accounts;

    @Test
    void everyResponseCarriesItsOwnRequestId() {
        String first = given().get("/").then().statusCode(200).extract().header(RequestIds.HEADER);
        String second = given().get("/no-such-page").then().statusCode(404).extract().header(RequestIds.HEADER);
        String asset = given().get("/css/app.css").then().extract().header(RequestIds.HEADER);
        for (String id : new String[] {first, second, asset}) {
            assertTrue(id != null && ID.matcher(id).matches(), "X-Request-Id " + id);
        }
        assertNotEquals(first, second);
    }

    @Test
    void anErrorPageShowsTheRequestIdAsItsIncidentNumber() {
        Response page = given().cookie("lang", "en").get("/test-only/fail");
        page.then().statusCode(500).contentType("text/html");
        String id = page.header(RequestIds.HEADER);
        assertTrue(page.asString().contains("incident " + id), page.asString());
        assertTrue(!page.asString().contains("a bug in a page"), "internal messages stay in the log");

        Response problem = given().get("/api/test-only/fail");
        problem.then().statusCode(500).contentType(ApiProblem.MEDIA_TYPE);
        assertEquals("Something went wrong on our side (incident " + problem.header(RequestIds.HEADER) + ")",
                problem.jsonPath().getString("detail"));
    }

    @Test
    void metricsCountRequestsPerRouteImportsAndCacheUse() {
        String name = "metrics" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "instructor-pass", Role.INSTRUCTOR, "en");
        String token = given().contentType("application/json").body(Map.of("username", name, "password", "instructor-pass"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        double importsBefore = sample(metrics(), "demodeck_imports_total", "format=\"gift\"", "outcome=\"previewed\"");
        for (int i = 0; i < 2; i++) { // the second request finds the verified token in the cache
            given().header("Authorization", "Bearer " + token)
                    .multiPart("file", "all-types.gift", Fixtures.bytes("gift/all-types.gift"))
                    .multiPart("deck", "metrics-dry").multiPart("language", "en")
                    .post("/api/v1/imports").then().statusCode(200);
        }
        given().header("Authorization", "Bearer " + token)
                .get("/api/v1/decks/goroutines-threads-processes/questions").then().statusCode(200);

        String text = metrics();
        assertEquals(importsBefore + 2, sample(text, "demodeck_imports_total", "format=\"gift\"", "outcome=\"previewed\""));
        // per route template, not per concrete path: a deck id never becomes a label value of its own
        assertTrue(sample(text, "http_server_requests_seconds_count", "uri=\"/api/v1/decks/{deck}/questions\"") >= 1, text);
        assertTrue(text.contains("http_server_requests_seconds_bucket{"), "latency histograms for p95 panels");
        assertTrue(sample(text, "cache_gets_total", "cache=\"verified-tokens\"", "result=\"hit\"") >= 1);
        assertTrue(text.contains("agroal_active_count"), "the connection pool");
        assertTrue(text.contains("jvm_memory_used_bytes"), "the JVM");
    }

    @Test
    void everyMeterOfTheGrafanaBoardIsExported() throws Exception {
        io.demodeck.api.ApiClient learner = io.demodeck.api.ApiClient.signUp();
        long question = learner.request().queryParam("deck", "goroutines-threads-processes").queryParam("limit", 1)
                .get("/api/v1/study/queue").then().statusCode(200).extract().jsonPath().getLong("items[0].card.questionId");
        double gradedBefore = sample(metrics(), "demodeck_reviews_graded_total", "origin=\"api\"");
        learner.request().body(Map.of("reviews", java.util.List.of(Map.of("clientReviewId", UUID.randomUUID().toString(),
                "questionId", question, "rating", 3, "reviewedAt", java.time.Instant.now().toString(), "durationMs", 4000))))
                .post("/api/v1/reviews").then().statusCode(200);
        String text = metrics();
        assertEquals(gradedBefore + 1, sample(text, "demodeck_reviews_graded_total", "origin=\"api\""));
        assertTrue(sample(text, "demodeck_study_queue_seconds_count", "") >= 1, "the queue's timer");

        // a panel whose metric the app does not export stays empty without anyone noticing
        String board = java.nio.file.Files.readString(java.nio.file.Path.of("docker", "grafana-dashboard.json"));
        Matcher names = Pattern.compile("\\b(demodeck_[a-z_]+?)(?:_bucket|_count|_sum)?\\b").matcher(board);
        java.util.Set<String> missing = new java.util.TreeSet<>();
        while (names.find()) {
            String name = names.group(1);
            // demo runs are counted per demo as they happen (DemoApiTest runs demos; a run here would take seconds)
            if (!name.startsWith("demodeck_demo_runs") && !text.contains("\n" + name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "on the board but not on /q/metrics: " + missing);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample of {@code name} whose labels contain every one of {@code labels}; 0 if none. */
    private static double sample(String text, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{(.*)})? (\\S+)$").matcher(text);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
