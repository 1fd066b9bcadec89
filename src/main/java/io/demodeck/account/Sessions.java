package io.demodeck.account;

import io.demodeck.platform.Sha256;
import io.demodeck.platform.DemodeckConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Browser sessions, kept in table {@code user_session}. The cookie carries a random token; the table holds
 * its sha-256, so signing out (this session, another one, or all of them) ends it on every replica at once,
 * and a copied cookie is worth nothing after that. A session ends at an absolute time, never extended:
 * 30 days with "stay signed in", else 12 hours. Each page request looks the session and its account up with
 * one query (the lookup form login made anyway); a disabled account's sessions stop at once.
 */
@ApplicationScoped
public class Sessions {

    /** How often "last seen" is written: at most once a minute per session, not on every request. */
    private static final Duration LAST_SEEN_STEP = Duration.ofMinutes(1);
    private static final int TOKEN_BYTES = 32;
    private static final int USER_AGENT_LENGTH = 200;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DemodeckConfig config;

    private final SecureRandom random = new SecureRandom();

    /** A started session: the cookie value (never stored) and when it ends. */
    public record Started(String token, Instant expiresAt, Duration lifetime) {
    }

    /** The signed-in account of a valid session. */
    public record Active(long sessionId, long userId, String username, String roles) {
    }

    /** One of an account's sessions, for its sessions page. */
    public record Listed(long id, String userAgent, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
                         boolean remember) {
    }

    public Started start(long userId, boolean remember, String userAgent) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Duration length = remember ? config.session().rememberedLifetime() : config.session().lifetime();
        Instant now = Instant.now();
        Instant expires = now.plus(length);
        String agent = userAgent == null ? null
                : userAgent.length() > USER_AGENT_LENGTH ? userAgent.substring(0, USER_AGENT_LENGTH) : userAgent;
        // the account's sessions that ended more than a month ago are only clutter now
        update("delete from user_session where user_id = ? and coalesce(ended_at, expires_at) < now() - interval '30 days'",
                userId);
        update("insert into user_session (user_id, token_hash, created_at, last_seen_at, expires_at, remember, user_agent) "
                + "values (?, ?, ?, ?, ?, ?, ?)", userId, hash(token), Timestamp.from(now), Timestamp.from(now),
                Timestamp.from(expires), remember, agent);
        return new Started(token, expires, length);
    }

    /** The session of this cookie value, if it is still valid and its account enabled. */
    public Optional<Active> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select s.id, s.user_id, u.username, u.roles, s.last_seen_at "
                     + "from user_session s join app_user u on u.id = s.user_id "
                     + "where s.token_hash = ? and s.ended_at is null and s.expires_at > now() and u.disabled_at is null")) {
            st.setString(1, hash(token));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Active active = new Active(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
                if (rs.getTimestamp(5).toInstant().isBefore(Instant.now().minus(LAST_SEEN_STEP))) {
                    try (PreparedStatement seen = c.prepareStatement(
                            "update user_session set last_seen_at = now() where id = ?")) {
                        seen.setLong(1, active.sessionId());
                        seen.executeUpdate();
                    }
                }
                return Optional.of(active);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look the session up", e);
        }
    }

    /** Ends one session of this account (false: none such, or it had ended). */
    public boolean end(long userId, long sessionId) {
        return update("update user_session set ended_at = now() where id = ? and user_id = ? and ended_at is null",
                sessionId, userId) == 1;
    }

    /** Ends every session of the account except {@code keep} (null: all). */
    public int endAll(long userId, Long keep) {
        return update("update user_session set ended_at = now() where user_id = ? and ended_at is null and id <> ?",
                userId, keep == null ? -1L : keep);
    }

    /** The account's sessions that have not ended, newest first. */
    public List<Listed> list(long userId) {
        List<Listed> sessions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select id, user_agent, created_at, last_seen_at, expires_at, remember "
                     + "from user_session where user_id = ? and ended_at is null and expires_at > now() "
                     + "order by last_seen_at desc, id desc")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sessions.add(new Listed(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getBoolean(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list sessions", e);
        }
        return sessions;
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("session statement failed", e);
        }
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
