package io.demodeck.review;

import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.State;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    @Column(nullable = false)
    public short state;

    public Short step;

    public Double stability;

    public Double difficulty;

    @Column(nullable = false)
    public Instant due;

    @Column(name = "last_review")
    public Instant lastReview;

    @Column(nullable = false)
    public int reps;

    @Column(nullable = false)
    public int lapses;

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

    /**
     * Creates the card for (user, question) unless it exists. ON CONFLICT makes two first answers
     * racing each other harmless: both end up with the same row. Does nothing for an unknown question.
     */
    static void insertIfMissing(long userId, long questionId, Instant now) {
        getEntityManager().unwrap(org.hibernate.Session.class)
                .doWork(connection -> insertMissing(connection, userId, new Long[]{questionId}, now));
    }

    /** {@link #insertIfMissing} on a plain connection, for any number of questions: the new cards are due {@code now}. */
    static void insertMissing(Connection connection, long userId, Long[] questionIds, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                insert into card (user_id, question_id, deck_id, state, due, updated_at)
                select ?, q.id, q.deck_id, 0, ?, ? from question q where q.id = any(?)
                on conflict (user_id, question_id) do nothing""")) {
            Timestamp at = Timestamp.from(now);
            ps.setLong(1, userId);
            ps.setTimestamp(2, at);
            ps.setTimestamp(3, at);
            ps.setArray(4, connection.createArrayOf("bigint", questionIds));
            ps.executeUpdate();
        }
    }

    /**
     * {@link #insertIfMissing} for many questions in one statement: each new card is due at the given instant
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
        return new CardState(State.fromCode(state), step == null ? null : (int) step, stability, difficulty, due,
                lastReview, reps, lapses);
    }

    void apply(CardState s, Instant now) {
        state = (short) s.state().code();
        step = s.step() == null ? null : s.step().shortValue();
        stability = s.stability();
        difficulty = s.difficulty();
        due = s.due();
        lastReview = s.lastReview();
        reps = s.reps();
        lapses = s.lapses();
        updatedAt = now;
    }
}
