package io.demodeck.api;

import io.demodeck.platform.DemodeckConfig;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.review.scheduler.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select question_id, state, step, stability, difficulty, due, last_review, reps, lapses,
                               updated_at, id
                        from card
                        where user_id = :user and (updated_at, id) > (:after, :afterId) and updated_at <= :settled
                        order by updated_at, id limit :limit""")
                .setParameter("user", userId).setParameter("after", after.updatedAt())
                .setParameter("afterId", after.cardId()).setParameter("settled", Instant.now().minus(config.api().syncSettleTime()))
                .setParameter("limit", limit + 1).getResultList();
        boolean hasMore = rows.size() > limit;
        List<ApiCard> cards = new ArrayList<>(Math.min(rows.size(), limit));
        Cursor last = after;
        for (Object[] row : rows.subList(0, Math.min(rows.size(), limit))) {
            cards.add(new ApiCard(((Number) row[0]).longValue(), State.fromCode(((Number) row[1]).intValue()),
                    row[2] == null ? null : ((Number) row[2]).intValue(), (Double) row[3], (Double) row[4],
                    instant(row[5]), row[6] == null ? null : instant(row[6]), ((Number) row[7]).intValue(),
                    ((Number) row[8]).intValue()));
            last = new Cursor(instant(row[9]), ((Number) row[10]).longValue());
        }
        return new Changes(cards, encode(last), hasMore);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
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
