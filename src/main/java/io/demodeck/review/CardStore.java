package io.demodeck.review;

import io.agroal.api.AgroalDataSource;
import io.demodeck.review.ReviewService.QueueCounts;
import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Outcome;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The study loop's statements in plain JDBC: the queue ({@link StudyQueueSql}), opening new cards, the read before a
 * grade and the one statement that applies it. Plain JDBC because these run on every study request: each is one
 * round trip, none needs a transaction or a persistence context, and the statements are exactly what the plan test
 * checks. Rows come back as records read by column name; the caller holds the connection, so one request's statements
 * share it ({@link #withConnection}).
 */
@ApplicationScoped
public class CardStore {

    @Inject
    AgroalDataSource dataSource;

    /** A learner's card as grading reads it; {@code version} is the optimistic lock the write checks. */
    record StoredCard(long id, long questionId, long deckId, long version, CardState state) {
    }

    /** One card or new question of the queue; {@code cardId} and {@code state} are null for a question never opened. */
    record QueueCard(Long cardId, long questionId, CardState state) {
    }

    /** The deck a study screen shows, its content stamp ({@code deck.updated_at}) and the learner's settings. */
    record StudyDeck(long id, Instant stamp, StudySettings settings) {
    }

    /**
     * The due cards in queue order, and how many new questions may follow today: with the counts ({@link StudyQueueSql#DUE})
     * the new questions available today, without them ({@link StudyQueueSql#NEXT}) today's new-card budget left, and
     * {@code counts} null.
     */
    record DueCards(List<QueueCard> cards, QueueCounts counts, int newCardsLeft) {
    }

    /** The read before a grade: the learner's card (null when the client id was seen), the client id seen, the settings. */
    record GradeRead(StoredCard card, boolean seen, StudySettings settings) {
    }

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on one pooled connection (inside a transaction, the transaction's). */
    <T> T withConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("database query failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- the queue

    /** The deck with this external id and the learner's settings, in one statement. */
    Optional<StudyDeck> deckByExternalId(Connection c, long userId, String externalId) throws SQLException {
        return studyDeck(c, userId, "d.external_id = ?", externalId);
    }

    /** The deck a question belongs to and the learner's settings, in one statement. */
    Optional<StudyDeck> deckOfQuestion(Connection c, long userId, long questionId) throws SQLException {
        return studyDeck(c, userId, "d.id = (select q.deck_id from question q where q.id = ?)", questionId);
    }

    private static Optional<StudyDeck> studyDeck(Connection c, long userId, String whichDeck, Object deckKey)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select d.id, d.updated_at, " + StudySettingsService.COLUMNS
                + " from deck d left join user_settings s on s.user_id = ? where " + whichDeck)) {
            ps.setLong(1, userId);
            ps.setObject(2, deckKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StudyDeck(rs.getLong("id"), rs.getTimestamp("updated_at").toInstant(),
                        StudySettingsService.read(rs)));
            }
        }
    }

    /**
     * The learner's due cards in the deck, at most {@code limit}: {@link StudyQueueSql#DUE} with the day's counts,
     * {@link StudyQueueSql#NEXT} without them.
     */
    DueCards dueCards(Connection c, long userId, long deckId, int newCardsPerDay, int maxReviewsPerDay, Instant dayStart,
                      Instant now, Instant dayEnd, int limit, boolean withCounts) throws SQLException {
        List<QueueCard> cards = new ArrayList<>(Math.min(limit, 64));
        QueueCounts counts = withCounts ? new QueueCounts(0, 0, 0) : null;
        int newCardsLeft = 0;
        try (PreparedStatement ps = c.prepareStatement(withCounts ? StudyQueueSql.DUE : StudyQueueSql.NEXT)) {
            if (withCounts) {
                StudyQueueSql.bindDue(ps, userId, deckId, newCardsPerDay, maxReviewsPerDay, Timestamp.from(dayStart),
                        Timestamp.from(now), Timestamp.from(dayEnd), limit);
            } else {
                StudyQueueSql.bindNext(ps, userId, deckId, newCardsPerDay, maxReviewsPerDay, Timestamp.from(dayStart),
                        Timestamp.from(now), Timestamp.from(dayEnd), limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (StudyQueueSql.Kind.of(rs.getInt("kind")) == StudyQueueSql.Kind.COUNTS) {
                        newCardsLeft = rs.getInt("new_count");
                        if (withCounts) {
                            counts = new QueueCounts(newCardsLeft, rs.getInt("learning_count"), rs.getInt("review_count"));
                        }
                    } else if (cards.size() < limit) {
                        cards.add(queueCard(rs, rs.getLong("question_id")));
                    }
                }
            }
        }
        return new DueCards(cards, counts, newCardsLeft);
    }

    // NEW_QUESTIONS selects c.id and q.id, both named "id": the two ids are read by position
    private static final int NEW_QUESTIONS_CARD_ID = 2;
    private static final int NEW_QUESTIONS_QUESTION_ID = 3;

    /** Up to {@code limit} questions of the deck the learner has not started, in deck order ({@link StudyQueueSql#NEW_QUESTIONS}). */
    List<QueueCard> newQuestions(Connection c, long userId, long deckId, int limit) throws SQLException {
        List<QueueCard> cards = new ArrayList<>(limit);
        try (PreparedStatement ps = c.prepareStatement(StudyQueueSql.NEW_QUESTIONS)) {
            StudyQueueSql.bindNewQuestions(ps, userId, deckId, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long questionId = rs.getLong(NEW_QUESTIONS_QUESTION_ID);
                    long cardId = rs.getLong(NEW_QUESTIONS_CARD_ID);
                    cards.add(rs.wasNull() ? new QueueCard(null, questionId, null)
                            : new QueueCard(cardId, questionId, cardState(rs)));
                }
            }
        }
        return cards;
    }

    /** Creates the cards of new questions (a concurrent open of the same question is harmless) and reads them back. */
    Map<Long, QueueCard> open(Connection c, long userId, List<Long> questionIds, Instant now) throws SQLException {
        Long[] ids = questionIds.toArray(Long[]::new);
        insertMissing(c, userId, ids, now);
        Map<Long, QueueCard> cards = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select 2, id, question_id, state, step, stability, difficulty, due, last_review, reps, lapses
                from card where user_id = ? and question_id = any(?)""")) {
            ps.setLong(1, userId);
            ps.setArray(2, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    QueueCard card = queueCard(rs, rs.getLong("question_id"));
                    cards.put(card.questionId(), card);
                }
            }
        }
        return cards;
    }

    private static QueueCard queueCard(ResultSet rs, long questionId) throws SQLException {
        long cardId = rs.getLong("id");
        return rs.wasNull() ? new QueueCard(null, questionId, null) : new QueueCard(cardId, questionId, cardState(rs));
    }

    /**
     * The card's FSRS state from the columns {@link StoredState} maps ({@code state, step, stability, difficulty, due,
     * last_review, reps, lapses}), by name.
     */
    private static CardState cardState(ResultSet rs) throws SQLException {
        short step = rs.getShort("step");
        Integer stepValue = rs.wasNull() ? null : (int) step;
        double stability = rs.getDouble("stability");
        Double stabilityValue = rs.wasNull() ? null : stability;
        double difficulty = rs.getDouble("difficulty");
        Double difficultyValue = rs.wasNull() ? null : difficulty;
        Timestamp lastReview = rs.getTimestamp("last_review");
        return new CardState(State.fromCode(rs.getShort("state")), stepValue, stabilityValue, difficultyValue,
                rs.getTimestamp("due").toInstant(), lastReview == null ? null : lastReview.toInstant(), rs.getInt("reps"),
                rs.getInt("lapses"));
    }

    /**
     * Creates the cards for (user, question) unless they exist, due {@code now}: ON CONFLICT makes two first answers
     * racing each other harmless (both end up with the same row). Does nothing for an unknown question.
     */
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

    // ---------------------------------------------------------------------------------------------- grading

    /**
     * One round trip: the learner's card for the question, whether this answer's client id is in the log, the settings.
     * A first answer creates the card (one more statement to create it, one to read it).
     *
     * @throws UnknownQuestionException if the question does not exist
     */
    GradeRead readForGrade(Connection c, long userId, long questionId, UUID clientReviewId, Instant now)
            throws SQLException {
        StudySettings settings;
        try (PreparedStatement ps = c.prepareStatement("""
                select c.id, c.deck_id, c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses,
                       c.version, exists (select 1 from review_log r where r.user_id = ? and r.client_review_id = ?), """
                + StudySettingsService.COLUMNS + """
                 from (select 1) one
                left join card c on c.user_id = ? and c.question_id = ?
                left join user_settings s on s.user_id = ?""")) {
            ps.setLong(1, userId);
            ps.setObject(2, clientReviewId);
            ps.setLong(3, userId);
            ps.setLong(4, questionId);
            ps.setLong(5, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                boolean seen = rs.getBoolean("exists");
                settings = StudySettingsService.read(rs);
                rs.getLong("id");
                if (!rs.wasNull() || seen) {
                    return new GradeRead(seen ? null : storedCard(rs, questionId), seen, settings);
                }
            }
        }
        insertMissing(c, userId, new Long[]{questionId}, now);
        try (PreparedStatement ps = c.prepareStatement("""
                select id, deck_id, state, step, stability, difficulty, due, last_review, reps, lapses, version
                from card where user_id = ? and question_id = ?""")) {
            ps.setLong(1, userId);
            ps.setLong(2, questionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownQuestionException("no question " + questionId);
                }
                return new GradeRead(storedCard(rs, questionId), false, settings);
            }
        }
    }

    private static StoredCard storedCard(ResultSet rs, long questionId) throws SQLException {
        return new StoredCard(rs.getLong("id"), questionId, rs.getLong("deck_id"), rs.getLong("version"), cardState(rs));
    }

    /**
     * Moves the card to {@code outcome}'s state if nobody else did since it was read (its version) and appends the log
     * row, in one statement: atomic on its own, so no transaction is needed around it.
     *
     * @return the new log row's id
     * @throws OptimisticLockException if the card changed since it was read: the caller retries on the fresh state
     */
    long applyAnswer(Connection c, StoredCard card, long userId, UUID clientReviewId, Rating rating, Instant reviewedAt,
                     int durationMs, Outcome outcome, Instant updatedAt, String origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with moved as (
                    update card set state = ?::smallint, step = ?::smallint, stability = ?::float8, difficulty = ?::float8,
                                    due = ?::timestamptz, last_review = ?::timestamptz, reps = ?::integer, lapses = ?::integer,
                                    version = version + 1, updated_at = ?::timestamptz
                    where id = ? and version = ? returning id)
                insert into review_log (card_id, user_id, client_review_id, rating, reviewed_at, duration_ms, state_before,
                                        step_before, stability_before, difficulty_before, due_before, last_review_before,
                                        reps_before, lapses_before, retrievability, state_after, step_after,
                                        stability_after, difficulty_after, due_after, elapsed_days, scheduled_days, origin)
                select moved.id, ?::bigint, ?::uuid, ?::smallint, ?::timestamptz, ?::integer, ?::smallint, ?::smallint,
                       ?::float8, ?::float8, ?::timestamptz, ?::timestamptz, ?::integer, ?::integer, ?::float8, ?::smallint,
                       ?::smallint, ?::float8, ?::float8, ?::timestamptz, ?::integer, ?::integer, ?::varchar
                from moved
                returning id""")) {
            StoredState after = StoredState.of(outcome.after());
            new Binds(ps)
                    .state(after).add(Timestamp.from(updatedAt)) // update card set ...
                    .add(card.id()).add(card.version())          // where id = ? and version = ?
                    .add(userId).add(clientReviewId).add((short) rating.grade()).add(Timestamp.from(reviewedAt))
                    .add(durationMs)
                    .state(StoredState.of(card.state()))         // state_before ... lapses_before
                    .add(outcome.retrievability())
                    .add(after.state()).add(after.step()).add(after.stability()).add(after.difficulty())
                    .add(Timestamp.from(after.due()))            // state_after ... due_after
                    .add(outcome.elapsedDays()).add(outcome.scheduledDays()).add(origin);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OptimisticLockException("card " + card.id() + " changed since it was read");
                }
                return rs.getLong("id");
            }
        }
    }

    /** Binds the {@code ?} of a statement in order, so the order reads next to the statement's column lists. */
    private static final class Binds {
        private final PreparedStatement ps;
        private int next = 1;

        Binds(PreparedStatement ps) {
            this.ps = ps;
        }

        Binds add(Object value) throws SQLException {
            ps.setObject(next++, value);
            return this;
        }

        /** The eight state columns in {@link StoredState}'s order. */
        Binds state(StoredState s) throws SQLException {
            return add(s.state()).add(s.step()).add(s.stability()).add(s.difficulty()).add(Timestamp.from(s.due()))
                    .add(s.lastReview() == null ? null : Timestamp.from(s.lastReview())).add(s.reps()).add(s.lapses());
        }
    }
}
