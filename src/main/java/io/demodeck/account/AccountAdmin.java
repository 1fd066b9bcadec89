package io.demodeck.account;

import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.SqlRow;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * What admins do to accounts: find them, set their role (learner, instructor or admin; each includes the ones
 * below it), disable and re-enable them. Every change is recorded (table {@code account_change}) and ends the
 * account's access tokens at once ({@link AuthGenerations}); disabling also ends its sessions and refresh
 * tokens. There is always an enabled admin left: the last one cannot step down or disable itself.
 */
@ApplicationScoped
public class AccountAdmin {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    AuthGenerations generations;

    @Inject
    Sessions sessions;

    public record Listed(long id, String username, Role role, boolean disabled, Instant createdAt) {
        static Listed of(User u) {
            return new Listed(u.id, u.username, Role.highest(u.roles), u.disabled(), u.createdAt);
        }
    }

    public record Page(List<Listed> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public record Change(String actor, String target, String action, String oldValue, String newValue, Instant at) {
    }

    /**
     * Accounts whose name contains {@code query} (any case), by name; {@code page} counts from 0, {@code size} is 1
     * to {@link #MAX_PAGE_SIZE} (the API's parameters are validated, the admin page passes its own).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(String query, int page, int size) {
        String q = query == null ? "" : query.strip();
        var found = User.find("locate(lower(?1), lower(username)) > 0 order by lower(username)", q);
        return new Page(found.page(page, size).list().stream().map(u -> Listed.of((User) u)).toList(), found.count(),
                page, size);
    }

    @Transactional
    public Listed setRole(long actorId, long targetId, Role role) {
        if (role == null) {
            throw ClientFacingException.validation("role", "one of learner, instructor, admin");
        }
        User target = lock(targetId);
        Role old = Role.highest(target.roles);
        if (old == role) {
            return Listed.of(target);
        }
        if (old == Role.ADMIN) {
            requireAnotherAdmin(target, "remove the admin role from");
        }
        target.roles = Role.column(role);
        generations.advance(target.id);
        record(actorId, target, "role", old.roleName(), role.roleName());
        return Listed.of(target);
    }

    @Transactional
    public Listed setDisabled(long actorId, long targetId, boolean disabled) {
        User target = lock(targetId);
        if (target.disabled() == disabled) {
            return Listed.of(target);
        }
        if (disabled) {
            if (target.id == actorId) {
                throw ClientFacingException.conflict("You cannot disable your own account");
            }
            if (target.hasRole(Role.ADMIN)) {
                requireAnotherAdmin(target, "disable");
            }
            target.disabledAt = Instant.now();
            generations.advance(target.id);
            sessions.endAll(target.id, null);
            AccountSecurity.revokeRefreshTokens(target.id);
        } else {
            target.disabledAt = null;
        }
        record(actorId, target, disabled ? "disable" : "enable", null, null);
        return Listed.of(target);
    }

    /** The latest changes, newest first; of one account when {@code targetId} is given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Change> changes(Long targetId, int limit) {
        var query = Panache.getEntityManager().createNativeQuery("select actor_name, target_name, action, old_value, "
                + "new_value, at from account_change" + (targetId == null ? "" : " where target_id = ?2")
                + " order by at desc, id desc limit ?1", Tuple.class);
        query.setParameter(1, Math.clamp(limit, 1, 500));
        if (targetId != null) {
            query.setParameter(2, targetId);
        }
        return SqlRow.list(query).stream().map(r -> new Change(r.getString("actor_name"), r.getString("target_name"),
                r.getString("action"), r.getString("old_value"), r.getString("new_value"), r.getInstant("at"))).toList();
    }

    private static User lock(long id) {
        User user = Panache.getEntityManager().find(User.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ClientFacingException.notFound("Account " + id);
        }
        return user;
    }

    /** Refuses when {@code target} is the only enabled admin (the admins are locked, so two admins cannot race). */
    @SuppressWarnings("unchecked")
    private static void requireAnotherAdmin(User target, String what) {
        List<Number> admins = Panache.getEntityManager().createNativeQuery("select id from app_user where "
                + "disabled_at is null and roles like '%admin%' order by id for update").getResultList();
        if (admins.stream().noneMatch(id -> id.longValue() != target.id)) {
            throw ClientFacingException.conflict("Cannot " + what + " " + target.username
                    + ": it is the last admin. Make another account an admin first.");
        }
    }

    private static void record(long actorId, User target, String action, String oldValue, String newValue) {
        User actor = User.findById(actorId);
        Panache.getEntityManager().createNativeQuery("insert into account_change (actor_id, actor_name, target_id, "
                        + "target_name, action, old_value, new_value) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, actorId).setParameter(2, actor == null ? "?" : actor.username)
                .setParameter(3, target.id).setParameter(4, target.username).setParameter(5, action)
                .setParameter(6, oldValue).setParameter(7, newValue).executeUpdate();
    }
}
