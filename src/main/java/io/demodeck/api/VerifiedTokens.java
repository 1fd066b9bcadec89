package io.demodeck.api;

import io.demodeck.account.AuthGenerations;
import io.demodeck.account.CurrentUser;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.Duration;
import javax.crypto.SecretKey;

/**
 * The access-token parser smallrye-jwt uses, remembering tokens it has verified. A mobile app sends the same token with
 * every request for its 15 minutes; checking its RS256 signature again each time costs about 35 µs of CPU, a large
 * share of a cheap request. A remembered token is handed out again only while it has not expired, and only for the
 * exact same string (any change to header, claims or signature is a new token and is verified). A Caffeine cache:
 * each entry expires with its token's {@code exp}, at most {@value #MAX_TOKENS} tokens (about 2 KB each, the least
 * used go first when full), hit and miss counts on /q/metrics.
 * <p>
 * Every token, remembered or fresh, must also be of its account's current auth generation
 * ({@link AuthGenerations}, held in memory): a demoted, disabled or signed-out account's tokens stop at once.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX_TOKENS = 10_000;

    @Inject
    JWTAuthContextInfo authContext;

    @Inject
    AuthGenerations generations;

    private volatile JWTParser parser;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .executor(Runnable::run) // evictions happen in the request that overfills, so the bound is exact
            .expireAfter(Expiry.<String, Verified>creating((raw, token) ->
                    Duration.ofSeconds(Math.max(0, token.expiresAt() - Instant.now().getEpochSecond()))))
            .recordStats()
            .build();

    /** A verified token with its account id and auth generation read once (no id: a token minted in tests). */
    private record Verified(JsonWebToken token, long expiresAt, Long userId, int generation) {
        static Verified of(JsonWebToken token) {
            Long generation = number(token.getClaim(TokenService.GENERATION_CLAIM));
            return new Verified(token, token.getExpirationTime(), number(token.getClaim(CurrentUser.USER_ID_CLAIM)),
                    generation == null ? 0 : generation.intValue());
        }

        private static Long number(Object claim) {
            return claim instanceof JsonNumber n ? Long.valueOf(n.longValue())
                    : claim instanceof Number n ? Long.valueOf(n.longValue()) : null;
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = Instant.now().getEpochSecond();
        Verified known = verified.getIfPresent(token);
        if (known != null && known.expiresAt() > now) {
            return current(token, known);
        }
        Verified fresh = Verified.of(parser().parse(token));
        verified.put(token, fresh);
        return current(token, fresh);
    }

    /** Hits, misses and evictions on /q/metrics (cache="verified-tokens"). */
    void bindMetrics(@Observes StartupEvent event, MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, verified, "verified-tokens");
    }

    private JsonWebToken current(String raw, Verified token) throws ParseException {
        if (token.userId() != null && generations != null && !generations.isCurrent(token.userId(), token.generation())) {
            verified.invalidate(raw);
            throw new ParseException("The token was revoked (the account's roles, password or status changed)");
        }
        return token.token();
    }

    /** The verifying parser, on this app's key and issuer (replaceable in tests). */
    JWTParser parser() {
        JWTParser p = parser;
        if (p == null) {
            p = new DefaultJWTParser(authContext);
            parser = p;
        }
        return p;
    }

    void useParser(JWTParser verifying) {
        parser = verifying;
        verified.invalidateAll();
    }

    // Everything else is passed through: the app only parses with its own configuration.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser().parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser().verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser().verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser().verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser().decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser().decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser().decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser().parseOnly(token);
    }
}
