package io.demodeck.demo;

import io.demodeck.testsupport.Slow;
import io.demodeck.api.ApiClient;
import io.demodeck.demo.child.DemoChild;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100 demo runs at once from one learner, through the API and the page form, with the result cache off: the gate
 * lets one run and answers the rest 429 at once (one run per client at a time; other clients would wait in
 * line, see DemoRulesTest), health keeps answering throughout, and afterwards no child
 * process and no extra platform thread is left. Speed is not asserted here; bench/demo-flood.sh measures it.
 */
@QuarkusTest
@TestProfile(DemoFloodTest.Flood.class)
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class DemoFloodTest {

    /**
     * Every request reaches the gate: no cached results, and the per-client quota is out of the way. No Go or C
     * build in the background either: it would start processes and threads while the flood is measured.
     */
    public static class Flood implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demodeck.demos.cache-seconds", "0",
                    "demodeck.demos.runs-per-minute", "100000",
                    "demodeck.demos.max-concurrent-runs", "1",
                    "demodeck.demos.go-command", "demodeck-no-such-go-command",
                    "demodeck.demos.c-compiler", "demodeck-no-such-c-compiler");
        }
    }

    private static final int FLOOD = 100;
    private static final String DEMO = "thread-anatomy";
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Platform threads that may outlive a flood for a while without being a leak: the virtual-thread scheduler
     * adds carrier threads while virtual threads block in pipe reads (the child's output) and retires them after
     * 30 s idle; the Quarkus worker pool (executor-thread-N), which runs the session look-ups of the page
     * requests and the health checks, grows under concurrent blocking work and shrinks after its 30 s
     * keep-alive. Both come back, so the check waits up to 40 s; the slack is for threads the JDK and libraries
     * start on their own schedule (common-pool workers, a cleaner). A thread kept per request would be about 100.
     */
    private static final int THREAD_SLACK = 4;

    @Inject
    DemoService demos;

    @TestHTTPResource("/")
    URL base;

    /** HTTP/1.1 as browsers speak it on plain http (the JDK client would otherwise upgrade to h2c). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(HEALTH_TIMEOUT).build();

    private record Answer(String via, int status, String retryAfter, String contentType, String body) {
    }

    @Test
    void theGateRunsOneAndRefusesTheRestWhileHealthKeepsAnswering() throws Exception {
        ApiClient learner = ApiClient.signUp();
        PageSession page = PageSession.of(learner.username(), uri("/demos/" + DEMO + "/runs"));

        // warm up every path once, so the baseline already has the threads a first run creates
        assertEquals(200, send(apiRun(learner)).statusCode());
        assertEquals(200, send(page.run()).statusCode());
        warmUpConnections();
        Set<Long> childrenBefore = childPids();
        long threadsBefore = platformThreads();
        Set<String> threadNamesBefore = platformThreadNames();

        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> healthNanos = Collections.synchronizedList(new ArrayList<>());
        List<String> healthFailures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger mostChildrenAtOnce = new AtomicInteger();
        CountDownLatch polling = new CountDownLatch(1);
        Thread poller = Thread.ofPlatform().name("health-poller").start(() -> {
            for (int i = 0; flooding.get(); i++, polling.countDown()) {
                String path = i % 2 == 0 ? "/q/health/live" : "/q/health/ready";
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).timeout(HEALTH_TIMEOUT).GET().build());
                    healthNanos.add(System.nanoTime() - start);
                    if (r.statusCode() != 200) {
                        healthFailures.add(path + " answered " + r.statusCode() + ": " + r.body());
                    }
                } catch (Exception e) {
                    healthFailures.add(path + ": " + e);
                }
            }
        });
        Thread childWatch = Thread.ofVirtual().start(() -> {
            while (flooding.get()) {
                long running = ProcessHandle.current().children()
                        .filter(p -> p.info().commandLine().orElse("").contains(DemoChild.class.getName())).count();
                mostChildrenAtOnce.accumulateAndGet((int) Math.max(running, demos.liveChildren()), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        List<Answer> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answer>> pending = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                boolean viaPage = i % 4 == 3; // a quarter through the page form the browser posts
                HttpRequest request = viaPage ? page.run() : apiRun(learner);
                pending.add(clients.submit(() -> {
                    go.await();
                    HttpResponse<String> r = send(request);
                    return new Answer(viaPage ? "page" : "api", r.statusCode(),
                            r.headers().firstValue("Retry-After").orElse(null),
                            r.headers().firstValue("Content-Type").orElse(""), r.body());
                }));
            }
            polling.await(); // health is being polled before the flood starts
            go.countDown();
            for (Future<Answer> f : pending) {
                answers.add(f.get());
            }
        }
        awaitNoChildJvm(); // the admitted run finishes; health is polled until then
        flooding.set(false);
        poller.join();
        childWatch.join();

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        List<Long> sorted = healthNanos.stream().sorted().toList();
        Log.infof("demo flood: %d requests -> %s; health: %d calls, p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "at most %d demo JVM(s) at once", FLOOD, byStatus, sorted.size(), percentile(sorted, 50),
                percentile(sorted, 99), percentile(sorted, 100), mostChildrenAtOnce.get());

        assertEquals(List.of(), answers.stream().filter(a -> a.status() != 200 && a.status() != 429)
                .map(a -> a.via() + " " + a.status() + " " + a.body()).toList(), "every run is 200 or 429");
        long ok = byStatus.getOrDefault(200, 0L);
        long refused = byStatus.getOrDefault(429, 0L);
        assertTrue(ok >= 1, "one run was admitted: " + byStatus);
        assertTrue(refused >= 1, "the concurrent excess was refused, not queued: " + byStatus);
        assertTrue(mostChildrenAtOnce.get() <= 1, "max-concurrent-runs=1, seen " + mostChildrenAtOnce.get());
        for (Answer a : answers) {
            if (a.status() == 429) {
                assertTrue(a.retryAfter() != null && a.retryAfter().matches("\\d+"), "Retry-After on " + a);
                if (a.via().equals("api")) {
                    assertTrue(a.contentType().startsWith("application/problem+json"), a.toString());
                    assertTrue(a.body().contains("\"status\":429") && a.body().contains("too-many-requests"), a.body());
                } else {
                    assertTrue(a.contentType().startsWith("text/html"), a.toString());
                }
            } else if (a.via().equals("api")) {
                assertTrue(a.body().contains("\"demoId\":\"" + DEMO + "\""), a.body());
            }
        }
        assertTrue(sorted.size() >= 2, "health was polled during the flood: " + sorted.size());
        assertEquals(List.of(), healthFailures, "health answered every call with 200 within " + HEALTH_TIMEOUT);

        Set<Long> leftChildren = new TreeSet<>(childPids());
        leftChildren.removeAll(childrenBefore);
        assertEquals(Set.of(), leftChildren, "child processes started by the flood and still alive");
        assertThreadsBackNear(threadsBefore, threadNamesBefore);
    }

    // --- requests -------------------------------------------------------------------------------------

    private HttpRequest apiRun(ApiClient learner) {
        return HttpRequest.newBuilder(uri("/api/v1/demos/" + DEMO + "/runs"))
                .header("Authorization", "Bearer " + learner.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"preset\":\"small\"}")).build();
    }

    /** A signed-in browser's cookies and CSRF token, so plain HTTP requests can post the demo form. */
    private record PageSession(String cookies, String csrf, URI target) {

        static PageSession of(String username, URI target) {
            Response login = new Browser().signIn(username, ApiClient.PASSWORD);
            String credential = login.getCookie(io.demodeck.account.SessionAuthentication.COOKIE);
            Response page = given().cookie(io.demodeck.account.SessionAuthentication.COOKIE, credential).get("/demos/" + DEMO);
            Matcher field = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
            assertTrue(field.find(), "the demo page carries a CSRF token");
            return new PageSession(io.demodeck.account.SessionAuthentication.COOKIE + "=" + credential + "; csrf-token=" + page.getCookie("csrf-token"),
                    field.group(1), target);
        }

        HttpRequest run() {
            return HttpRequest.newBuilder(target).header("Cookie", cookies)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf-token=" + csrf + "&preset=small")).build();
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + path);
    }

    /** A few parallel connections, so every Vert.x event loop and pool thread exists before the baseline. */
    private void warmUpConnections() throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String path = i % 2 == 0 ? "/q/health/live" : "/q/health/ready";
                calls.add(clients.submit(() -> send(HttpRequest.newBuilder(uri(path)).GET().build())));
            }
            for (var call : calls) {
                assertEquals(200, call.get().statusCode());
            }
        }
    }

    // --- what is left afterwards ----------------------------------------------------------------------

    private void awaitNoChildJvm() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (demos.liveChildren() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, demos.liveChildren(), "the admitted demo JVM finished");
    }

    /** The test JVM's direct children (the embedded PostgreSQL is one of them from the start). */
    private static Set<Long> childPids() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static Set<String> platformThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(t -> t.getName() + "#" + t.threadId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Waits up to 40 s (the carriers' 30 s keep-alive) for the count to come back within the slack. */
    private static void assertThreadsBackNear(long before, Set<String> namesBefore) throws InterruptedException {
        long start = System.nanoTime();
        long highest = platformThreads();
        while (platformThreads() > before + THREAD_SLACK && System.nanoTime() - start < Duration.ofSeconds(40).toNanos()) {
            highest = Math.max(highest, platformThreads());
            Thread.sleep(200);
        }
        Set<String> added = new TreeSet<>(platformThreadNames());
        added.removeAll(namesBefore);
        long after = platformThreads();
        Log.infof("platform threads: %d before the flood, %d right after, %d after %d ms; new since: %s", before, highest,
                after, (System.nanoTime() - start) / 1_000_000, added);
        assertTrue(after <= before + THREAD_SLACK, "platform threads " + before + " -> " + after + "; new: " + added);
    }

    private static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
    }
}
