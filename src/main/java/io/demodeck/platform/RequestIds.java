package io.demodeck.platform;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every request gets an id: sent back as {@value #HEADER}, written in the access log line
 * ({@code quarkus.http.access-log.pattern}), put into the logging context of everything the request logs, and shown
 * as the incident number on an error page. A user who quotes the number from a 500 page leads straight to the
 * access log line and the stack trace. The id is the app's own (a client cannot choose it), 16 hex digits.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "requestId";

    /** Right after the security headers, before any other route, so redirects and static files get one too. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::assign);
    }

    void assign(RoutingContext rc) {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        rc.put(KEY, id);
        rc.response().headers().set(HEADER, id);
        MDC.put(KEY, id); // Quarkus keeps the MDC per request context, also on the virtual thread that serves it
        rc.next();
    }

    /** The id of the request {@code rc} serves (null outside a request). */
    public static String of(RoutingContext rc) {
        return rc == null ? null : rc.get(KEY);
    }
}
