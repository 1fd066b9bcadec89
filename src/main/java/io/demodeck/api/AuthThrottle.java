package io.demodeck.api;

import io.demodeck.platform.ApiException;
import io.demodeck.platform.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Slows down password guessing and account flooding on the auth endpoints: a budget per client address for
 * every auth call, and a smaller one per account name for token requests (guessing one account's password
 * from many addresses).
 */
@ApplicationScoped
public class AuthThrottle {

    private final RateLimiter perAddress;
    private final RateLimiter perAccount;

    AuthThrottle(@ConfigProperty(name = "demodeck.api.auth.requests-per-minute", defaultValue = "30") int perAddress,
                 @ConfigProperty(name = "demodeck.api.auth.token-attempts-per-account-per-minute", defaultValue = "10")
                 int perAccount) {
        this.perAddress = new RateLimiter(perAddress, Duration.ofMinutes(1));
        this.perAccount = new RateLimiter(perAccount, Duration.ofMinutes(1));
    }

    void checkAddress(HttpServerRequest request) {
        var address = request.remoteAddress();
        refuseIfLimited(perAddress.acquire(address == null ? "unknown" : address.hostAddress()));
    }

    void checkAccount(String username) {
        if (username != null) {
            refuseIfLimited(perAccount.acquire(username.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static void refuseIfLimited(long retryAfterSeconds) {
        if (retryAfterSeconds > 0) {
            throw ApiException.tooManyRequests("Too many authentication requests; try again in "
                    + retryAfterSeconds + " s", retryAfterSeconds);
        }
    }
}
