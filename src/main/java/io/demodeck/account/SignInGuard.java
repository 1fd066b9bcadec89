package io.demodeck.account;

import io.demodeck.platform.DemodeckConfig;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Slows down password guessing and account flooding, the same for the pages and the API.
 * <ul>
 * <li>Sign-in: failures are counted per account <em>and</em> client address, with growing delays after a few.
 * Someone guessing another person's password only slows themselves down: the owner, at their own address,
 * signs in as usual (a shared per-account lockout let anyone lock anyone out). The sign-in form also has a
 * budget per address; the API has its own ({@code api.AuthThrottle}).</li>
 * <li>Registration: one budget per address for the page and the API together, and growing delays after
 * repeated failed attempts (probing names, scripted floods).</li>
 * </ul>
 * A refusal is a 429 with Retry-After.
 */
@ApplicationScoped
public class SignInGuard {

    private final RateLimiter formSignInsPerAddress;
    private final RateLimiter registrationsPerAddress;
    private final Backoff signInFailures;
    private final Backoff registrationFailures;

    SignInGuard(DemodeckConfig config) {
        DemodeckConfig.Login login = config.login();
        DemodeckConfig.Register register = config.register();
        this.formSignInsPerAddress = new RateLimiter(login.attemptsPerMinute(), Duration.ofMinutes(1));
        this.registrationsPerAddress = new RateLimiter(register.perAddressPerMinute(), Duration.ofMinutes(1));
        this.signInFailures = new Backoff(login.freeFailures(), login.firstDelay(), Duration.ofMinutes(15),
                Duration.ofHours(1), 100_000, Clock.systemUTC());
        this.registrationFailures = new Backoff(register.freeFailures(), Duration.ofSeconds(2), Duration.ofMinutes(10),
                Duration.ofHours(1), 100_000, Clock.systemUTC());
    }

    public static String clientAddress(HttpServerRequest request) {
        var address = request == null ? null : request.remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    /** Counts a sign-in through the form against the address's budget. */
    public void checkFormSignIn(String address) {
        refuseIfLimited(formSignInsPerAddress.acquire(address), "Too many sign-in attempts");
    }

    /** Refuses while this address must wait after failed attempts at this account. */
    public void checkSignIn(String username, String address) {
        refuseIfLimited(signInFailures.retryAfterSeconds(signInKey(username, address)), "Too many wrong passwords");
    }

    public void signInFailed(String username, String address) {
        signInFailures.failed(signInKey(username, address));
    }

    public void signInSucceeded(String username, String address) {
        signInFailures.succeeded(signInKey(username, address));
    }

    /** Counts a registration attempt (page or API) against the address's budget. */
    public void checkRegistration(String address) {
        refuseIfLimited(registrationFailures.retryAfterSeconds(address), "Too many failed registrations");
        refuseIfLimited(registrationsPerAddress.acquire(address), "Too many registrations");
    }

    public void registrationFailed(String address) {
        registrationFailures.failed(address);
    }

    private static String signInKey(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\n" + address;
    }

    private static void refuseIfLimited(long retryAfterSeconds, String what) {
        if (retryAfterSeconds > 0) {
            throw ClientFacingException.tooManyRequests(what + " from this address; try again in " + retryAfterSeconds + " s",
                    retryAfterSeconds);
        }
    }
}
