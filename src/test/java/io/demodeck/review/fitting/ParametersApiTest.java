package io.demodeck.review.fitting;

import io.agroal.api.AgroalDataSource;
import io.demodeck.api.ApiClient;
import io.demodeck.review.optimizer.SimulatedLogs;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ParametersApiTest {

    static final String BASE = "/api/v1/me/parameters";

    @Inject
    AgroalDataSource dataSource;

    static JsonPath waitUntilDone(ApiClient client, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath fit = client.request().get(BASE + "/optimize/" + id).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(fit.getString("status"))) {
                return fit;
            }
            double progress = fit.getDouble("progress");
            assertTrue(progress >= 0 && progress <= 1, "progress " + progress);
            Thread.sleep(200);
        }
        throw new AssertionError("fit " + id + " did not finish");
    }

    @Test
    void aLearnerFitsAppliesAndRestoresTheirParameters() throws Exception {
        ApiClient client = ApiClient.signUp();
        long userId = FitLogs.userId(dataSource, client.username());
        int answers = FitLogs.insert(dataSource, userId, SimulatedLogs.learnerTruth(), 5000, 21);

        JsonPath before = client.request().get(BASE).then().statusCode(200).extract().jsonPath();
        assertTrue(before.getBoolean("defaults"));
        assertEquals(answers, before.getLong("answers"));
        assertTrue(before.getBoolean("fitSuggested"), "over 1,000 answers and never fitted: a fit is suggested");
        assertFalse(before.getBoolean("canRestore"));

        Response started = client.request().post(BASE + "/optimize");
        assertEquals(202, started.statusCode(), started.asString());
        String id = started.jsonPath().getString("id");
        assertEquals(BASE + "/optimize/" + id, java.net.URI.create(started.header("Location")).getPath());

        JsonPath fit = waitUntilDone(client, id);
        assertEquals("done", fit.getString("status"), fit.prettify());
        assertEquals(1.0, fit.getDouble("progress"));
        assertEquals("FULL", fit.getString("kind"));
        assertEquals(answers, fit.getInt("answers"));
        assertTrue(fit.getDouble("current.logLoss") > 0 && fit.getDouble("fitted.logLoss") > 0);
        assertTrue(fit.getDouble("fitted.logLoss") < fit.getDouble("current.logLoss"),
                "a learner unlike the defaults: fitting predicts their later answers better");
        assertTrue(fit.getBoolean("recommended"));
        List<Float> fitted = fit.getList("fittedParameters");
        assertEquals(21, fitted.size());

        // someone else cannot see or apply it
        ApiClient stranger = ApiClient.signUp();
        stranger.request().get(BASE + "/optimize/" + id).then().statusCode(404);
        stranger.request().post(BASE + "/optimize/" + id + "/apply").then().statusCode(404);

        JsonPath applied = client.request().post(BASE + "/optimize/" + id + "/apply").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(applied.getBoolean("defaults"));
        assertEquals(fit.getList("fittedParameters"), applied.getList("parameters"));
        assertEquals("fit", applied.getString("history[0].source"));
        assertEquals(id, applied.getString("history[0].fitId"));
        assertFalse(applied.getBoolean("fitSuggested"), "no new answers since the fit");
        assertTrue(applied.getBoolean("canRestore"));
        // the scheduler uses it from now on: the settings carry the vector
        assertEquals(fit.getList("fittedParameters"),
                client.request().get("/api/v1/me/settings").then().statusCode(200).extract().jsonPath().getList("fsrsParameters"));

        client.request().post(BASE + "/optimize/" + id + "/apply").then().statusCode(409);
        client.request().post(BASE + "/optimize/" + id + "/keep").then().statusCode(409);

        JsonPath restored = client.request().post(BASE + "/restore").then().statusCode(200).extract().jsonPath();
        assertTrue(restored.getBoolean("defaults"), "back to the vector used before: the defaults");
        assertEquals("restore", restored.getString("history[0].source"));
        assertEquals(2, restored.getList("history").size());
        assertNotEquals(restored.getList("parameters"), fit.getList("fittedParameters"));
    }

    @Test
    void tooFewAnswersKeepTheDefaultsAndOfferNothing() throws Exception {
        ApiClient client = ApiClient.signUp();
        long userId = FitLogs.userId(dataSource, client.username());
        FitLogs.insert(dataSource, userId, SimulatedLogs.learnerTruth(), 12, 3);
        String id = client.request().post(BASE + "/optimize").then().statusCode(202).extract().jsonPath().getString("id");
        JsonPath fit = waitUntilDone(client, id);
        assertEquals("done", fit.getString("status"));
        assertEquals("DEFAULTS", fit.getString("kind"));
        assertFalse(fit.getBoolean("recommended"));
        client.request().post(BASE + "/optimize/" + id + "/apply").then().statusCode(409);
        JsonPath kept = client.request().post(BASE + "/optimize/" + id + "/keep").then().statusCode(200).extract().jsonPath();
        assertEquals("kept", kept.getString("decision"));
        client.request().post(BASE + "/restore").then().statusCode(409);
    }

    @Test
    void unknownOrMalformedFitIdsAreNotFound() {
        ApiClient client = ApiClient.signUp();
        Response unknown = client.request().get(BASE + "/optimize/" + UUID.randomUUID());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.contentType().startsWith("application/problem+json"), unknown.contentType());
        client.request().get(BASE + "/optimize/not-a-uuid").then().statusCode(404);
        assertNotNull(client.request().get(BASE).then().statusCode(200).extract().jsonPath().getList("parameters"));
    }
}
