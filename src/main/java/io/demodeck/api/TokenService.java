package io.demodeck.api;

import io.demodeck.platform.Sha256;
import io.demodeck.platform.DemodeckConfig;
import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.account.User;
import io.demodeck.platform.ClientFacingException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Access tokens (short-lived JWTs: issuer {@value #ISSUER}, upn, groups = roles) and rotating refresh tokens.
 * A refresh token is used once: refreshing revokes it and issues its successor. Presenting a revoked one means
 * it leaked (or a client replayed it), so the whole family of that sign-in is revoked.
 */
@ApplicationScoped
public class TokenService {

    public static final String ISSUER = "demodeck";
    /** The account's auth generation the token was issued under (see {@link io.demodeck.account.AuthGenerations}). */
    public static final String GENERATION_CLAIM = "gen";
    private static final int REFRESH_TOKEN_BYTES = 32;

    @Inject
    SigningKeys keys;


    @Inject
    DemodeckConfig config;

    private final SecureRandom random = new SecureRandom();

    public record Tokens(
            @Schema(description = "JWT for the Authorization: Bearer header") String accessToken,
            @Schema(examples = "Bearer") String tokenType,
            @Schema(description = "seconds the access token is valid", examples = "900") long expiresIn,
            @Schema(description = "opaque, single use: POST it to /api/v1/auth/refresh for new tokens") String refreshToken,
            Instant refreshTokenExpiresAt) {
    }

    /** Starts a new token family for a signed-in account. */
    @Transactional
    public Tokens signIn(User user) {
        return issue(user, UUID.randomUUID(), Instant.now());
    }

    /** Rotates a refresh token; the answer to an unknown, expired or revoked one is 401. */
    @Transactional(dontRollbackOn = ClientFacingException.class) // a detected reuse must stay revoked
    public Tokens refresh(String refreshToken) {
        Instant now = Instant.now();
        RefreshToken presented = RefreshToken.findByHash(hash(refreshToken)).orElseThrow(TokenService::invalid);
        if (presented.revokedAt != null || !RefreshToken.revokeIfActive(presented.id, now)) {
            RefreshToken.revokeFamily(presented.familyId, now);
            throw invalid();
        }
        User user = User.findById(presented.userId);
        if (user == null || !presented.expiresAt.isAfter(now)) {
            throw invalid();
        }
        if (user.disabled()) {
            throw AuthResource.disabled();
        }
        return issue(user, presented.familyId, now);
    }

    /** Revokes the token's whole family (that device's sign-in). Unknown tokens are ignored: logout is idempotent. */
    @Transactional
    public void signOut(String refreshToken) {
        RefreshToken.findByHash(hash(refreshToken)).ifPresent(t -> RefreshToken.revokeFamily(t.familyId, Instant.now()));
    }

    /** @param userId the account's id, carried as claim {@value CurrentUser#USER_ID_CLAIM} so requests need no lookup; may be null */
    String accessToken(Long userId, String username, Set<String> groups, Instant issuedAt, Duration ttl) {
        return accessToken(userId, 0, username, groups, issuedAt, ttl);
    }

    String accessToken(Long userId, int generation, String username, Set<String> groups, Instant issuedAt, Duration ttl) {
        var claims = Jwt.issuer(ISSUER).upn(username).subject(username).groups(groups);
        if (userId != null) {
            claims.claim(CurrentUser.USER_ID_CLAIM, userId).claim(GENERATION_CLAIM, generation);
        }
        return keys.sign(claims.issuedAt(issuedAt).expiresAt(issuedAt.plus(ttl)));
    }

    private Tokens issue(User user, UUID familyId, Instant now) {
        byte[] bytes = new byte[REFRESH_TOKEN_BYTES];
        random.nextBytes(bytes);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RefreshToken row = new RefreshToken();
        row.userId = user.id;
        row.familyId = familyId;
        row.tokenHash = hash(refreshToken);
        row.createdAt = now;
        row.expiresAt = now.plus(config.api().refreshTokenTtl());
        row.persist();
        Set<String> groups = Role.parse(user.roles).stream().map(Role::roleName).collect(Collectors.toSet());
        Duration accessTokenTtl = config.api().accessTokenTtl();
        return new Tokens(accessToken(user.id, user.authGeneration, user.username, groups, now, accessTokenTtl), "Bearer",
                accessTokenTtl.toSeconds(), refreshToken, row.expiresAt);
    }

    static String hash(String token) {
        return Sha256.hex(token == null ? "" : token);
    }

    private static ClientFacingException invalid() {
        return new ClientFacingException(401, "invalid-refresh-token", "Unauthorized",
                "The refresh token is unknown, expired or revoked; sign in again");
    }
}
