package io.demodeck.api;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ApiContractTest {

    @Test
    void everyApiOperationIsDescribedWithAnErrorResponseAndPagesAreLeftOut() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertTrue(paths.keySet().containsAll(List.of("/api/v1/auth/token", "/api/v1/reviews", "/api/v1/study/queue",
                "/api/v1/cards/changes", "/api/v1/me/settings", "/api/v1/decks/{deck}/questions")), paths.keySet()::toString);
        List<String> problems = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                problems.add(path + " is not part of the API");
            }
            item.forEach((method, value) -> {
                if (!(value instanceof Map<?, ?> operation) || !path.startsWith("/api/v1")) {
                    return;
                }
                Object description = operation.get("description");
                if (description == null || description.toString().isBlank()) {
                    problems.add(method + " " + path + " has no description");
                }
                Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
                if (responses == null || responses.keySet().stream().noneMatch(code -> code.toString().startsWith("4"))) {
                    problems.add(method + " " + path + " declares no 4xx response");
                }
            });
        });
        assertEquals(List.of(), problems);
        assertEquals("bearer", doc.getString("components.securitySchemes.SecurityScheme.scheme"));
        assertFalse(doc.getList("paths.'/api/v1/me/settings'.get.security").isEmpty(), "settings need the bearer token");
    }

    @Test
    void theSharedProblemResponsesAreAddedToEveryOperationThatCanGiveThem() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        String problem = "'application/problem+json'";
        // secured: 401 and 403
        for (String op : List.of("paths.'/api/v1/study/queue'.get", "paths.'/api/v1/admin/users'.get",
                "paths.'/api/v1/reviews'.post")) {
            for (String code : List.of("401", "403")) {
                assertEquals("#/components/schemas/ApiProblem",
                        doc.getString(op + ".responses.'" + code + "'.content." + problem + ".schema.$ref"), op + " " + code);
            }
        }
        // an operation with a body: 422 and 413; with query parameters only: 422
        assertNotNull(doc.get("paths.'/api/v1/reviews'.post.responses.'422'.content." + problem), "reviews 422");
        assertNotNull(doc.get("paths.'/api/v1/reviews'.post.responses.'413'.content." + problem), "reviews 413");
        assertNotNull(doc.get("paths.'/api/v1/cards/changes'.get.responses.'422'.content." + problem), "changes 422");
        // the auth operations: 429, and no 401/403 where no token is needed
        for (String op : List.of("paths.'/api/v1/auth/token'.post", "paths.'/api/v1/auth/refresh'.post")) {
            assertNotNull(doc.get(op + ".responses.'429'.content." + problem), op + " 429");
        }
        assertNull(doc.get("paths.'/api/v1/study/queue'.get.responses.'429'"), "no 429 outside /api/v1/auth");
        assertEquals("No valid access token (Authorization: Bearer <token>)",
                doc.getString("paths.'/api/v1/study/queue'.get.responses.'401'.description"));
        // a response an operation declares itself keeps its meaning
        assertEquals("No such deck", doc.getString("paths.'/api/v1/study/queue'.get.responses.'404'.description"));
        assertEquals("The account is disabled", doc.getString("paths.'/api/v1/auth/token'.post.responses.'403'.description"));
        assertNotNull(doc.get("components.schemas.ApiProblem"), "the problem schema the shared responses name");
    }

    @Test
    void theDocumentIsValidOpenApi3() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        var result = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(json, null, null);
        assertEquals(List.of(), result.getMessages());
        assertTrue(result.getOpenAPI().getOpenapi().startsWith("3."));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void everyProtectedEndpointAnswersAMissingTokenWithAProblem() {
        for (String path : List.of("/api/v1/decks", "/api/v1/decks/goroutines-threads-processes/questions",
                "/api/v1/study/queue?deck=goroutines-threads-processes", "/api/v1/cards/1", "/api/v1/cards/changes",
                "/api/v1/me/settings", "/api/v1/me/stats", "/api/v1/me/reviews.csv")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
        given().contentType("application/json").body("{\"reviews\":[]}").post("/api/v1/reviews").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{}").put("/api/v1/me/settings").then().statusCode(401);
    }

    @Test
    void deckQuestionsComeInPagesWithETags() {
        ApiClient client = ApiClient.signUp();
        client.request().header("Accept-Language", "en").get("/api/v1/decks").then().statusCode(200)
                .body("find { it.externalId == 'goroutines-threads-processes' }.title", containsString("Goroutines"));
        var first = client.request().queryParam("limit", 10).queryParam("lang", "en")
                .get("/api/v1/decks/goroutines-threads-processes/questions").then().statusCode(200)
                .header("ETag", notNullValue()).body("items", hasSize(10)).body("items[0].answerHtml", notNullValue())
                .extract();
        String etag = first.header("ETag");
        client.request().queryParam("limit", 10).queryParam("lang", "en").header("If-None-Match", etag)
                .get("/api/v1/decks/goroutines-threads-processes/questions").then().statusCode(304);
        client.request().queryParam("limit", 10).queryParam("lang", "ru").header("If-None-Match", etag)
                .get("/api/v1/decks/goroutines-threads-processes/questions").then().statusCode(200);

        List<Object> seen = new ArrayList<>(first.jsonPath().getList("items.id"));
        String cursor = first.jsonPath().getString("nextCursor");
        while (cursor != null) {
            JsonPath page = client.request().queryParam("limit", 10).queryParam("cursor", cursor)
                    .get("/api/v1/decks/goroutines-threads-processes/questions").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        }
        assertEquals(seen.size(), seen.stream().distinct().count());
        client.request().get("/api/v1/decks").then().body("find { it.externalId == 'goroutines-threads-processes' }.questionCount",
                equalTo(seen.size()));
        client.request().queryParam("cursor", "bm90LWEtbnVtYmVy").get("/api/v1/decks/goroutines-threads-processes/questions")
                .then().statusCode(400).contentType("application/problem+json");
        client.request().get("/api/v1/decks/no-such-deck/questions").then().statusCode(404);
        client.request().queryParam("limit", 0).get("/api/v1/decks/goroutines-threads-processes/questions")
                .then().statusCode(422).body("errors[0].field", equalTo("limit"));
    }
}
