package io.demodeck.importer;

import io.demodeck.platform.Sha256;
import io.demodeck.platform.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Files previewed in the browser, kept until the instructor confirms, so the confirm form does not upload them
 * again. Stored in the database (any replica can take the confirm), owned by the uploader (another account
 * cannot apply them), 30 minutes each, at most {@link #MAX_PER_USER} per instructor (the oldest go first).
 */
@ApplicationScoped
public class PendingUploads {

    static final Duration TTL = Duration.ofMinutes(30);
    static final int MAX_PER_USER = 5;

    public record Upload(byte[] data, String fileName) {
    }

    @Inject
    EntityManager em;

    /** Returns the token the confirm form carries. */
    @Transactional
    public String put(long userId, byte[] data, String fileName) {
        Instant now = Instant.now();
        em.createNativeQuery("delete from pending_upload where expires_at < ?1").setParameter(1, Timestamp.from(now))
                .executeUpdate();
        String token = Sha256.hex((userId + ":" + Sha256.hex(data)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        em.createNativeQuery("delete from pending_upload where token = ?1").setParameter(1, token).executeUpdate();
        em.createNativeQuery("""
                delete from pending_upload where user_id = ?1 and token in (
                  select token from pending_upload where user_id = ?1 order by created_at desc offset ?2)""")
                .setParameter(1, userId).setParameter(2, MAX_PER_USER - 1).executeUpdate();
        em.createNativeQuery("insert into pending_upload (token, user_id, file_name, data, created_at, expires_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, token).setParameter(2, userId).setParameter(3, truncate(fileName))
                .setParameter(4, data).setParameter(5, Timestamp.from(now)).setParameter(6, Timestamp.from(now.plus(TTL)))
                .executeUpdate();
        return token;
    }

    @Transactional
    public Optional<Upload> get(long userId, String token) {
        if (token == null) {
            return Optional.empty();
        }
        return SqlRow.first(em.createNativeQuery("select data, file_name from pending_upload "
                        + "where token = ?1 and user_id = ?2 and expires_at >= ?3", Tuple.class)
                .setParameter(1, token).setParameter(2, userId).setParameter(3, Timestamp.from(Instant.now())))
                .map(r -> new Upload(r.getBytes("data"), r.getString("file_name")));
    }

    @Transactional
    public void remove(long userId, String token) {
        em.createNativeQuery("delete from pending_upload where token = ?1 and user_id = ?2")
                .setParameter(1, token).setParameter(2, userId).executeUpdate();
    }

    private static String truncate(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
