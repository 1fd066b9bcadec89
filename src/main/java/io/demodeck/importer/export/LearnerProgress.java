package io.demodeck.importer.export;

import io.demodeck.platform.SqlRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
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
        List<SqlRow> log = SqlRow.list(em.createNativeQuery("""
                        select r.card_id, r.reviewed_at, r.rating, r.duration_ms, r.state_before, r.due_before,
                               r.last_review_before, r.state_after, r.due_after, r.scheduled_days
                        from review_log r join card c on c.id = r.card_id
                        where c.user_id = ?1 and c.deck_id = ?2 and r.user_id = ?1 and r.undone_at is null
                        order by r.reviewed_at, r.id""", Tuple.class)
                .setParameter(1, userId).setParameter(2, deckId));
        for (SqlRow r : log) {
            reviews.computeIfAbsent(r.getLong("card_id"), k -> new ArrayList<>()).add(new AnkiProgress.Review(
                    r.getInstant("reviewed_at"), r.getInt("rating"), r.getInt("duration_ms"), r.getInt("state_before"),
                    r.getInstant("due_before"), r.getInstant("last_review_before"), r.getInt("state_after"),
                    r.getInstant("due_after"), r.getInt("scheduled_days")));
        }
        List<SqlRow> cards = SqlRow.list(em.createNativeQuery("""
                        select c.id, q.external_id, c.state, c.stability, c.difficulty, c.due, c.last_review, c.reps,
                               c.lapses, c.suspended
                        from card c join question q on q.id = c.question_id
                        where c.user_id = ?1 and c.deck_id = ?2 and not q.retired""", Tuple.class)
                .setParameter(1, userId).setParameter(2, deckId));
        Map<String, AnkiProgress.CardState> states = new LinkedHashMap<>();
        for (SqlRow c : cards) {
            states.put(c.getString("external_id"), new AnkiProgress.CardState(c.getInt("state"),
                    c.getDoubleOrNull("stability"), c.getDoubleOrNull("difficulty"), c.getInstant("due"),
                    c.getInstant("last_review"), c.getInt("reps"), c.getInt("lapses"), c.getBoolean("suspended"),
                    reviews.getOrDefault(c.getLong("id"), List.of())));
        }
        return new AnkiProgress(states);
    }
}
