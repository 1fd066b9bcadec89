import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Next-card latency as a client sees it: sequential GET /api/v1/study/queue?limit=1&counts=false calls on one keep-alive
 * connection, each for a random learner of the tokens file, after a pass over every learner (the first call of a
 * learner may open a new card) and 30 s of the same calls to warm the app up. Prints "NEXT-CARD {json}" with the median, p90, p99 and max in ms.
 * Run: java bench/NextCardLatency.java <base-url> <tokens-file> <deck> <calls>
 */
public class NextCardLatency {

    private static final long WARM_UP_NANOS = 30_000_000_000L;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> tokens = Files.readAllLines(Path.of(args[1]));
        String deck = args[2];
        int calls = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(base + "/api/v1/study/queue?deck=" + deck + "&limit=1&lang=en&counts=false");
        for (String token : tokens) {
            call(http, uri, token);
        }
        // warm up by time: the JIT compiles the request path over the first seconds of traffic
        Random random = new Random(7);
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUntil) {
            call(http, uri, tokens.get(random.nextInt(tokens.size())));
        }
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            String token = tokens.get(random.nextInt(tokens.size()));
            long start = System.nanoTime();
            call(http, uri, token);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("NEXT-CARD {\"calls\":%d,\"learners\":%d,\"p50ms\":%.3f,\"p90ms\":%.3f,\"p99ms\":%.3f,\"maxms\":%.3f}%n",
                calls, tokens.size(), ms[calls / 2], ms[(int) (calls * 0.9)], ms[(int) (calls * 0.99)], ms[calls - 1]);
    }

    private static void call(HttpClient http, URI uri, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"questionId\"")) {
            throw new IllegalStateException("GET " + uri + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }
}
