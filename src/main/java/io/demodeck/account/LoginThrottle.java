package io.demodeck.account;

import io.demodeck.platform.RateLimiter;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Limits login attempts per client address. The form login endpoint ({@code /j_security_check}) is a route
 * of the security layer, not a REST method, so the check sits in front of it as a route filter.
 */
@ApplicationScoped
public class LoginThrottle {

    private final RateLimiter limiter;

    LoginThrottle(@ConfigProperty(name = "demodeck.login.attempts-per-minute", defaultValue = "10") int perMinute) {
        this.limiter = new RateLimiter(perMinute, Duration.ofMinutes(1));
    }

    /** Registered ahead of every other route, so it runs before the authentication layer reads the form. */
    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/j_security_check").order(Integer.MIN_VALUE).handler(this::throttle);
    }

    void throttle(RoutingContext rc) {
        {
            long retryAfter = limiter.acquire(clientAddress(rc));
            if (retryAfter > 0) {
                rc.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter))
                        .putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("Too many login attempts. Try again in " + retryAfter + " s.");
                return;
            }
        }
        rc.next();
    }

    static String clientAddress(RoutingContext rc) {
        var address = rc.request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }
}
