package io.demodeck.review;

import io.agroal.api.AgroalDataSource;
import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Outcome;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.Scheduler;
import io.demodeck.review.scheduler.State;
import io.demodeck.review.scheduler.StudyDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.StaleStateException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The review engine: study queue, grading, undo, preview and the review-log export. Every write is
 * one transaction that appends to the log and moves the card with an optimistic lock; a writer that
 * lost a race retries on the fresh state, so no answer is applied twice to the same old state and
 * none is lost.
 */
@ApplicationScoped
public class ReviewService {

    static final int MAX_ATTEMPTS = 5;
    private static final Set<String> ORIGINS = Set.of("web", "api", "import");

    @Inject
    StudySettingsService settings;

    @Inject
    AgroalDataSource dataSource;

    // ---------------------------------------------------------------------------------------------- results

    /** A card's scheduling state as callers see it. */
    public record CardView(long cardId, long questionId, State state, Integer step, Double stability,
                           Double difficulty, Instant due, Instant lastReview, int reps, int lapses) {
    }

    /**
     * What a grade did. {@code card} is the card's state right after it (for a late answer, with the later answers
     * replayed on top). {@code replayed} is true when the client id had been seen before and this is the first
     * result again (nothing was written; {@code card} is then the state that first grade left).
     */
    public record GradeResult(long reviewLogId, long cardId, long questionId, Rating rating, Instant reviewedAt,
                              CardView card, Double retrievability, int elapsedDays, int scheduledDays,
                              boolean replayed) {
    }

    /** One button of the answer bar: where the card goes if the learner picks it now. */
    public record PreviewOption(Rating rating, State state, Instant due, Duration interval, int scheduledDays) {
    }

    /** A question to study next; {@code cardId} is null until the learner opens or answers it. */
    public record QueueItem(long questionId, Long cardId, State state, Instant due) {
    }

    /** What is left today in a deck. */
    public record QueueCounts(int newCards, int learning, int review) {
    }

    public record UndoResult(long undoneReviewLogId, CardView card) {
    }

    // ---------------------------------------------------------------------------------------------- queue

    /** The next {@code limit} questions: due (re)learning cards, then due reviews, then new questions. */
    public List<QueueItem> studyQueue(long userId, long deckId, Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return withConnection(c -> readQueue(c, userId, deckId, settings.get(c, userId), now, limit)).items().stream()
                .map(row -> new QueueItem(row.questionId(), row.cardId(), row.state() == null ? State.NEW : row.state().state(),
                        row.state() == null ? null : row.state().due()))
                .toList();
    }

    /** New questions, (re)learning and review cards left for today in a deck. */
    public QueueCounts counts(long userId, long deckId, Instant now) {
        return withConnection(c -> readQueue(c, userId, deckId, settings.get(c, userId), now, 0)).counts();
    }

    /** A card to study next, with the four outcomes exactly as {@link #grade} would apply them now. */
    public record NextCard(CardView card, Map<Rating, PreviewOption> outcomes) {
    }

    /**
     * What a study screen shows: the next cards in queue order and what is left today ({@code counts} is null when the
     * caller left them out), with the deck's id and content stamp ({@code deck.updated_at}) as read with them, so the
     * caller can show the questions from its cache.
     */
    public record StudyBatch(long deckId, Instant deckStamp, QueueCounts counts, List<NextCard> cards) {
    }

    /**
     * The next {@code limit} cards of a deck with their previewed outcomes and today's counts: one statement for the
     * deck and the learner's settings, one for the queue. New questions in it are opened (their cards are created), so
     * the preview's fuzz is the one a grade will apply. Empty when there is no such deck.
     */
    public Optional<StudyBatch> nextCards(long userId, String deckExternalId, Instant now, int limit) {
        return nextCards(userId, deckExternalId, now, limit, true);
    }

    /** {@link #nextCards(long, String, Instant, int)}; without {@code withCounts} the day's counts are not read. */
    public Optional<StudyBatch> nextCards(long userId, String deckExternalId, Instant now, int limit, boolean withCounts) {
        return nextCards(userId, "d.external_id = ?", deckExternalId, now, limit, withCounts);
    }

    /**
     * The next cards of the deck a question belongs to, as {@link #nextCards(long, String, Instant, int, boolean)}
     * returns them for that deck: what a client shows after answering that question. Empty when there is no such question.
     */
    public Optional<StudyBatch> nextCardsAfter(long userId, long questionId, Instant now, int limit, boolean withCounts) {
        return nextCards(userId, "d.id = (select q.deck_id from question q where q.id = ?)", questionId, now, limit,
                withCounts);
    }

    private Optional<StudyBatch> nextCards(long userId, String whichDeck, Object deckKey, Instant now, int limit,
                                           boolean withCounts) {
        // no transaction: the reads need none, and opening new cards is one idempotent statement
        return withConnection(c -> {
            long deckId;
            Instant deckStamp;
            StudySettings s;
            try (PreparedStatement ps = c.prepareStatement("select d.id, d.updated_at, " + StudySettingsService.COLUMNS
                    + " from deck d left join user_settings s on s.user_id = ? where " + whichDeck)) {
                ps.setLong(1, userId);
                ps.setObject(2, deckKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    deckId = rs.getLong(1);
                    deckStamp = rs.getTimestamp(2).toInstant();
                    s = StudySettingsService.read(rs, 3);
                }
            }
            Scheduler scheduler = settings.schedulerFor(s);
            QueueRead queue = withCounts ? readQueue(c, userId, deckId, s, now, limit)
                    : readNext(c, userId, deckId, s, now, limit);
            List<Long> unopened = queue.items().stream().filter(row -> row.cardId() == null).map(QueueRow::questionId).toList();
            Map<Long, QueueRow> opened = unopened.isEmpty() ? Map.of() : open(c, userId, unopened, now);
            List<NextCard> cards = new ArrayList<>(queue.items().size());
            for (QueueRow row : queue.items()) {
                QueueRow card = row.cardId() == null ? opened.get(row.questionId()) : row;
                if (card == null) {
                    continue; // the question went away since the queue was read
                }
                cards.add(new NextCard(view(card.cardId(), card.questionId(), card.state()),
                        options(scheduler.preview(card.cardId(), card.state(), now))));
            }
            return Optional.of(new StudyBatch(deckId, deckStamp, queue.counts(), cards));
        });
    }

    /** One card or new question of the queue; {@code cardId} and {@code state} are null for a question never opened. */
    private record QueueRow(Long cardId, long questionId, CardState state) {
    }

    private record QueueRead(List<QueueRow> items, QueueCounts counts) {
    }

    private QueueRead readQueue(Connection c, long userId, long deckId, StudySettings s, Instant now, int limit)
            throws SQLException {
        StudyDays days = settings.schedulerFor(s).studyDays();
        int wanted = Math.max(limit, 0);
        List<QueueRow> items = new ArrayList<>(Math.min(wanted, 64));
        QueueCounts counts = new QueueCounts(0, 0, 0);
        try (PreparedStatement ps = c.prepareStatement(StudyQueueSql.DUE)) {
            StudyQueueSql.bindDue(ps, userId, deckId, io.demodeck.classes.ClassLimits.newCardsPerDay(c, userId, deckId, s.newCardsPerDay()), Timestamp.from(days.startOfDay(now)),
                    Timestamp.from(now), Timestamp.from(days.startOfNextDay(now)), wanted);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == StudyQueueSql.KIND_COUNTS) {
                        counts = new QueueCounts(rs.getInt(14), rs.getInt(12), rs.getInt(13));
                    } else if (items.size() < wanted) {
                        items.add(queueRow(rs));
                    }
                }
            }
        }
        int newOnes = Math.min(wanted - items.size(), counts.newCards());
        if (newOnes > 0) {
            try (PreparedStatement ps = c.prepareStatement(StudyQueueSql.NEW_QUESTIONS)) {
                StudyQueueSql.bindNewQuestions(ps, userId, deckId, newOnes);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(queueRow(rs));
                    }
                }
            }
        }
        return new QueueRead(items, counts);
    }

    /**
     * The same cards as {@link #readQueue} without the day's counts: the due cards read from the index pages of the
     * learner's next cards, and the new-card budget left today from the learner's answers of today; {@code counts} is null.
     */
    private QueueRead readNext(Connection c, long userId, long deckId, StudySettings s, Instant now, int limit)
            throws SQLException {
        StudyDays days = settings.schedulerFor(s).studyDays();
        int wanted = Math.max(limit, 0);
        List<QueueRow> items = new ArrayList<>(Math.min(wanted, 64));
        int budgetLeft = 0;
        try (PreparedStatement ps = c.prepareStatement(StudyQueueSql.NEXT)) {
            StudyQueueSql.bindNext(ps, userId, deckId, io.demodeck.classes.ClassLimits.newCardsPerDay(c, userId, deckId, s.newCardsPerDay()), Timestamp.from(days.startOfDay(now)),
                    Timestamp.from(now), Timestamp.from(days.startOfNextDay(now)), wanted);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == StudyQueueSql.KIND_COUNTS) {
                        budgetLeft = rs.getInt(14);
                    } else if (items.size() < wanted) {
                        items.add(queueRow(rs));
                    }
                }
            }
        }
        int newOnes = Math.min(wanted - items.size(), budgetLeft);
        if (newOnes > 0) {
            try (PreparedStatement ps = c.prepareStatement(StudyQueueSql.NEW_QUESTIONS)) {
                StudyQueueSql.bindNewQuestions(ps, userId, deckId, newOnes);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(queueRow(rs));
                    }
                }
            }
        }
        return new QueueRead(items, null);
    }

    private static QueueRow queueRow(ResultSet rs) throws SQLException {
        long questionId = rs.getLong(3);
        long cardId = rs.getLong(2);
        if (rs.wasNull()) {
            return new QueueRow(null, questionId, null);
        }
        short step = rs.getShort(5);
        Integer stepValue = rs.wasNull() ? null : (int) step;
        double stability = rs.getDouble(6);
        Double stabilityValue = rs.wasNull() ? null : stability;
        double difficulty = rs.getDouble(7);
        Double difficultyValue = rs.wasNull() ? null : difficulty;
        Timestamp lastReview = rs.getTimestamp(9);
        CardState state = new CardState(State.fromCode(rs.getShort(4)), stepValue, stabilityValue, difficultyValue,
                rs.getTimestamp(8).toInstant(), lastReview == null ? null : lastReview.toInstant(), rs.getInt(10),
                rs.getInt(11));
        return new QueueRow(cardId, questionId, state);
    }

    /** Creates the cards of new questions (a concurrent open of the same question is harmless) and reads them back. */
    private static Map<Long, QueueRow> open(Connection c, long userId, List<Long> questionIds, Instant now) throws SQLException {
        Long[] ids = questionIds.toArray(Long[]::new);
        Card.insertMissing(c, userId, ids, now);
        Map<Long, QueueRow> cards = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select 2, id, question_id, state, step, stability, difficulty, due, last_review, reps, lapses
                from card where user_id = ? and question_id = any(?)""")) {
            ps.setLong(1, userId);
            ps.setArray(2, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    QueueRow row = queueRow(rs);
                    cards.put(row.questionId(), row);
                }
            }
        }
        return cards;
    }

    // ---------------------------------------------------------------------------------------------- grade

    /**
     * Applies an answer. The same {@code clientReviewId} again returns the first result and writes
     * nothing. Runs in its own transaction, retried on a concurrent change of the card.
     *
     * @throws UnknownQuestionException if the question does not exist
     * @throws ReviewIdReusedException  if the client id was used before for another question
     * @throws ReviewConflictException  if the card changed under every attempt
     */
    public GradeResult grade(long userId, long questionId, Rating rating, Instant reviewedAt, long durationMs,
                             UUID clientReviewId, String origin) {
        return grade(userId, questionId, rating, reviewedAt, durationMs, clientReviewId, origin, false);
    }

    /**
     * Like {@link #grade}, for answers that may arrive late and out of order (offline devices): the card ends
     * in the state it would have if every answer had arrived in {@code reviewedAt} order. An answer older than
     * answers already applied rewinds the card to just before them, applies the late one and replays the
     * later ones from the log on top. The log keeps every answer's facts (rating, time, client id); the
     * derived before/after states of the replayed rows are recomputed.
     */
    public GradeResult gradeInTimeOrder(long userId, long questionId, Rating rating, Instant reviewedAt, long durationMs,
                                        UUID clientReviewId, String origin) {
        return grade(userId, questionId, rating, reviewedAt, durationMs, clientReviewId, origin, true);
    }

    private GradeResult grade(long userId, long questionId, Rating rating, Instant reviewedAt, long durationMs,
                              UUID clientReviewId, String origin, boolean inTimeOrder) {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        Objects.requireNonNull(clientReviewId, "clientReviewId");
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be >= 0, got " + durationMs);
        }
        if (!ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("origin must be one of " + ORIGINS + ", got " + origin);
        }
        int duration = (int) Math.min(durationMs, Integer.MAX_VALUE);
        Instant at = storedPrecision(reviewedAt);
        return retrying("grade question " + questionId + (inTimeOrder ? " in time order" : ""),
                () -> gradeOnce(userId, questionId, rating, at, duration, clientReviewId, origin, inTimeOrder));
    }

    private GradeResult gradeOnce(long userId, long questionId, Rating rating, Instant reviewedAt, int durationMs,
                                  UUID clientReviewId, String origin, boolean inTimeOrder) {
        Answer answer = new Answer(questionId, rating, reviewedAt, durationMs, clientReviewId);
        // one connection for the read and, for an answer newer than the card's last one (the usual case), the write
        Object outcome = withConnection(c -> {
            GradeRead read = readForGrade(c, userId, questionId, clientReviewId, reviewedAt);
            boolean late = inTimeOrder && !read.seen() && read.card().lastReview != null
                    && read.card().lastReview.isAfter(reviewedAt);
            return read.seen() || late ? read : applyNow(c, read, userId, questionId, answer, origin);
        });
        if (outcome instanceof GradeResult applied) {
            return applied;
        }
        GradeRead read = (GradeRead) outcome;
        if (read.seen()) {
            return resent(userId, clientReviewId, questionId);
        }
        // older than answers already applied: slot it in and replay the later ones (the card's last review is its
        // latest answer in effect, so only such an answer has later ones)
        return QuarkusTransaction.requiringNew().call(() -> {
            Card card = Card.findById(read.card().id);
            List<ReviewLog> later = ReviewLog.activeForCardAfter(card.id, reviewedAt);
            ReviewLog inserted = slotIn(card, settings.schedulerFor(read.settings()), userId, List.of(answer), later,
                    origin).getFirst();
            inserted.persist();
            Card.getEntityManager().flush(); // the card's version check makes a concurrent grade retry on top of this
            GradeResult applied = result(inserted, questionId, false);
            return new GradeResult(applied.reviewLogId(), applied.cardId(), questionId, rating, reviewedAt,
                    view(card.id, questionId, card.toState()), applied.retrievability(), applied.elapsedDays(),
                    applied.scheduledDays(), false);
        });
    }

    /**
     * The card of the answered question (created if it has none yet), whether the client id was seen before, and the
     * learner's settings.
     */
    private record GradeRead(Card card, boolean seen, StudySettings settings) {
    }

    /** One round trip: the learner's card for the question, whether this answer's client id is in the log, the settings. */
    private static GradeRead readForGrade(Connection c, long userId, long questionId, UUID clientReviewId, Instant now)
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
                boolean seen = rs.getBoolean(12);
                settings = StudySettingsService.read(rs, 13);
                rs.getLong(1);
                if (!rs.wasNull() || seen) {
                    return new GradeRead(seen ? null : cardRow(rs, userId, questionId), seen, settings);
                }
            }
        }
        // first answer: create the card (a concurrent first answer is harmless: both end up with the same row)
        Card.insertMissing(c, userId, new Long[]{questionId}, now);
        try (PreparedStatement ps = c.prepareStatement("""
                select id, deck_id, state, step, stability, difficulty, due, last_review, reps, lapses, version
                from card where user_id = ? and question_id = ?""")) {
            ps.setLong(1, userId);
            ps.setLong(2, questionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownQuestionException("no question " + questionId);
                }
                return new GradeRead(cardRow(rs, userId, questionId), false, settings);
            }
        }
    }

    private static Card cardRow(ResultSet rs, long userId, long questionId) throws SQLException {
        Card card = new Card();
        card.id = rs.getLong(1);
        card.userId = userId;
        card.questionId = questionId;
        card.deckId = rs.getLong(2);
        card.state = rs.getShort(3);
        short step = rs.getShort(4);
        card.step = rs.wasNull() ? null : step;
        double stability = rs.getDouble(5);
        card.stability = rs.wasNull() ? null : stability;
        double difficulty = rs.getDouble(6);
        card.difficulty = rs.wasNull() ? null : difficulty;
        card.due = rs.getTimestamp(7).toInstant();
        Timestamp lastReview = rs.getTimestamp(8);
        card.lastReview = lastReview == null ? null : lastReview.toInstant();
        card.reps = rs.getInt(9);
        card.lapses = rs.getInt(10);
        card.version = rs.getLong(11);
        return card;
    }

    /**
     * Applies an answer on top of the card's current state: the grading rule of {@link #slotIn} on a card read with
     * plain JDBC, written back in one statement that moves the card only if nobody else did (its version) and appends
     * the log row. One statement is atomic on its own, so no transaction is needed around it. A lost race throws, so
     * {@link #retrying} tries again on the fresh state.
     */
    private GradeResult applyNow(Connection c, GradeRead read, long userId, long questionId, Answer answer, String origin)
            throws SQLException {
        Card card = read.card();
        long version = card.version;
        Scheduler scheduler = settings.schedulerFor(read.settings());
        ReviewLog log = slotIn(card, scheduler, userId, List.of(answer), List.of(), origin).getFirst();
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
            Object[] params = {
                    card.state, card.step, card.stability, card.difficulty, Timestamp.from(card.due),
                    Timestamp.from(card.lastReview), card.reps, card.lapses, Timestamp.from(card.updatedAt),
                    card.id, version,
                    userId, log.clientReviewId, log.rating, Timestamp.from(log.reviewedAt), log.durationMs, log.stateBefore,
                    log.stepBefore, log.stabilityBefore, log.difficultyBefore, Timestamp.from(log.dueBefore),
                    log.lastReviewBefore == null ? null : Timestamp.from(log.lastReviewBefore), log.repsBefore,
                    log.lapsesBefore, log.retrievability, log.stateAfter, log.stepAfter, log.stabilityAfter,
                    log.difficultyAfter, Timestamp.from(log.dueAfter), log.elapsedDays, log.scheduledDays, log.origin};
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OptimisticLockException("card " + card.id + " changed since it was read");
                }
                log.id = rs.getLong(1);
            }
        }
        return result(log, questionId, false);
    }

    /** One answer of {@link #gradeAllInTimeOrder}: what {@link #gradeInTimeOrder} takes. */
    public record Answer(long questionId, Rating rating, Instant reviewedAt, int durationMs, UUID clientReviewId) {
        public Answer {
            Objects.requireNonNull(rating, "rating");
            Objects.requireNonNull(reviewedAt, "reviewedAt");
            Objects.requireNonNull(clientReviewId, "clientReviewId");
            if (durationMs < 0) {
                throw new IllegalArgumentException("durationMs must be >= 0, got " + durationMs);
            }
        }
    }

    /** What {@link #gradeAllInTimeOrder} did: the client ids it applied, and how many had been applied before. */
    public record BatchResult(Set<UUID> applied, int alreadyApplied) {
    }

    /**
     * {@link #gradeInTimeOrder} for many answers of one learner at once, <em>in the caller's transaction</em>: an
     * import applies its review history together with its questions, all or nothing. Each card ends as a replay of
     * its log in {@code reviewedAt} order, answers already applied (same client id) are left alone, and the work is
     * batched: a few queries for the whole batch instead of several per answer. There is no retry here: a card
     * that changes concurrently fails the caller's transaction.
     *
     * @throws UnknownQuestionException if a question does not exist
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BatchResult gradeAllInTimeOrder(long userId, List<Answer> answers, String origin) {
        if (!ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("origin must be one of " + ORIGINS + ", got " + origin);
        }
        Set<UUID> seen = ReviewLog.clientIdsSeen(userId, answers.stream().map(Answer::clientReviewId).toList());
        Set<UUID> taken = new HashSet<>(seen);
        Map<Long, List<Answer>> byQuestion = new LinkedHashMap<>();
        int already = 0;
        for (Answer a : answers) {
            if (!taken.add(a.clientReviewId())) {
                already++; // applied before, or twice in this batch
                continue;
            }
            byQuestion.computeIfAbsent(a.questionId(), q -> new ArrayList<>()).add(a);
        }
        if (byQuestion.isEmpty()) {
            return new BatchResult(Set.of(), already);
        }
        Map<Long, Instant> firstAnswer = new HashMap<>();
        byQuestion.forEach((question, list) -> {
            list.sort(Comparator.comparing(Answer::reviewedAt)); // stable: equal times keep their order
            firstAnswer.put(question, list.getFirst().reviewedAt());
        });
        Card.insertAllMissing(userId, firstAnswer);
        Map<Long, Card> cards = Card.listByUserAndQuestions(userId, byQuestion.keySet());
        for (Long question : byQuestion.keySet()) {
            if (!cards.containsKey(question)) {
                throw new UnknownQuestionException("no question " + question);
            }
        }
        Map<Long, List<ReviewLog>> active = ReviewLog.activeForCards(cards.values().stream().map(c -> c.id).toList());
        Scheduler scheduler = settings.schedulerFor(userId);
        List<ReviewLog> fresh = new ArrayList<>(answers.size());
        byQuestion.forEach((question, list) -> {
            Card card = cards.get(question);
            Instant first = list.getFirst().reviewedAt();
            List<ReviewLog> later = active.getOrDefault(card.id, List.of()).stream()
                    .filter(log -> log.reviewedAt.isAfter(first)).toList();
            fresh.addAll(slotIn(card, scheduler, userId, list, later, origin));
        });
        ReviewLog.insertAll(fresh);
        Card.getEntityManager().flush(); // the cards and the replayed rows, each card with its version check
        return new BatchResult(fresh.stream().map(log -> log.clientReviewId).collect(Collectors.toSet()),
                already);
    }

    /** Which of these client ids the learner's log already holds: the answers a batch would leave alone. */
    public Set<UUID> alreadyApplied(long userId, List<UUID> clientReviewIds) {
        return QuarkusTransaction.joiningExisting().call(() -> ReviewLog.clientIdsSeen(userId, clientReviewIds));
    }

    /**
     * The grading rule for answers that may arrive late: the card is rewound to just before the earliest of the
     * {@code fresh} answers, then the fresh answers and the {@code later} ones already applied are replayed in
     * {@code reviewedAt} order (at equal times the applied one first). The replayed rows keep their facts (rating,
     * time, client id) and get their before/after states recomputed; the card gets the final state.
     *
     * @param fresh answers not applied yet, in time order
     * @param later the card's applied answers after the earliest fresh one, in time order
     * @return the rows of the fresh answers, not stored yet
     */
    private static List<ReviewLog> slotIn(Card card, Scheduler scheduler, long userId, List<Answer> fresh,
                                          List<ReviewLog> later, String origin) {
        CardState state = later.isEmpty() ? card.toState() : later.getFirst().before();
        List<ReviewLog> created = new ArrayList<>(fresh.size());
        int f = 0;
        int l = 0;
        while (f < fresh.size() || l < later.size()) {
            boolean appliedFirst = l < later.size()
                    && (f == fresh.size() || !later.get(l).reviewedAt.isAfter(fresh.get(f).reviewedAt()));
            ReviewLog log;
            if (appliedFirst) {
                log = later.get(l++);
            } else {
                Answer a = fresh.get(f++);
                log = newLog(card, userId, a.clientReviewId(), a.rating(), a.reviewedAt(), a.durationMs(), origin);
                created.add(log);
            }
            Outcome outcome = scheduler.next(card.id, state, Rating.fromGrade(log.rating), log.reviewedAt);
            log.record(state, outcome);
            state = outcome.after();
        }
        card.apply(state, Instant.now());
        return created;
    }

    private static ReviewLog newLog(Card card, long userId, UUID clientReviewId, Rating rating, Instant reviewedAt,
                                    int durationMs, String origin) {
        ReviewLog log = new ReviewLog();
        log.cardId = card.id;
        log.userId = userId;
        log.clientReviewId = clientReviewId;
        log.rating = (short) rating.grade();
        log.reviewedAt = reviewedAt;
        log.durationMs = durationMs;
        log.origin = origin;
        return log;
    }

    private Card loadOrCreate(long userId, long questionId, Instant now) {
        Optional<Card> card = Card.findByUserAndQuestion(userId, questionId);
        if (card.isPresent()) {
            return card.get();
        }
        Card.insertIfMissing(userId, questionId, now);
        return Card.findByUserAndQuestion(userId, questionId)
                .orElseThrow(() -> new UnknownQuestionException("no question " + questionId));
    }

    /**
     * PostgreSQL keeps microseconds: the card is computed from the instant as it will be stored, so what a grade
     * returns, what is stored and what a replay of the log computes are the same.
     */
    private static Instant storedPrecision(Instant reviewedAt) {
        return reviewedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The first result again for a resent answer. The same id with another rating is a double submit where the
     * learner changed their mind in flight: the first answer stands (its rating is in the result). The same id for
     * another question is a client bug and is refused.
     */
    private static GradeResult resent(long userId, UUID clientReviewId, long questionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReviewLog first = ReviewLog.findByClientId(userId, clientReviewId).orElseThrow();
            long firstQuestion = Card.<Card>findById(first.cardId).questionId;
            if (firstQuestion != questionId) {
                throw new ReviewIdReusedException("clientReviewId " + first.clientReviewId + " was already used for an "
                        + "answer to question " + firstQuestion + "; give every answer its own id");
            }
            return result(first, firstQuestion, true);
        });
    }

    private static GradeResult result(ReviewLog log, long questionId, boolean replayed) {
        return new GradeResult(log.id, log.cardId, questionId, Rating.fromGrade(log.rating), log.reviewedAt,
                view(log.cardId, questionId, log.after()), log.retrievability, log.elapsedDays, log.scheduledDays,
                replayed);
    }

    // ---------------------------------------------------------------------------------------------- preview

    /**
     * The four outcomes for a question at {@code now}: exactly what {@link #grade} would apply at that
     * instant (same card id and review count, so the same fuzz). Opening a question creates its card.
     */
    public Map<Rating, PreviewOption> preview(long userId, long questionId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Card card = loadOrCreate(userId, questionId, now);
            return options(settings.schedulerFor(userId).preview(card.id, card.toState(), now));
        });
    }

    private static Map<Rating, PreviewOption> options(Map<Rating, Outcome> outcomes) {
        Map<Rating, PreviewOption> options = new EnumMap<>(Rating.class);
        outcomes.forEach((rating, o) -> options.put(rating, new PreviewOption(rating, o.after().state(), o.after().due(),
                o.interval(), o.scheduledDays())));
        return options;
    }

    /** The learner's card for a question, if they have opened or answered it. */
    public Optional<CardView> card(long userId, long questionId) {
        return QuarkusTransaction.requiringNew().call(() -> Card.findByUserAndQuestion(userId, questionId)
                .map(c -> view(c.id, c.questionId, c.toState())));
    }

    // ---------------------------------------------------------------------------------------------- undo

    /**
     * Undoes the card's last answer that is still in effect: the card gets back the exact state stored
     * in that log row, and the row is marked undone (the log is never deleted). Empty when there is
     * nothing to undo.
     */
    public Optional<UndoResult> undoLast(long userId, long cardId) {
        return withRetries("undo on card " + cardId, () -> undoOnce(userId, cardId));
    }

    /** Undoes the learner's most recent answer still in effect in a deck. */
    public Optional<UndoResult> undoLastInDeck(long userId, long deckId) {
        Optional<Long> cardId = QuarkusTransaction.requiringNew().call(() -> Card.getEntityManager().createNativeQuery("""
                        select r.card_id from review_log r join card c on c.id = r.card_id
                        where r.user_id = :user and c.deck_id = :deck and r.undone_at is null
                        order by r.id desc limit 1""", Long.class)
                .setParameter("user", userId).setParameter("deck", deckId)
                .getResultStream().findFirst().map(id -> ((Number) id).longValue()));
        return cardId.flatMap(id -> undoLast(userId, id));
    }

    private Optional<UndoResult> undoOnce(long userId, long cardId) {
        Card card = Card.findById(cardId);
        if (card == null || card.userId != userId) {
            throw new UnknownQuestionException("no card " + cardId + " for this learner");
        }
        Optional<ReviewLog> last = ReviewLog.lastActiveForCard(cardId);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        ReviewLog log = last.get();
        Instant now = Instant.now();
        card.apply(log.before(), now);
        log.undoneAt = now;
        Card.getEntityManager().flush();
        return Optional.of(new UndoResult(log.id, view(card.id, card.questionId, card.toState())));
    }

    // ---------------------------------------------------------------------------------------------- export

    /**
     * Writes the learner's review history as CSV in the column layout FSRS optimizers read
     * ({@code card_id,review_time,review_rating,review_state,review_duration}; time in epoch ms, state
     * before the review, duration in ms), oldest first, undone answers left out. Streams with a cursor.
     */
    public void exportReviewLogCsv(long userId, Writer out) {
        QuarkusTransaction.requiringNew().run(() -> withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select card_id, reviewed_at, rating, state_before, duration_ms from review_log
                    where user_id = ? and undone_at is null order by reviewed_at, id""")) {
                ps.setFetchSize(1000); // a server-side cursor inside the transaction: memory stays flat
                ps.setLong(1, userId);
                out.write("card_id,review_time,review_rating,review_state,review_duration\n");
                try (ResultSet rs = ps.executeQuery()) {
                    StringBuilder line = new StringBuilder(64);
                    while (rs.next()) {
                        line.setLength(0);
                        line.append(rs.getLong(1)).append(',').append(rs.getTimestamp(2).getTime()).append(',')
                                .append(rs.getShort(3)).append(',').append(rs.getShort(4)).append(',')
                                .append(rs.getInt(5)).append('\n');
                        out.append(line);
                    }
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }));
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    private static CardView view(long cardId, long questionId, CardState s) {
        return new CardView(cardId, questionId, s.state(), s.step(), s.stability(), s.difficulty(), s.due(),
                s.lastReview(), s.reps(), s.lapses());
    }

    /** Runs {@code work} in a new transaction, again on a fresh state after a lost race, at most {@value #MAX_ATTEMPTS} times. */
    private static <T> T withRetries(String what, Callable<T> work) {
        return retrying(what, () -> QuarkusTransaction.requiringNew().call(work));
    }

    /** Runs {@code work} again after a lost race, at most {@value #MAX_ATTEMPTS} times; {@code work} makes its own transactions. */
    private static <T> T retrying(String what, Callable<T> work) {
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                if (!lostRace(e)) {
                    throw e;
                }
                lastFailure = e;
                backOff(attempt);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new ReviewConflictException(what + ": the card kept changing concurrently (" + MAX_ATTEMPTS
                + " attempts); try again", lastFailure);
    }

    // jitter so that writers who just collided do not collide again in lockstep
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 1 + 4 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReviewConflictException("interrupted while retrying", e);
        }
    }

    /** A stale version, or a unique key another transaction took first: retrying sees the winner. */
    static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())
                    || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof org.hibernate.JDBCException jdbc && lostRace(jdbc.getSQLException())) {
                return true;
            }
        }
        return false;
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("database query failed: " + e.getMessage(), e);
        }
    }
}
