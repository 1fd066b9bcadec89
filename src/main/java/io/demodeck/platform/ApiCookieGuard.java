package io.demodeck.platform;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code /api/} authenticates with bearer tokens only. Browser cookies are dropped before anything reads them,
 * so a signed-in browser session can never act on the API (and cross-site requests carry no ambient
 * authority there). Because of that, CSRF protection has nothing to protect on the API; the CSRF filter still
 * runs on every REST call and would refuse multipart uploads, so the request is given a matching one-off
 * token pair instead.
 */
@ApplicationScoped
public class ApiCookieGuard {

    private static final String CSRF_COOKIE = "csrf-token";
    private static final String CSRF_HEADER = "X-CSRF-TOKEN";
    private static final int CSRF_TOKEN_BYTES = 16; // quarkus.rest-csrf.token-size default
    private final SecureRandom random = new SecureRandom();

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::guard);
    }

    void guard(RoutingContext rc) {
        byte[] bytes = new byte[CSRF_TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var headers = rc.request().headers();
        headers.remove(HttpHeaders.COOKIE);
        headers.set(HttpHeaders.COOKIE, CSRF_COOKIE + "=" + token);
        headers.set(CSRF_HEADER, token);
        rc.next();
    }
}
