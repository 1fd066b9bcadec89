package io.demodeck.platform;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
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
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::guard).failureHandler(this::authenticationFailed);
    }

    /**
     * A bearer token that is present but expired, tampered with or from another issuer fails in the HTTP layer,
     * before any REST mapper: answer it with the same problem document as a missing token.
     */
    void authenticationFailed(RoutingContext rc) {
        if (rc.failure() instanceof AuthenticationFailedException || rc.failure() instanceof UnauthorizedException
                || rc.statusCode() == 401) {
            rc.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, ApiProblem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer")
                    .end(Json.encode(new ApiProblem(ApiProblem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                            "a valid bearer token is required (POST /api/v1/auth/token)", rc.normalizedPath(), null)));
            return;
        }
        rc.next();
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
