package io.demodeck.review;

import io.demodeck.review.scheduler.CardState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A learner's FSRS state for one question (table {@code card}). Never leaves the review package. */
@Entity
@Table(name = "card")
public class Card extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "question_id", nullable = false)
    public long questionId;

    @Column(name = "deck_id", nullable = false)
    public long deckId;

    /** The FSRS state: {@code state, step, stability, difficulty, due, last_review, reps, lapses}. */
    @Embedded
    public StoredState fsrs;

    @Column(nullable = false)
    public boolean suspended;

    /** Optimistic lock: every grade and undo bumps it, so a writer holding a stale state loses. */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Card> findByUserAndQuestion(long userId, long questionId) {
        return find("userId = ?1 and questionId = ?2", userId, questionId).firstResultOptional();
    }

    /** The learner's card for a question, created (due {@code now}) if they never opened it. */
    static Card findOrCreate(long userId, long questionId, Instant now) {
        Optional<Card> card = findByUserAndQuestion(userId, questionId);
        if (card.isPresent()) {
            return card.get();
        }
        getEntityManager().unwrap(org.hibernate.Session.class)
                .doWork(connection -> CardStore.insertMissing(connection, userId, new Long[]{questionId}, now));
        return findByUserAndQuestion(userId, questionId)
                .orElseThrow(() -> new UnknownQuestionException("no question " + questionId));
    }

    /**
     * {@link CardStore#insertMissing} for many questions in one statement: each new card is due at the given instant
     * (its first answer), as the single-answer path creates it.
     */
    static void insertAllMissing(long userId, Map<Long, Instant> dueByQuestion) {
        Long[] questions = dueByQuestion.keySet().toArray(Long[]::new);
        Long[] dueMicros = Arrays.stream(questions).map(q -> ChronoUnit.MICROS.between(Instant.EPOCH, dueByQuestion.get(q)))
                .toArray(Long[]::new);
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into card (user_id, question_id, deck_id, state, due, updated_at)
                    select ?, q.id, q.deck_id, 0, timestamptz 'epoch' + n.due_us * interval '1 microsecond', now()
                    from unnest(?::bigint[], ?::bigint[]) as n(question_id, due_us) join question q on q.id = n.question_id
                    on conflict (user_id, question_id) do nothing""")) {
                ps.setLong(1, userId);
                ps.setArray(2, connection.createArrayOf("bigint", questions));
                ps.setArray(3, connection.createArrayOf("bigint", dueMicros));
                ps.executeUpdate();
            }
        });
    }

    /** The learner's cards for these questions, by question id. */
    static Map<Long, Card> listByUserAndQuestions(long userId, Collection<Long> questionIds) {
        Map<Long, Card> cards = new HashMap<>();
        List<Long> ids = List.copyOf(questionIds);
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
            Card.<Card>list("userId = ?1 and questionId in ?2", userId, chunk).forEach(c -> cards.put(c.questionId, c));
        }
        return cards;
    }

    /** Ids per IN list: far below PostgreSQL's 32767 parameters. */
    static final int IN_LIST_CHUNK = 1000;

    CardState toState() {
        return fsrs.toCardState();
    }

    void apply(CardState s, Instant now) {
        fsrs = StoredState.of(s);
        updatedAt = now;
    }
}
