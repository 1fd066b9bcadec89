package io.demodeck.demo;

import io.demodeck.testsupport.Slow;
import io.demodeck.bank.BankFiles;
import io.demodeck.bank.BankLoader;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.qute.Engine;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API and the HTML pages of the demos, end to end through the running app. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class DemoApiTest {

    @Inject
    DemoService service;

    @Inject
    BankLoader loader;

    @Inject
    Engine engine;

    @AfterAll
    static void noDemoProcessOutlivesTheRuns() {
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("io.demodeck.demo.child.DemoChild") || c.contains("/bin/true"))
                .toList();
        assertEquals(List.of(), left);
    }

    @Test
    void theListNamesEveryDemoWithTitlesAndPresetSizes() {
        given().get("/api/v1/demos").then().statusCode(200).contentType(ContentType.JSON)
                .body("$", hasSize(DemoCatalog.values().length))
                .body("id", hasItems("creation-cost", "os-threads", "footprint", "isolation", "data-race", "channels",
                        "carriers", "blocking", "thread-anatomy", "context-switch", "time-slicing", "throughput",
                        "crash-isolation", "structured-cancel", "limits"))
                .body("find { it.id == 'os-threads' }.title.ru", containsString("потоков ОС"))
                .body("find { it.id == 'os-threads' }.presets.id", equalTo(List.of("small", "medium", "large")))
                .body("find { it.id == 'os-threads' }.presets.find { it.id == 'large' }.sizes.platformThreads", equalTo(2000));
    }

    @Test
    void aRunReturnsTheMeasuredResultAndThenTheCachedOne() {
        Response first = given().contentType(ContentType.JSON).body("{\"preset\":\"small\"}")
                .post("/api/v1/demos/isolation/runs");
        first.then().statusCode(200)
                .body("demoId", equalTo("isolation"))
                .body("preset", equalTo("small"))
                .body("available", equalTo(true))
                .body("environment.cpus", notNullValue())
                .body("environment.childJvmFlags[0]", containsString("-Xmx512m"))
                .body("proof.en", containsString("pipe"))
                .body("proof.ru", containsString("канал"))
                .body("holds", equalTo(true))
                .body("claims.key", hasItems("threadShares", "processIsolated"))
                .body("claims.find { it.key == 'processIsolated' }.evidence.en", containsString("the parent still had 43"));
        long parentPid = first.jsonPath().getLong("rows.find { it.key == 'parent.pid' }.value");
        assertNotEquals(ProcessHandle.current().pid(), parentPid, "the parent is a child JVM of the server");
        assertEquals(parentPid, first.jsonPath().getLong("rows.find { it.key == 'child.ppid' }.value"));
        assertEquals(0, first.jsonPath().getInt("rows.find { it.key == 'child.saw' }.value"));

        Response second = given().contentType(ContentType.JSON).body("{\"preset\":\"small\"}")
                .post("/api/v1/demos/isolation/runs");
        second.then().statusCode(200).body("cached", equalTo(true));
        assertEquals(Instant.parse(first.jsonPath().getString("measuredAt")),
                Instant.parse(second.jsonPath().getString("measuredAt")));
        assertEquals(0, service.liveChildren());
    }

    @Test
    void unknownDemosPresetsAndFieldsAreRefusedWithAProblem() {
        given().contentType(ContentType.JSON).body("{\"preset\":\"small\"}").post("/api/v1/demos/no-such-demo/runs")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().contentType(ContentType.JSON).body("{\"preset\":\"huge\"}").post("/api/v1/demos/os-threads/runs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("preset must be one of small, medium, large"));
        given().contentType(ContentType.JSON).body("{\"preset\":\"large\",\"platformThreads\":100000}")
                .post("/api/v1/demos/os-threads/runs")
                .then().statusCode(400).body("detail", containsString("Unknown field 'platformThreads'"))
                .body("detail", containsString("small, medium, large"));
        given().contentType(ContentType.JSON).body("{\"preset\":").post("/api/v1/demos/os-threads/runs")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRunWaitsInLineShowingItsPositionAndASecondRunOfTheSameClientIs429() throws Exception {
        List<RunGate.Permit> held = new java.util.ArrayList<>();
        for (int i = 0; i < service.gate().slots(); i++) {
            held.add(service.gate().occupy()); // every slot busy
        }
        java.util.concurrent.CompletableFuture<Response> waiting;
        try {
            given().get("/api/v1/demos/queue").then().statusCode(200).body("state", equalTo("none"));
            waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body("{\"preset\":\"small\"}").post("/api/v1/demos/limits/runs"));
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (!"waiting".equals(given().get("/api/v1/demos/queue").jsonPath().getString("state"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            given().get("/api/v1/demos/queue").then().statusCode(200)
                    .body("state", equalTo("waiting")).body("position", equalTo(1));
            given().get("/demos/queue").then().statusCode(200).contentType(containsString("application/json"))
                    .body("state", equalTo("waiting"));
            // the same client (the same address, anonymous) may not start a second run meanwhile
            given().contentType(ContentType.JSON).body("{\"preset\":\"medium\"}").post("/api/v1/demos/channels/runs")
                    .then().statusCode(429).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("detail", containsString("one run at a time"));
            Browser browser = new Browser();
            browser.open("/demos/channels");
            browser.submit("/demos/channels/runs", "preset", "medium")
                    .then().statusCode(429).contentType(containsString("text/html")).header("Retry-After", notNullValue());
            assertTrue(!waiting.isDone(), "the run waits while every slot is busy");
        } finally {
            held.forEach(RunGate.Permit::close);
        }
        waiting.get(60, java.util.concurrent.TimeUnit.SECONDS).then().statusCode(200).body("demoId", equalTo("limits"));
        given().get("/api/v1/demos/queue").then().statusCode(200).body("state", equalTo("none"));
    }

    @Test
    void theDemoPagesWorkWithoutJavaScriptAndShowTheResult() {
        given().cookie("lang", "en").get("/demos").then().statusCode(200)
                .body(containsString("href=\"/demos/thread-anatomy\""))
                .body(containsString("href=\"/demos\""));
        Browser browser = new Browser();
        browser.open("/demos/thread-anatomy").then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/demos/thread-anatomy/runs\""))
                .body(containsString("name=\"preset\" value=\"small\""))
                .body(containsString("name=\"csrf-token\""));
        browser.submit("/demos/thread-anatomy/runs", "preset", "small").then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<table>"))
                .body(containsString("class=\"demo-proof\""))
                .body(containsString("class=\"demo-claims\""))
                .body(anyOf(containsString("holds on this machine"), containsString("выполняется на этой машине")))
                .body(anyOf(containsString("one process, one heap"), containsString("процесс и куча общие")));
        browser.submit("/demos/thread-anatomy/runs", "preset", "giant").then()
                .statusCode(400).contentType(containsString("text/html"))
                .body(containsString("preset must be one of small, medium, large"));
        given().get("/demos/no-such-demo").then().statusCode(404);
        given().cookie("lang", "ru").get("/demos/thread-anatomy").then().statusCode(200)
                .body(containsString("Анатомия потока"));
    }

    @Test
    void resultsAreHtmlEscapedOnThePage() {
        DemoResult hostile = new DemoResult("isolation", DemoCatalog.ISOLATION.titles(), "small", Map.of(), true,
                List.of(new DemoResult.Row("x", new Text("<b>ru</b>", "<script>alert('label')</script>"),
                        "<img src=x onerror=alert(1)>", "")),
                List.of(), new Text("<i>ru</i>", "<script>alert('proof')</script>"),
                List.of(new DemoResult.Claim("c", new Text("<b>c</b>", "<script>alert('claim')</script>"), false,
                        new Text("1", "<img src=y onerror=alert(2)>"))),
                DemoMeasurements.environment(List.of("<flag>")), Instant.now(), 1, false, null);
        String html = engine.getTemplate("tags/demoResult").data("result", DemoViews.result(hostile, "en")).render();
        assertTrue(!html.contains("<script>alert") && !html.contains("<img src=x") && !html.contains("<img src=y"), html);
        assertTrue(html.contains("does not hold on this machine"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;proof&#39;)&lt;/script&gt;")
                || html.contains("&lt;script&gt;alert('proof')&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
    }

    @Test
    void aQuestionWithDemosLinksThemAndLoadsTheRunButtonScript(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("demo-deck.md"), """
                # deck: demo-link-deck
                title.en: Demo links
                language: en

                ## q-isolated
                type: flashcard
                demos: isolation, os-threads

                ### en: prompt
                Why can't a process see another process's memory?

                ### en: answer
                Each process has its own address space.

                ### en: key points
                - own address space
                - needs IPC
                """);
        var reports = loader.load(BankFiles.fromDirectory(dir));
        assertEquals(List.of(), reports.get(0).problems());
        given().cookie("lang", "en").get("/decks/demo-link-deck/questions/q-isolated").then().statusCode(200)
                .body(containsString("data-demo-id=\"isolation\""))
                .body(containsString("href=\"/demos/isolation\""))
                .body(containsString("<script src=\"/js/demo-panel.js\" defer></script>"));
        given().get("/js/demo-panel.js").then().statusCode(200)
                .body(containsString("/api/v1/demos/"))
                .body(containsString("aria-live"))
                .body(not(containsString("innerHTML")));
    }
}
