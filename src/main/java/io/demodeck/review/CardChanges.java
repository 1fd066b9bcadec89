package io.demodeck.review;

import io.demodeck.platform.DemodeckConfig;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.SqlRow;
import io.demodeck.review.scheduler.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The incremental sync feed: a learner's cards ordered by (updated_at, id), read after an opaque cursor.
 * Changes younger than the settle time are held back: a transaction that stamped a card earlier but commits
 * later would otherwise land behind a cursor a client already holds, and never be sent.
 */
@ApplicationScoped
public class CardChanges {

    @Inject
    EntityManager em;

    @Inject
    DemodeckConfig config;

    /** @param nextCursor where the next call continues; the same cursor again when nothing changed */
    public record Changes(List<ApiCard> cards, String nextCursor, boolean hasMore) {
    }

    private record Cursor(Instant updatedAt, long cardId) {
    }

    private static final Instant LATEST_CURSOR = Instant.parse("9999-12-31T23:59:59Z");

    @Transactional(Transactional.TxType.SUPPORTS)
    public Changes since(long userId, String cursor, int limit) {
        Cursor after = cursor == null || cursor.isBlank() ? new Cursor(Instant.EPOCH, 0) : decode(cursor);
        List<SqlRow> rows = SqlRow.list(em.createNativeQuery("""
                        select question_id, state, step, stability, difficulty, due, last_review, reps, lapses,
                               updated_at, id
                        from card
                        where user_id = :user and (updated_at, id) > (:after, :afterId) and updated_at <= :settled
                        order by updated_at, id limit :limit""", Tuple.class)
                .setParameter("user", userId).setParameter("after", after.updatedAt())
                .setParameter("afterId", after.cardId()).setParameter("settled", Instant.now().minus(config.api().syncSettleTime()))
                .setParameter("limit", limit + 1));
        boolean hasMore = rows.size() > limit;
        List<ApiCard> cards = new ArrayList<>(Math.min(rows.size(), limit));
        Cursor last = after;
        for (SqlRow row : rows.subList(0, Math.min(rows.size(), limit))) {
            cards.add(new ApiCard(row.getLong("question_id"), State.fromCode(row.getInt("state")), row.getIntOrNull("step"),
                    row.getDoubleOrNull("stability"), row.getDoubleOrNull("difficulty"), row.getInstant("due"),
                    row.getInstant("last_review"), row.getInt("reps"), row.getInt("lapses")));
            last = new Cursor(row.getInstant("updated_at"), row.getLong("id"));
        }
        return new Changes(cards, encode(last), hasMore);
    }

    // PostgreSQL keeps microseconds: the cursor does too, so it compares equal to the stored value
    private static String encode(Cursor c) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, c.updatedAt());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + c.cardId()).getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String cursor) {
        Cursor c;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            c = new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw malformed();
        }
        // a cursor this API handed out lies between 1970 and now; far-off times are outside the database's range
        if (c.updatedAt().isBefore(Instant.EPOCH) || c.updatedAt().isAfter(LATEST_CURSOR)) {
            throw malformed();
        }
        return c;
    }

    private static ClientFacingException malformed() {
        return ClientFacingException.badRequest("The cursor is malformed; use a nextCursor from this API or none");
    }
}
