import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client of bench/demo-flood.sh. Every round fires N demo runs at once (three quarters through
 * POST /api/v1/demos/{id}/runs with a learner's bearer token, a quarter through the page form with a signed-in
 * session and its CSRF token) while two threads poll /q/health/live and /q/health/ready back to back; the round
 * ends when the admitted demo JVM has exited. Prints the figures as Markdown.
 * Run: java bench/DemoFlood.java warmup PORT APP_PID | flood PORT APP_PID N ROUNDS
 */
public class DemoFlood {

    static final String DEMO = "thread-anatomy";
    static final String USER = "bench-flood";
    static final String PASSWORD = "bench-flood-password";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String CHILD_CLASS = "io.demodeck.demo.child.DemoChild";

    final String base;
    final long appPid;
    // HTTP/1.1 as browsers and curl speak it on plain http (the JDK client would otherwise upgrade to h2c)
    final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(TIMEOUT).build();
    final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).cookieHandler(new CookieManager())
            .connectTimeout(TIMEOUT).build();
    String token;
    String csrf;

    DemoFlood(int port, long appPid) {
        this.base = "http://127.0.0.1:" + port;
        this.appPid = appPid;
    }

    public static void main(String[] args) throws Exception {
        DemoFlood flood = new DemoFlood(Integer.parseInt(args[1]), Long.parseLong(args[2]));
        flood.signIn();
        if (args[0].equals("warmup")) {
            flood.warmUp();
        } else {
            flood.flood(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        }
    }

    /** A learner account (created on first use), a bearer token, a browser session and its CSRF token. */
    void signIn() throws Exception {
        send(api, post("/api/v1/auth/register", "application/json",
                "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\",\"language\":\"en\"}"));
        HttpResponse<String> tokens = send(api, post("/api/v1/auth/token", "application/json",
                "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"));
        token = field(tokens.body(), "\"accessToken\":\"([^\"]+)\"");
        String loginCsrf = field(send(browser, get("/login")).body(), "name=\"csrf-token\" value=\"([^\"]+)\"");
        HttpResponse<String> login = send(browser, post("/login", "application/x-www-form-urlencoded",
                "csrf-token=" + URLEncoder.encode(loginCsrf, StandardCharsets.UTF_8) + "&username=" + USER + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)));
        if (login.statusCode() != 303 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("form sign-in failed: " + login.statusCode() + " " + login.headers().map());
        }
        csrf = field(send(browser, get("/demos/" + DEMO)).body(), "name=\"csrf-token\" value=\"([^\"]+)\"");
    }

    /** One run of each kind, so the threads a first run creates exist before the baseline is taken. */
    void warmUp() throws Exception {
        for (HttpResponse<String> r : List.of(send(api, apiRun()), send(browser, pageRun()))) {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("warm-up run answered " + r.statusCode() + ": " + r.body());
            }
        }
        awaitNoDemoChild();
        for (int i = 0; i < 200; i++) {
            send(api, get(i % 2 == 0 ? "/q/health/live" : "/q/health/ready"));
        }
    }

    void flood(int n, int rounds) throws Exception {
        Map<String, List<Long>> idle = pollHealth(() -> sleep(5_000), new ArrayList<>());
        // the first round runs the refusal path on cold code in the app and in this client: reported apart
        Rounds first = new Rounds();
        first.run(n);
        Rounds measured = new Rounds();
        long floodStart = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            measured.run(n);
        }
        double seconds = (System.nanoTime() - floodStart) / 1e9;

        System.out.printf("| flood | %d rounds × %d concurrent runs (%d via the API, %d via the page form), %.1f s in all, "
                + "after one first round |%n", rounds, n, n - n / 4, n / 4, seconds);
        System.out.printf("| answers | %s |%n", answers(measured.statuses));
        System.out.printf("| 429 without Retry-After, or from the API without problem+json | %d%s |%n",
                measured.malformed.size(), measured.malformed.isEmpty() ? "" : ": " + measured.malformed.getFirst());
        System.out.printf("| time to a 429 (p50 / p99 / max) | %s |%n", stats(measured.refused));
        System.out.printf("| time to a 200, an admitted run (p50 / p99 / max) | %s |%n", stats(measured.admitted));
        System.out.printf("| health calls that failed or were not 200 | %d%s |%n", measured.healthFailures.size(),
                measured.healthFailures.isEmpty() ? "" : ": " + measured.healthFailures.getFirst());
        System.out.printf("| **health during the flood, both (p50 / p99 / max)** | **%s** (%d calls) |%n",
                stats(measured.health()), measured.health().size());
        for (String name : List.of("live", "ready")) {
            System.out.printf("| /q/health/%s during the flood | %s (%d calls) |%n", name,
                    stats(measured.health.get(name)), measured.health.get(name).size());
        }
        List<Long> idleAll = new ArrayList<>(idle.get("live"));
        idleAll.addAll(idle.get("ready"));
        System.out.printf("| health idle, 5 s before the flood (p50 / p99 / max) | %s (%d calls) |%n", stats(idleAll),
                idleAll.size());
        System.out.printf("| first round after start: answers; time to a 429; health (p50 / p99 / max) | %s; %s; %s |%n",
                answers(first.statuses), stats(first.refused), stats(first.health()));
        System.out.printf("| requests this client sent | %d runs, %d health calls |%n", (rounds + 1) * n,
                idleAll.size() + first.health().size() + measured.health().size());
    }

    /** "8 × 200, 492 × 429" */
    static String answers(Map<Integer, Integer> statuses) {
        return statuses.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    /** What a number of rounds saw: answers, their latencies, health latencies. */
    class Rounds {
        final Map<String, List<Long>> health = Map.of("live", Collections.synchronizedList(new ArrayList<>()),
                "ready", Collections.synchronizedList(new ArrayList<>()));
        final List<String> healthFailures = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<Long> refused = new ArrayList<>();
        final List<Long> admitted = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        /** One round: N runs at once, health polled until the admitted demo JVM has exited. */
        void run(int n) throws Exception {
            List<Result> results = new ArrayList<>();
            pollHealth(() -> {
                results.addAll(oneRound(n));
                awaitNoDemoChild();
            }, healthFailures).forEach((k, v) -> health.get(k).addAll(v));
            for (Result r : results) {
                statuses.merge(r.status, 1, Integer::sum);
                (r.status == 429 ? refused : admitted).add(r.nanos);
                if (r.status == 429 && (r.retryAfter == null
                        || (r.viaApi && !r.contentType.startsWith("application/problem+json")))) {
                    malformed.add(r.toString());
                }
            }
            sleep(1_000);
        }

        List<Long> health() {
            List<Long> all = new ArrayList<>(health.get("live"));
            all.addAll(health.get("ready"));
            return all;
        }
    }

    record Result(boolean viaApi, int status, String retryAfter, String contentType, long nanos) {
    }

    /** N runs released at the same instant from virtual threads. */
    List<Result> oneRound(int n) {
        CountDownLatch go = new CountDownLatch(1);
        List<Result> results = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Result>> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean viaApi = i % 4 != 3;
                pending.add(clients.submit(() -> {
                    go.await();
                    long start = System.nanoTime();
                    HttpResponse<String> r = viaApi ? send(api, apiRun()) : send(browser, pageRun());
                    return new Result(viaApi, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                            r.headers().firstValue("Content-Type").orElse(""), System.nanoTime() - start);
                }));
            }
            go.countDown();
            for (Future<Result> f : pending) {
                results.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return results;
    }

    interface Work {
        void run() throws Exception;
    }

    /** Polls both health endpoints back to back, one thread each, while {@code during} runs. */
    Map<String, List<Long>> pollHealth(Work during, List<String> failures) throws Exception {
        AtomicBoolean polling = new AtomicBoolean(true);
        Map<String, List<Long>> nanos = new TreeMap<>();
        List<Thread> pollers = new ArrayList<>();
        for (String name : List.of("live", "ready")) {
            List<Long> samples = Collections.synchronizedList(new ArrayList<>());
            nanos.put(name, samples);
            pollers.add(Thread.ofPlatform().name("poll-" + name).start(() -> {
                while (polling.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = send(api, get("/q/health/" + name));
                        samples.add(System.nanoTime() - start);
                        if (r.statusCode() != 200) {
                            failures.add(name + " " + r.statusCode());
                        }
                    } catch (Exception e) {
                        failures.add(name + " " + e);
                    }
                }
            }));
        }
        try {
            during.run();
        } finally {
            polling.set(false);
            for (Thread t : pollers) {
                t.join();
            }
        }
        return nanos;
    }

    void awaitNoDemoChild() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean running = ProcessHandle.of(appPid).orElseThrow().children()
                    .anyMatch(p -> p.info().commandLine().orElse("").contains(CHILD_CLASS));
            if (!running) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException("a demo JVM still runs after 60 s");
    }

    HttpRequest apiRun() {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/demos/" + DEMO + "/runs")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"preset\":\"small\"}")).build();
    }

    HttpRequest pageRun() {
        return post("/demos/" + DEMO + "/runs", "application/x-www-form-urlencoded",
                "csrf-token=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&preset=small");
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
    }

    HttpRequest post(String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String field(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "p50 / p99 / max" in milliseconds. */
    static String stats(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "n/a";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("%.1f / %.1f / %.1f ms", at(sorted, 50), at(sorted, 99), at(sorted, 100));
    }

    static double at(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
