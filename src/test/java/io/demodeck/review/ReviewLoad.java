package io.demodeck.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Learners studying through the HTTP API the way the phone app does (fetch the queue, answer, resend what was not
 * confirmed), many loops at once, and a ledger of every answer the server acknowledged: status APPLIED or
 * DUPLICATE in a 200 response. {@link #verify} then holds the database to that ledger.
 */
final class ReviewLoad {

    static final String DECK = "goroutines-threads-processes";
    private static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A signed-in learner; {@code questions} are the ones its queue has shown, {@code retry} the answers to resend. */
    record Learner(long id, String username, String accessToken, List<Long> questions, Queue<Answer> retry,
                   List<Answer> sent) {
        @Override
        public String toString() {
            return "user " + id;
        }
    }

    record Answer(Learner learner, UUID clientReviewId, long questionId, int rating, String reviewedAt) {
        @Override
        public String toString() {
            return clientReviewId + " (" + learner + ", question " + questionId + ", rating " + rating + ", at "
                    + reviewedAt + ")";
        }
    }

    /** What the load exercised, for the CI log. */
    record Counts(int requests, int answersSent, int acknowledged, int resends, int bothInstances, int retries,
                  int failedRequests, long queueMillis, long reviewsMillis) {
        @Override
        public String toString() {
            return requests + " requests (mean " + queueMillis + " ms for GET queue, " + reviewsMillis
                    + " ms for POST reviews), " + answersSent + " answers sent, " + acknowledged + " acknowledged, "
                    + resends + " resends of earlier answers, " + bothInstances + " sent to both instances at once, "
                    + retries + " RETRY results, " + failedRequests + " failed requests";
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final List<Learner> learners;
    private final Map<UUID, Answer> sent = new ConcurrentHashMap<>();
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> applied = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger resends = new AtomicInteger();
    private final AtomicInteger bothInstances = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();
    private final LongAdder queueNanos = new LongAdder();
    private final LongAdder queueCalls = new LongAdder();
    private final LongAdder reviewsNanos = new LongAdder();
    private final LongAdder reviewsCalls = new LongAdder();

    private ReviewLoad(List<Learner> learners) {
        this.learners = learners;
    }

    /** Registers and signs in {@code count} learners at once, alternating over the given instances. */
    static ReviewLoad signUp(List<URI> instances, int count) throws Exception {
        ReviewLoad load = new ReviewLoad(new ArrayList<>());
        try (var signUps = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Learner>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                URI app = instances.get(i % instances.size());
                pending.add(signUps.submit(() -> load.register(app)));
            }
            for (Future<Learner> learner : pending) {
                load.learners.add(learner.get());
            }
        }
        return load;
    }

    private Learner register(URI app) throws IOException, InterruptedException {
        String username = "load" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ObjectNode account = JSON.createObjectNode().put("username", username).put("password", PASSWORD)
                .put("language", "en");
        JsonNode created = expect(201, post(app, "/api/v1/auth/register", null, account));
        JsonNode tokens = expect(200, post(app, "/api/v1/auth/token", null,
                JSON.createObjectNode().put("username", username).put("password", PASSWORD)));
        return new Learner(created.get("id").asLong(), username, tokens.get("accessToken").asText(),
                new CopyOnWriteArrayList<>(), new ConcurrentLinkedQueue<>(), new CopyOnWriteArrayList<>());
    }

    List<Long> userIds() {
        return learners.stream().map(Learner::id).toList();
    }

    /** Loops answering until {@link Running#stop}; each request goes to one of {@code instances} at random. */
    final class Running {
        private volatile boolean stopped;
        private final List<Thread> loops = new ArrayList<>();

        private Running(List<URI> instances, int loopsPerLearner) {
            for (Learner learner : learners) {
                for (int i = 0; i < loopsPerLearner; i++) {
                    loops.add(Thread.ofVirtual().name("load-" + learner.username() + "-" + i)
                            .start(() -> study(learner, instances)));
                }
            }
        }

        private void study(Learner learner, List<URI> instances) {
            while (!stopped) {
                try {
                    answerOnce(learner, instances);
                } catch (IOException e) {
                    failedRequests.incrementAndGet(); // not acknowledged: the client resends it later
                    try {
                        Thread.sleep(100); // and waits a little before it tries again, as a phone would
                    } catch (InterruptedException stop) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    unexpected.add("the client failed on a response: " + e); // e.g. a result missing
                }
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread loop : loops) {
                loop.join(Duration.ofMinutes(1));
            }
        }
    }

    Running start(List<URI> instances, int loopsPerLearner) {
        return new Running(instances, loopsPerLearner);
    }

    void runFor(Duration duration, List<URI> instances, int loopsPerLearner) throws InterruptedException {
        Running running = start(instances, loopsPerLearner);
        Thread.sleep(duration);
        running.stop();
    }

    /**
     * One study step: the queue's next cards get fresh answers, sometimes with an earlier answer resent. With two
     * instances the batch sometimes goes to both at once, or two different answers for the same card do.
     */
    private void answerOnce(Learner learner, List<URI> instances) throws IOException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        URI app = instances.get(random.nextInt(instances.size()));
        List<Long> next = queue(app, learner, 1 + random.nextInt(3));
        if (next.isEmpty() && !learner.questions().isEmpty()) {
            // nothing due: answer one the learner has seen anyway, as an offline session would
            next = List.of(learner.questions().get(random.nextInt(learner.questions().size())));
        }
        Map<UUID, Answer> batch = new LinkedHashMap<>();
        for (long question : next) {
            Answer a = newAnswer(learner, question);
            batch.put(a.clientReviewId(), a);
        }
        for (Answer a; batch.size() < 6 && (a = learner.retry().poll()) != null; ) {
            batch.put(a.clientReviewId(), a);
        }
        if (!learner.sent().isEmpty() && random.nextInt(5) == 0) {
            Answer earlier = learner.sent().get(random.nextInt(learner.sent().size()));
            if (batch.putIfAbsent(earlier.clientReviewId(), earlier) == null) {
                resends.incrementAndGet();
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        int mode = instances.size() < 2 ? 0 : random.nextInt(5);
        if (mode < 3) {
            submit(app, learner, List.copyOf(batch.values()));
        } else if (mode == 3) {
            // the same answers to both instances at the same moment: one applies, the other reports DUPLICATE
            bothInstances.incrementAndGet();
            List<Answer> same = List.copyOf(batch.values());
            concurrently(() -> submit(instances.get(0), learner, same), () -> submit(instances.get(1), learner, same));
        } else {
            // two different answers for the same card, one on each instance, at the same moment
            bothInstances.incrementAndGet();
            long question = next.isEmpty() ? batch.values().iterator().next().questionId() : next.getFirst();
            Answer first = newAnswer(learner, question);
            Answer second = newAnswer(learner, question);
            concurrently(() -> submit(instances.get(0), learner, List.of(first)),
                    () -> submit(instances.get(1), learner, List.of(second)));
            submit(app, learner, List.copyOf(batch.values()));
        }
    }

    private Answer newAnswer(Learner learner, long question) {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return new Answer(learner, UUID.randomUUID(), question, 1 + ThreadLocalRandom.current().nextInt(4), now);
    }

    private interface Call {
        void run() throws IOException, InterruptedException;
    }

    private static void concurrently(Call a, Call b) throws IOException, InterruptedException {
        Exception[] failure = new Exception[1];
        Thread other = Thread.ofVirtual().start(() -> {
            try {
                b.run();
            } catch (IOException | RuntimeException e) {
                failure[0] = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            a.run();
        } finally {
            other.join();
        }
        if (failure[0] instanceof IOException e) {
            throw e;
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
    }

    private List<Long> queue(URI app, Learner learner, int limit) throws IOException, InterruptedException {
        requests.incrementAndGet();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        app.resolve("/api/v1/study/queue?deck=" + DECK + "&limit=" + limit))
                .header("Authorization", "Bearer " + learner.accessToken()).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        queueNanos.add(System.nanoTime() - start);
        queueCalls.increment();
        if (response.statusCode() != 200) {
            unexpected.add("GET queue on " + app + " -> " + response.statusCode() + " " + response.body());
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : JSON.readTree(response.body()).get("items")) {
            long id = item.get("question").get("id").asLong();
            ids.add(id);
            if (!learner.questions().contains(id)) {
                learner.questions().add(id);
            }
        }
        return ids;
    }

    /** Sends a batch; records what the server acknowledged and queues RETRY answers to be sent again. */
    private void submit(URI app, Learner learner, List<Answer> batch) throws IOException, InterruptedException {
        ArrayNode reviews = JSON.createArrayNode();
        for (Answer a : batch) {
            if (sent.putIfAbsent(a.clientReviewId(), a) == null) {
                learner.sent().add(a);
            }
            reviews.addObject().put("clientReviewId", a.clientReviewId().toString()).put("questionId", a.questionId())
                    .put("rating", a.rating()).put("reviewedAt", a.reviewedAt()).put("durationMs", 1500);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = post(app, "/api/v1/reviews", learner,
                JSON.createObjectNode().set("reviews", reviews));
        reviewsNanos.add(System.nanoTime() - start);
        reviewsCalls.increment();
        if (response.statusCode() != 200) {
            unexpected.add("POST reviews on " + app + " -> " + response.statusCode() + " " + response.body());
            return;
        }
        JsonNode results = JSON.readTree(response.body()).get("results");
        for (int i = 0; i < batch.size(); i++) {
            Answer a = batch.get(i);
            JsonNode r = results.get(i);
            String status = r.get("status").asText();
            if (!a.clientReviewId().toString().equals(r.get("clientReviewId").asText())) {
                unexpected.add("result " + i + " is for " + r.get("clientReviewId") + ", sent " + a.clientReviewId());
            } else if (status.equals("APPLIED") || status.equals("DUPLICATE")) {
                acknowledged.add(a.clientReviewId());
                if (status.equals("APPLIED")) {
                    applied.computeIfAbsent(a.clientReviewId(), k -> new AtomicInteger()).incrementAndGet();
                }
            } else if (status.equals("RETRY")) {
                retries.incrementAndGet();
                learner.retry().add(a);
            } else {
                unexpected.add("answer " + a + " -> " + r);
            }
        }
    }

    /**
     * What resending the unacknowledged answers found: {@code lost} were not in the log (APPLIED now),
     * {@code alreadyApplied} had been applied but their response never arrived (DUPLICATE now).
     */
    record Resent(int answers, int lost, int alreadyApplied) {
    }

    /** What the phone does when it is back online: resends every answer it has no acknowledgement for, until each lands. */
    Resent resendUnacknowledged(List<URI> instances) throws IOException, InterruptedException {
        List<Answer> missing = unacknowledged();
        for (int round = 0; round < 20 && !unacknowledged().isEmpty(); round++) {
            List<Answer> open = unacknowledged();
            for (Learner learner : learners) {
                learner.retry().clear(); // resent right here
                List<Answer> mine = open.stream().filter(a -> a.learner() == learner).toList();
                for (int from = 0; from < mine.size(); from += 100) {
                    List<Answer> batch = mine.subList(from, Math.min(mine.size(), from + 100));
                    submit(instances.get(round % instances.size()), learner, batch);
                }
            }
        }
        int lost = (int) missing.stream().filter(a -> applied.containsKey(a.clientReviewId())).count();
        int landed = (int) missing.stream().filter(a -> acknowledged.contains(a.clientReviewId())).count();
        return new Resent(missing.size(), lost, landed - lost);
    }

    /** Answers sent but never acknowledged (lost in a crash or still to be retried). */
    List<Answer> unacknowledged() {
        return sent.values().stream().filter(a -> !acknowledged.contains(a.clientReviewId())).toList();
    }

    Counts counts() {
        return new Counts(requests.get(), sent.size(), acknowledged.size(), resends.get(), bothInstances.get(),
                retries.get(), failedRequests.get(), meanMillis(queueNanos, queueCalls),
                meanMillis(reviewsNanos, reviewsCalls));
    }

    private static long meanMillis(LongAdder nanos, LongAdder calls) {
        return calls.sum() == 0 ? 0 : nanos.sum() / calls.sum() / 1_000_000;
    }

    /** Non-200 responses and answers the server refused. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /**
     * The database against the ledger: every acknowledged answer is in review_log exactly once, in effect, with the
     * card, rating and time the client sent; the log holds nothing no client sent; the server never answered
     * APPLIED twice for one answer. Returns the problems found.
     */
    List<String> verify(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        applied.forEach((id, times) -> {
            if (times.get() > 1) {
                problems.add("answer " + id + " reported APPLIED " + times.get() + " times");
            }
        });
        Map<UUID, Integer> copies = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select r.user_id, r.client_review_id, c.question_id, r.rating, r.reviewed_at, r.undone_at is not null
                from review_log r join card c on c.id = r.card_id where r.user_id = any (?)""")) {
            Array users = c.createArrayOf("bigint", userIds().toArray());
            ps.setArray(1, users);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(2, UUID.class);
                    copies.merge(id, 1, Integer::sum);
                    Answer a = sent.get(id);
                    Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
                    if (a == null) {
                        problems.add("log row " + id + " of user " + rs.getLong(1) + " was never sent");
                    } else if (a.learner().id() != rs.getLong(1) || a.questionId() != rs.getLong(3)
                            || a.rating() != rs.getInt(4) || !Instant.parse(a.reviewedAt()).equals(at) || rs.getBoolean(6)) {
                        problems.add("log row " + id + " (user " + rs.getLong(1) + ", question " + rs.getLong(3)
                                + ", rating " + rs.getInt(4) + ", at " + at + ", undone " + rs.getBoolean(6)
                                + ") differs from the answer sent: " + a);
                    }
                }
            }
        }
        for (UUID id : acknowledged) {
            int n = copies.getOrDefault(id, 0);
            if (n != 1) {
                problems.add("acknowledged answer " + sent.get(id) + " is in the log " + n + " times");
            }
        }
        Collections.sort(problems);
        return problems;
    }

    private HttpResponse<String> post(URI app, String path, Learner learner, JsonNode body)
            throws IOException, InterruptedException {
        requests.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (learner != null) {
            request.header("Authorization", "Bearer " + learner.accessToken());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " -> " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
