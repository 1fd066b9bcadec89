package io.demodeck.platform;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response. The Content-Security-Policy allows scripts, styles, fonts and connections
 * from this origin only (no inline script or style attribute: pages load /js and /css files), images from this
 * origin and data: URLs only (so imported Markdown cannot load trackers), no plugins, no framing. HSTS is sent only
 * on a request that arrived over TLS, directly or through a trusted proxy's X-Forwarded-Proto (Quarkus resolves
 * the scheme): over plain HTTP it would be ignored, and on a host without TLS it would lock browsers out.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    /** First of all routes, so redirects, errors and static files get the headers too. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::addHeaders);
    }

    void addHeaders(RoutingContext rc) {
        apply(rc.response().headers(), rc.normalizedPath(), rc.request().scheme());
        rc.next();
    }

    static void apply(MultiMap headers, String path, String scheme) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        // Quarkus' own pages under /q (Swagger UI) are built on inline scripts; they get no policy rather than a
        // broken one
        if (path == null || !path.startsWith("/q/")) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Frame-Options", "DENY"); // frame-ancestors for browsers that predate it
        }
        if ("https".equalsIgnoreCase(scheme)) {
            headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }
}
