package io.demodeck.account;

import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.SqlRow;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What every signed-in user does about their own account's security: change the password (every other
 * session, every app sign-in and every access token end), see their browser sessions and app sign-ins, and
 * end them.
 */
@ApplicationScoped
public class AccountSecurity {

    @Inject
    Sessions sessions;

    @Inject
    AuthGenerations generations;

    @Inject
    SignInGuard guard;

    /** An app's sign-in through the API (a refresh-token family): when it started and was last refreshed. */
    public record AppSignIn(UUID id, Instant createdAt, Instant lastUsedAt) {
    }

    /**
     * @param keepSession the browser session the change is made from (it stays signed in), or null
     * @throws ClientFacingException 422 naming current_password or new_password
     */
    @Transactional
    public void changePassword(long userId, String currentPassword, String newPassword, Long keepSession, String address) {
        User user = User.findById(userId);
        guard.checkSignIn(user.username, address);
        if (currentPassword == null || !BcryptUtil.matches(currentPassword, user.passwordHash)) {
            guard.signInFailed(user.username, address);
            throw ClientFacingException.validation("current_password", "this is not your current password");
        }
        String problem = PasswordPolicy.problem(newPassword, user.username);
        if (problem != null) {
            throw ClientFacingException.validation("new_password", problem);
        }
        user.passwordHash = BcryptUtil.bcryptHash(newPassword);
        sessions.endAll(userId, keepSession);
        revokeRefreshTokens(userId);
        generations.advance(userId);
    }

    /** Ends every other browser session and every app sign-in; this session stays. */
    @Transactional
    public void endOthers(long userId, Long keepSession) {
        sessions.endAll(userId, keepSession);
        revokeRefreshTokens(userId);
        generations.advance(userId);
    }

    /** Ends one app sign-in; its access token stops at once (the account's other apps refresh theirs). */
    @Transactional
    public boolean endAppSignIn(long userId, UUID family) {
        int revoked = Panache.getEntityManager().createNativeQuery("update api_refresh_token set revoked_at = now() "
                + "where user_id = ?1 and family_id = ?2 and revoked_at is null")
                .setParameter(1, userId).setParameter(2, family).executeUpdate();
        if (revoked > 0) {
            generations.advance(userId);
        }
        return revoked > 0;
    }

    /** App sign-ins that can still refresh, most recently used first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppSignIn> appSignIns(long userId) {
        return SqlRow.list(Panache.getEntityManager().createNativeQuery("select family_id, min(created_at) as first_at, "
                        + "max(created_at) as last_at from api_refresh_token where user_id = ?1 group by family_id "
                        + "having count(*) filter (where revoked_at is null and expires_at > now()) > 0 "
                        + "order by max(created_at) desc", Tuple.class).setParameter(1, userId)).stream()
                .map(r -> new AppSignIn(r.getUuid("family_id"), r.getInstant("first_at"), r.getInstant("last_at"))).toList();
    }

    static void revokeRefreshTokens(long userId) {
        Panache.getEntityManager().createNativeQuery("update api_refresh_token set revoked_at = now() "
                + "where user_id = ?1 and revoked_at is null").setParameter(1, userId).executeUpdate();
    }
}
