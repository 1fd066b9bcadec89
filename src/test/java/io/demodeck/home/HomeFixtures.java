package io.demodeck.home;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.List;
import java.util.UUID;

/** Accounts, decks, classes and cards for the home page tests, written with SQL. */
final class HomeFixtures {

    private HomeFixtures() {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static long account(AccountService accounts, String username, Role role) {
        return accounts.create(username, ApiClient.PASSWORD, role, "en").id();
    }

    /**
     * A deck with {@code active} active questions tagged {@code tag} and one retired question tagged
     * {@code "retired-" + tag}; English and Russian titles. Returns the deck's database id.
     */
    static long deck(String externalId, Long owner, String visibility, String titleEn, String titleRu, int active, String tag) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            long id = ((Number) em.createNativeQuery("""
                            insert into deck (external_id, origin, owner_id, created_by, visibility, original_language)
                            values (:e, 'import', :o, :o, :v, 'en') returning id""")
                    .setParameter("e", externalId).setParameter("o", owner).setParameter("v", visibility)
                    .getSingleResult()).longValue();
            em.createNativeQuery("insert into deck_text (deck_id, lang, title) values (:d, 'en', :en), (:d, 'ru', :ru)")
                    .setParameter("d", id).setParameter("en", titleEn).setParameter("ru", titleRu).executeUpdate();
            em.createNativeQuery("""
                            insert into question (deck_id, external_id, type, position, content_hash, tags, retired)
                            select :d, 'q' || g, 'FLASHCARD', g, md5(g::text),
                                   case when g > :n then array['retired-' || cast(:tag as text)] else array[cast(:tag as text), 'common'] end, g > :n
                            from generate_series(1, :n + 1) g""")
                    .setParameter("d", id).setParameter("n", active).setParameter("tag", tag).executeUpdate();
            em.createNativeQuery("""
                            insert into question_text (question_id, lang, prompt, answer)
                            select q.id, 'en', 'Prompt ' || q.external_id, 'Answer' from question q where q.deck_id = :d""")
                    .setParameter("d", id).executeUpdate();
            return id;
        });
    }

    /** A class of {@code owner}'s assigning {@code deckId} (with a daily new-card limit, or null) and these members. */
    static long classWith(long owner, String name, long deckId, Integer newCardsPerDay, long... members) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            long cls = ((Number) em.createNativeQuery(
                            "insert into study_class (owner_id, name) values (:o, :n) returning id")
                    .setParameter("o", owner).setParameter("n", name).getSingleResult()).longValue();
            em.createNativeQuery("insert into class_deck (class_id, deck_id, new_cards_per_day) values (:c, :d, :l)")
                    .setParameter("c", cls).setParameter("d", deckId).setParameter("l", newCardsPerDay).executeUpdate();
            for (long m : members) {
                em.createNativeQuery("insert into class_member (class_id, user_id) values (:c, :u)")
                        .setParameter("c", cls).setParameter("u", m).executeUpdate();
            }
            return cls;
        });
    }

    /** Question ids of a deck in position order (retired last). */
    static List<Long> questions(long deckId) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "select id from question where deck_id = :d order by position")
                .setParameter("d", deckId).getResultList().stream().map(o -> ((Number) o).longValue()).toList());
    }

    static void sql(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }
}
