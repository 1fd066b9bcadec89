package io.demodeck.testsupport;

import io.demodeck.bank.BankMarkdownParser;
import io.demodeck.bank.DeckWriter;
import io.demodeck.bank.ParseResult;
import io.demodeck.study.StudyClock;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** A fresh deck of plain flashcards for one learner, and a study clock a test moves. */
public final class StudyFixtures {

    private StudyFixtures() {
    }

    /** Writes a deck of {@code questions} flashcards owned by the learner; returns its external id. */
    public static String flashcardDeck(DeckWriter writer, String ownerName, int questions) {
        String id = "loop-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder md = new StringBuilder("# A fresh deck " + id + "\n\n");
        for (int i = 1; i <= questions; i++) {
            md.append("## Question number ").append(i).append("?\n\nAnswer number ").append(i).append(".\n\n");
        }
        ParseResult parsed = new BankMarkdownParser().parse(id + ".md", md.toString());
        if (!parsed.problems().isEmpty()) {
            throw new AssertionError(parsed.problems().toString());
        }
        writer.write(parsed.deck(), "import", userId(ownerName));
        return id;
    }

    public static long userId(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select id from app_user where username = ?1").setParameter(1, username)
                .getSingleResult()).longValue());
    }

    /** A number from one SQL statement, in its own transaction. */
    public static long number(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            Object v = q.getSingleResult();
            return v == null ? -1 : ((Number) v).longValue();
        });
    }

    public static int execute(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    /** The study pages' clock, moved by the test (install with QuarkusMock.installMockForType(clock, StudyClock.class)). */
    public static final class MovableClock extends StudyClock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public Instant now() {
            return now.get();
        }

        public void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }
}
