package io.demodeck.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} gets a real answer, a 413 that names the limits
 * (problem+json on the API, the error page elsewhere), where Quarkus alone answers a bare 413 and drops the
 * connection, which a browser still uploading shows as a reset.
 * <ul>
 *   <li>A declared {@code Content-Length} over the limit: just ahead of Quarkus' own check (which answers before any
 *       of our code runs) the request is marked and its length header taken away, so the check lets it pass; the
 *       first REST filter then refuses it before anything reads the body.</li>
 *   <li>A chunked multipart upload (no length): Quarkus' raw byte count would answer bare, so it is left to the
 *       multipart reader's own limit (the same size), whose refusal reaches the error mappers like any other.</li>
 *   <li>Either way the answer goes out while the client may still be sending. The server reads the rest of the
 *       body and throws it away, so the client can finish and read the answer instead of seeing a reset; past
 *       {@link #DRAIN_FACTOR} times the limit the connection is closed, so nobody streams into it for ever.</li>
 * </ul>
 */
@ApplicationScoped
public class OversizeBodies {

    private static final String DECLARED_LENGTH = "demodeck.oversize-declared-length";
    /** Quarkus' key for the byte limit of a body without a length (RESTEasy Reactive's VertxInputStream). */
    private static final String QUARKUS_CHUNKED_LIMIT = "io.quarkus.max-request-size";
    static final int DRAIN_FACTOR = 4;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    DemodeckConfig config;

    @Inject
    RoutingContext routing;

    void register(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::declared);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::chunked);
    }

    void declared(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                long declared = Long.parseLong(length.strip());
                if (declared > limit()) {
                    rc.put(DECLARED_LENGTH, declared);
                    rc.request().headers().remove(HttpHeaders.CONTENT_LENGTH);
                    drainAfterAnswer(rc);
                }
            } catch (NumberFormatException e) {
                // not a length: Quarkus and Netty refuse it as they always did
            }
        }
        rc.next();
    }

    void chunked(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (rc.get(DECLARED_LENGTH) == null && rc.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            rc.remove(QUARKUS_CHUNKED_LIMIT);
            drainAfterAnswer(rc);
        }
        rc.next();
    }

    /** The first REST filter: a body marked as too large is refused before anything reads it. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public void refuseDeclaredTooLarge() {
        Long declared = routing.get(DECLARED_LENGTH);
        if (declared != null) {
            throw tooLarge(declared);
        }
    }

    /**
     * The 413 for a body over the HTTP limit; {@code declared} is its length, null when it came without one.
     * Names both limits, since most such bodies are uploads to an import.
     */
    public ClientFacingException tooLarge(Long declared) {
        String size = declared == null ? "The upload is too large" : "The upload is too large (" + megabytes(declared) + ")";
        return new ClientFacingException(413, "payload-too-large", "Payload Too Large", size + ": this server accepts at most "
                + megabytes(limit()) + " per request, and a file to import may have at most " + megabytes(config.imports().maxBytes())
                + ". Split the file, or leave out media, and upload it again.");
    }

    private long limit() {
        return maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    /** Whole megabytes (MiB) when exact, else one decimal: "24 MB", "25.3 MB". */
    public static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
    }

    /**
     * Reads what is left of the body after the answer (Quarkus would too, without an end), up to the cap.
     * Also used by {@link RequestBodyLimits} for bodies over a method's own limit.
     */
    void drainAfterAnswer(RoutingContext rc) {
        long cap = DRAIN_FACTOR * limit();
        HttpServerRequest request = rc.request(); // now: rc may be a request-scoped proxy, gone when the answer ends
        rc.addEndHandler(done -> {
            if (request.isEnded()) {
                return;
            }
            AtomicLong thrownAway = new AtomicLong();
            request.handler(chunk -> {
                if (thrownAway.addAndGet(chunk.length()) > cap) {
                    request.connection().close();
                }
            });
            request.exceptionHandler(e -> request.connection().close());
            request.endHandler(end -> { });
            request.resume();
        });
    }
}
