package io.demodeck.platform;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * An expired, tampered or otherwise invalid bearer token is rejected by the HTTP security layer before any
 * REST method (authentication is proactive), so the REST exception mappers never see it. This failure handler
 * gives those 401s the same problem+json body as every other API error.
 */
@ApplicationScoped
public class ApiAuthFailures {

    void register(@Observes Router router) {
        router.route("/api/*").failureHandler(this::handle);
    }

    void handle(RoutingContext rc) {
        if (!isAuthenticationFailure(rc.failure()) || rc.response().ended()) {
            rc.next();
            return;
        }
        ApiProblem problem = new ApiProblem(ApiProblem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                "The bearer access token is invalid or expired; refresh it or sign in again",
                rc.request().path(), null);
        rc.response().setStatusCode(401)
                .putHeader("Content-Type", ApiProblem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .end(Json.encode(problem));
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return true;
            }
        }
        return false;
    }
}
