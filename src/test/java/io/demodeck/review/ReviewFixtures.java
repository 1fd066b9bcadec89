package io.demodeck.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;
import java.util.UUID;

/** Small SQL fixture helpers: learners, decks with questions, and raw card rows. */
final class ReviewFixtures {

    private ReviewFixtures() {
    }

    static long learner() {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                        "insert into app_user (username, password_hash) values (:name, 'x') returning id")
                .setParameter("name", name).getSingleResult()).longValue());
    }

    /** A deck with questions at positions 1..count; returns the deck id. */
    static long deck(int count) {
        String external = "deck-" + UUID.randomUUID();
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            long deckId = ((Number) em.createNativeQuery("insert into deck (external_id) values (:e) returning id")
                    .setParameter("e", external).getSingleResult()).longValue();
            em.createNativeQuery("""
                            insert into question (deck_id, external_id, type, position, content_hash)
                            select :deck, 'q' || g, 'FLASHCARD', g, md5(g::text) from generate_series(1, :n) g""")
                    .setParameter("deck", deckId).setParameter("n", count).executeUpdate();
            return deckId;
        });
    }

    /** Question ids of a deck in position order. */
    static List<Long> questions(long deckId) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "select id from question where deck_id = :d order by position", Long.class)
                .setParameter("d", deckId).getResultList().stream().map(o -> ((Number) o).longValue()).toList());
    }

    static int execute(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
