import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in generated learners (load00001 …) through POST /api/v1/auth/token and writes one access token per line:
 * {@code count} learners, every {@code stride}-th one (1: the first {@code count}).
 * Run: java bench/Tokens.java <base-url> <count> <out-file> [stride]
 */
public class Tokens {

    private static final Pattern ACCESS = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int learners = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        int stride = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String password = "bench-password"; // bench/LoadData.java
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore inFlight = new Semaphore(8);
        List<Future<String>> tokens = new ArrayList<>(learners);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < learners; i++) {
                String body = "{\"username\":\"load" + String.format("%05d", 1 + i * stride) + "\",\"password\":\""
                        + password + "\"}";
                tokens.add(pool.submit(() -> {
                    inFlight.acquire();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        Matcher m = ACCESS.matcher(r.body());
                        if (r.statusCode() != 200 || !m.find()) {
                            throw new IllegalStateException("token for " + body + ": HTTP " + r.statusCode() + " " + r.body());
                        }
                        return m.group(1);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<String> lines = new ArrayList<>(learners);
            for (Future<String> token : tokens) {
                lines.add(token.get());
            }
            Files.write(out, lines);
        }
    }
}
