package io.demodeck.account;

import io.demodeck.platform.ClientFacingException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;

/** The signed-in account of this request (pages and API alike), looked up once per request. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    KnownAccounts knownAccounts;

    /** The access-token claim with the account's id (tokens are signed by the app, so it can be trusted). */
    public static final String USER_ID_CLAIM = "uid";

    private Long id;

    /** The account's id; an anonymous request gets 401 (pages: the sign-in page). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long id() {
        if (id == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            Long fromSession = identity.getAttribute(SessionAuthentication.USER_ID);
            id = fromSession != null ? fromSession
                    : identity.getPrincipal() instanceof JsonWebToken token && token.containsClaim(USER_ID_CLAIM)
                    ? existingAccount(token)
                    : User.findByUsername(identity.getPrincipal().getName()).map(u -> u.id).orElseThrow(UnauthorizedException::new);
        }
        return id;
    }

    /**
     * The claim's account, which must still exist: a token outlives an account deleted meanwhile (else a 500 from a
     * foreign key on the first write). Checked once per account and token lifetime, not per request
     * ({@link KnownAccounts}).
     */
    private long existingAccount(JsonWebToken token) {
        Object value = token.getClaim(USER_ID_CLAIM);
        long userId = value instanceof JsonNumber number ? number.longValue() : ((Number) value).longValue();
        if (knownAccounts.exists(userId)) {
            return userId;
        }
        if (User.count("id", userId) == 0) {
            throw new ClientFacingException(401, "unauthorized", "Unauthorized",
                    "The account this access token was issued to no longer exists", List.of(),
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        knownAccounts.found(userId);
        return userId;
    }

    /** The browser session of this request, or null (API requests, anonymous visitors). */
    public Long sessionId() {
        return identity.isAnonymous() ? null : identity.getAttribute(SessionAuthentication.SESSION_ID);
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** Whether the account holds {@code role} (roles imply the ones below them: an admin is an instructor). */
    public boolean hasRole(Role role) {
        return !identity.isAnonymous() && identity.hasRole(role.roleName());
    }

    public String username() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
