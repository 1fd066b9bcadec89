package io.demodeck.api;

import io.demodeck.platform.DemodeckConfig;
import io.demodeck.account.SignInGuard;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * A budget per client address for every call to the auth endpoints. Failed sign-ins per account and address,
 * and registrations, are limited for the pages and the API alike by {@link io.demodeck.account.SignInGuard}.
 */
@ApplicationScoped
public class AuthThrottle {

    private final RateLimiter perAddress;

    AuthThrottle(DemodeckConfig config) {
        this.perAddress = new RateLimiter(config.api().auth().requestsPerMinute(), Duration.ofMinutes(1));
    }

    void checkAddress(HttpServerRequest request) {
        refuseIfLimited(perAddress.acquire(SignInGuard.clientAddress(request)));
    }

    private static void refuseIfLimited(long retryAfterSeconds) {
        if (retryAfterSeconds > 0) {
            throw ClientFacingException.tooManyRequests("Too many authentication requests; try again in "
                    + retryAfterSeconds + " s", retryAfterSeconds);
        }
    }
}
