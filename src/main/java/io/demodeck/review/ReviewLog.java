package io.demodeck.review;

import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Outcome;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.State;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One grade, append-only (table {@code review_log}): the full state before and after, so undo can
 * restore a card exactly and an optimizer can replay the history. Undo sets {@link #undoneAt}.
 */
@Entity
@Table(name = "review_log")
public class ReviewLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "card_id", nullable = false)
    public long cardId;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "client_review_id", nullable = false)
    public UUID clientReviewId;

    @Column(nullable = false)
    public short rating;

    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    @Column(name = "state_before", nullable = false)
    public short stateBefore;
    @Column(name = "step_before")
    public Short stepBefore;
    @Column(name = "stability_before")
    public Double stabilityBefore;
    @Column(name = "difficulty_before")
    public Double difficultyBefore;
    @Column(name = "due_before", nullable = false)
    public Instant dueBefore;
    @Column(name = "last_review_before")
    public Instant lastReviewBefore;
    @Column(name = "reps_before", nullable = false)
    public int repsBefore;
    @Column(name = "lapses_before", nullable = false)
    public int lapsesBefore;

    public Double retrievability;

    @Column(name = "state_after", nullable = false)
    public short stateAfter;
    @Column(name = "step_after")
    public Short stepAfter;
    @Column(name = "stability_after", nullable = false)
    public double stabilityAfter;
    @Column(name = "difficulty_after", nullable = false)
    public double difficultyAfter;
    @Column(name = "due_after", nullable = false)
    public Instant dueAfter;
    @Column(name = "elapsed_days", nullable = false)
    public int elapsedDays;
    @Column(name = "scheduled_days", nullable = false)
    public int scheduledDays;

    @Column(nullable = false, length = 16)
    public String origin;

    @Column(name = "undone_at")
    public Instant undoneAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    public static Optional<ReviewLog> findByClientId(long userId, UUID clientReviewId) {
        return find("userId = ?1 and clientReviewId = ?2", userId, clientReviewId).firstResultOptional();
    }

    /** The most recently applied grade of a card that has not been undone: its after-state is the card's state. */
    public static Optional<ReviewLog> lastActiveForCard(long cardId) {
        return find("cardId = ?1 and undoneAt is null order by id desc", cardId).firstResultOptional();
    }

    /** Answers of a card still in effect that were given after {@code at}, in the order they were given. */
    static List<ReviewLog> activeForCardAfter(long cardId, Instant at) {
        return list("cardId = ?1 and undoneAt is null and reviewedAt > ?2 order by reviewedAt, id", cardId, at);
    }

    /** Stores what this answer did to a card that was in state {@code before}. */
    void record(CardState before, Outcome outcome) {
        CardState after = outcome.after();
        stateBefore = (short) before.state().code();
        stepBefore = before.step() == null ? null : before.step().shortValue();
        stabilityBefore = before.stability();
        difficultyBefore = before.difficulty();
        dueBefore = before.due();
        lastReviewBefore = before.lastReview();
        repsBefore = before.reps();
        lapsesBefore = before.lapses();
        retrievability = outcome.retrievability();
        stateAfter = (short) after.state().code();
        stepAfter = after.step() == null ? null : after.step().shortValue();
        stabilityAfter = after.stability();
        difficultyAfter = after.difficulty();
        dueAfter = after.due();
        elapsedDays = outcome.elapsedDays();
        scheduledDays = outcome.scheduledDays();
    }

    CardState before() {
        return new CardState(State.fromCode(stateBefore), stepBefore == null ? null : (int) stepBefore, stabilityBefore,
                difficultyBefore, dueBefore, lastReviewBefore, repsBefore, lapsesBefore);
    }

    CardState after() {
        boolean lapse = stateBefore == State.REVIEW.code() && rating == Rating.AGAIN.grade();
        return new CardState(State.fromCode(stateAfter), stepAfter == null ? null : (int) stepAfter, stabilityAfter,
                difficultyAfter, dueAfter, reviewedAt, repsBefore + 1, lapsesBefore + (lapse ? 1 : 0));
    }
}
