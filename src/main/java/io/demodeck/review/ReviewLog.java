package io.demodeck.review;

import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Outcome;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.State;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** The card's state before this answer ({@code state_before} … {@code lapses_before}). */
    @Embedded
    @AttributeOverride(name = "state", column = @Column(name = "state_before", nullable = false))
    @AttributeOverride(name = "step", column = @Column(name = "step_before"))
    @AttributeOverride(name = "stability", column = @Column(name = "stability_before"))
    @AttributeOverride(name = "difficulty", column = @Column(name = "difficulty_before"))
    @AttributeOverride(name = "due", column = @Column(name = "due_before", nullable = false))
    @AttributeOverride(name = "lastReview", column = @Column(name = "last_review_before"))
    @AttributeOverride(name = "reps", column = @Column(name = "reps_before", nullable = false))
    @AttributeOverride(name = "lapses", column = @Column(name = "lapses_before", nullable = false))
    public StoredState before;

    public Double retrievability;

    // the part of the after state the answer decides: its last review, reps and lapses follow from the answer and
    // the before state (see after())
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

    /** Which of these client ids the learner's log already holds: one lookup in the (user, client id) index. */
    static Set<UUID> clientIdsSeen(long userId, List<UUID> clientReviewIds) {
        Set<UUID> seen = new HashSet<>();
        if (clientReviewIds.isEmpty()) {
            return seen;
        }
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select client_review_id from review_log where user_id = ? and client_review_id = any(?)")) {
                ps.setLong(1, userId);
                ps.setArray(2, connection.createArrayOf("uuid", clientReviewIds.toArray()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        });
        return seen;
    }

    /** The answers still in effect of these cards, per card in the order they were given. */
    static Map<Long, List<ReviewLog>> activeForCards(List<Long> cardIds) {
        Map<Long, List<ReviewLog>> byCard = new HashMap<>();
        for (int from = 0; from < cardIds.size(); from += Card.IN_LIST_CHUNK) {
            List<Long> chunk = cardIds.subList(from, Math.min(cardIds.size(), from + Card.IN_LIST_CHUNK));
            ReviewLog.<ReviewLog>list("cardId in ?1 and undoneAt is null order by cardId, reviewedAt, id", chunk)
                    .forEach(log -> byCard.computeIfAbsent(log.cardId, c -> new ArrayList<>()).add(log));
        }
        return byCard;
    }

    /**
     * Inserts new rows as JDBC batches on the transaction's connection: the identity ids would otherwise make
     * Hibernate send one statement per row. The rows do not learn their ids.
     */
    static void insertAll(List<ReviewLog> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var session = getEntityManager().unwrap(org.hibernate.Session.class);
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into review_log (card_id, user_id, client_review_id, rating, reviewed_at, duration_ms,
                        state_before, step_before, stability_before, difficulty_before, due_before, last_review_before,
                        reps_before, lapses_before, retrievability, state_after, step_after, stability_after,
                        difficulty_after, due_after, elapsed_days, scheduled_days, origin)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (ReviewLog r : rows) {
                    int i = 1;
                    ps.setLong(i++, r.cardId);
                    ps.setLong(i++, r.userId);
                    ps.setObject(i++, r.clientReviewId);
                    ps.setShort(i++, r.rating);
                    ps.setObject(i++, utc(r.reviewedAt));
                    ps.setInt(i++, r.durationMs);
                    ps.setShort(i++, r.before.state());
                    ps.setObject(i++, r.before.step(), Types.SMALLINT);
                    ps.setObject(i++, r.before.stability(), Types.DOUBLE);
                    ps.setObject(i++, r.before.difficulty(), Types.DOUBLE);
                    ps.setObject(i++, utc(r.before.due()));
                    ps.setObject(i++, utc(r.before.lastReview()), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setInt(i++, r.before.reps());
                    ps.setInt(i++, r.before.lapses());
                    ps.setObject(i++, r.retrievability, Types.DOUBLE);
                    ps.setShort(i++, r.stateAfter);
                    ps.setObject(i++, r.stepAfter, Types.SMALLINT);
                    ps.setDouble(i++, r.stabilityAfter);
                    ps.setDouble(i++, r.difficultyAfter);
                    ps.setObject(i++, utc(r.dueAfter));
                    ps.setInt(i++, r.elapsedDays);
                    ps.setInt(i++, r.scheduledDays);
                    ps.setString(i, r.origin);
                    ps.addBatch();
                    if (++pending == INSERT_BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        });
    }

    private static final int INSERT_BATCH = 1000;

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Stores what this answer did to a card that was in state {@code before}. */
    void record(CardState before, Outcome outcome) {
        CardState after = outcome.after();
        this.before = StoredState.of(before);
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
        return before.toCardState();
    }

    CardState after() {
        boolean lapse = before.state() == State.REVIEW.code() && rating == Rating.AGAIN.grade()
                && !EarlyAnswers.isEarly(origin);
        return new CardState(State.fromCode(stateAfter), stepAfter == null ? null : (int) stepAfter, stabilityAfter,
                difficultyAfter, dueAfter, reviewedAt, before.reps() + 1, before.lapses() + (lapse ? 1 : 0));
    }
}
