package io.demodeck.importer.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One learner's cards and the answers still in effect (not undone) on a deck's active questions, for an Anki
 * package with their progress. Read by column name in SQL, so the review package's entities stay inside it; only
 * this learner's rows are ever read.
 */
@ApplicationScoped
public class LearnerProgress {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public AnkiProgress of(long userId, long deckId) {
        Map<Long, List<AnkiProgress.Review>> reviews = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> log = em.createNativeQuery("""
                        select r.card_id, r.reviewed_at, r.rating, r.duration_ms, r.state_before, r.due_before,
                               r.last_review_before, r.state_after, r.due_after, r.scheduled_days
                        from review_log r join card c on c.id = r.card_id
                        where c.user_id = ?1 and c.deck_id = ?2 and r.user_id = ?1 and r.undone_at is null
                        order by r.reviewed_at, r.id""")
                .setParameter(1, userId).setParameter(2, deckId).getResultList();
        for (Object[] r : log) {
            reviews.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new AnkiProgress.Review(
                    instant(r[1]), ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                    instant(r[5]), instant(r[6]), ((Number) r[7]).intValue(), instant(r[8]), ((Number) r[9]).intValue()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> cards = em.createNativeQuery("""
                        select c.id, q.external_id, c.state, c.stability, c.difficulty, c.due, c.last_review, c.reps,
                               c.lapses, c.suspended
                        from card c join question q on q.id = c.question_id
                        where c.user_id = ?1 and c.deck_id = ?2 and not q.retired""")
                .setParameter(1, userId).setParameter(2, deckId).getResultList();
        Map<String, AnkiProgress.CardState> states = new LinkedHashMap<>();
        for (Object[] c : cards) {
            states.put((String) c[1], new AnkiProgress.CardState(((Number) c[2]).intValue(), number(c[3]), number(c[4]),
                    instant(c[5]), instant(c[6]), ((Number) c[7]).intValue(), ((Number) c[8]).intValue(),
                    Boolean.TRUE.equals(c[9]), reviews.getOrDefault(((Number) c[0]).longValue(), List.of())));
        }
        return new AnkiProgress(states);
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static Instant instant(Object o) {
        return switch (o) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime t -> t.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("a time column read as " + o.getClass());
        };
    }
}
