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

import java.time.Instant;
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
        getEntityManager().createNativeQuery("""
                        insert into card (user_id, question_id, deck_id, state, due, updated_at)
                        select :user, q.id, q.deck_id, 0, :now, :now from question q where q.id = :question
                        on conflict (user_id, question_id) do nothing""")
                .setParameter("user", userId).setParameter("question", questionId).setParameter("now", now)
                .executeUpdate();
    }

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
