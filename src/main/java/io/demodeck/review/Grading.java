package io.demodeck.review;

import io.micrometer.core.instrument.Metrics;
import io.demodeck.review.CardStore.GradeRead;
import io.demodeck.review.CardStore.StoredCard;
import io.demodeck.review.ReviewService.Answer;
import io.demodeck.review.ReviewService.BatchResult;
import io.demodeck.review.ReviewService.CardView;
import io.demodeck.review.ReviewService.GradeResult;
import io.demodeck.review.ReviewService.UndoResult;
import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Outcome;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.Scheduler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Grading: an answer on time (the study loop: plain JDBC, {@link CardStore}), a late answer slotted into the card's
 * history and the later ones replayed on top, a batch of answers in the caller's transaction (an import), and undo.
 * Every write appends to the log and moves the card under its version; a writer that lost a race retries on the fresh
 * state ({@link RaceRetries}). The late, batch and undo paths use the Panache entities {@link Card} and
 * {@link ReviewLog}: they run rarely and read several rows of a card's history.
 */
@ApplicationScoped
public class Grading {

    /**
     * Where an answer came from. "ahead" (review ahead) and "custom" (a custom session by tag or of today's failed
     * cards) are answers given before the card was due by the learner's choice: the log flags them as early
     * (V170), true retention leaves them out and an Again among them is no lapse ({@link EarlyAnswers}).
     */
    private static final Set<String> ORIGINS = Set.of("web", "api", "import", "ahead", "custom");

    @Inject
    StudySettingsService settings;

    @Inject
    CardStore store;

    /** See {@link ReviewService#grade} and {@link ReviewService#gradeInTimeOrder}. */
    public GradeResult grade(long userId, long questionId, Rating rating, Instant reviewedAt, long durationMs,
                      UUID clientReviewId, String origin, boolean inTimeOrder) {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        Objects.requireNonNull(clientReviewId, "clientReviewId");
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be >= 0, got " + durationMs);
        }
        checkOrigin(origin);
        int duration = (int) Math.min(durationMs, Integer.MAX_VALUE);
        Answer answer = new Answer(questionId, rating, storedPrecision(reviewedAt), duration, clientReviewId);
        GradeResult result = RaceRetries.retrying("grade question " + questionId + (inTimeOrder ? " in time order" : ""),
                () -> gradeOnce(userId, answer, origin, inTimeOrder));
        graded(origin, 1);
        return result;
    }

    /** demodeck.reviews.graded on /q/metrics, per origin (page, api, sync, …); a resent answer counts again. */
    private static void graded(String origin, int answers) {
        Metrics.counter("demodeck.reviews.graded", "origin", origin).increment(answers);
    }

    /** What the first read of a grade decided. */
    private sealed interface Attempt {
    }

    /** The answer was newer than the card's last one and is applied (the usual case). */
    private record Applied(GradeResult result) implements Attempt {
    }

    /** The client id was in the log: a resent answer. */
    private record Resent() implements Attempt {
    }

    /** Older than answers already applied (an offline device): to be slotted in. */
    private record Late(StoredCard card, StudySettings settings) implements Attempt {
    }

    private GradeResult gradeOnce(long userId, Answer answer, String origin, boolean inTimeOrder) {
        // one connection for the read and, for an answer newer than the card's last one (the usual case), the write
        Attempt attempt = store.withConnection(c -> {
            GradeRead read = store.readForGrade(c, userId, answer.questionId(), answer.clientReviewId(),
                    answer.reviewedAt());
            if (read.seen()) {
                return new Resent();
            }
            Instant lastReview = read.card().state().lastReview();
            if (inTimeOrder && lastReview != null && lastReview.isAfter(answer.reviewedAt())) {
                return new Late(read.card(), read.settings());
            }
            return new Applied(applyNow(c, read, userId, answer, origin));
        });
        return switch (attempt) {
            case Applied applied -> applied.result();
            case Resent resent -> resent(userId, answer.clientReviewId(), answer.questionId());
            case Late late -> slotInLate(userId, late, answer, origin);
        };
    }

    /**
     * Applies an answer on top of the card's current state, written back in one statement that moves the card only if
     * nobody else did. A lost race throws, so {@link RaceRetries#retrying} tries again on the fresh state.
     */
    private GradeResult applyNow(java.sql.Connection c, GradeRead read, long userId, Answer answer, String origin)
            throws java.sql.SQLException {
        StoredCard card = read.card();
        Scheduler scheduler = settings.schedulerFor(read.settings());
        Outcome outcome = EarlyAnswers.counted(scheduler.next(card.id(), card.state(), answer.rating(),
                answer.reviewedAt()), card.state(), origin);
        long logId = store.applyAnswer(c, card, userId, answer.clientReviewId(), answer.rating(), answer.reviewedAt(),
                answer.durationMs(), outcome, Instant.now(), origin);
        return new GradeResult(logId, card.id(), card.questionId(), answer.rating(), answer.reviewedAt(),
                CardView.of(card.id(), card.questionId(), outcome.after()), outcome.retrievability(),
                outcome.elapsedDays(), outcome.scheduledDays(), false);
    }

    /**
     * An answer older than answers already applied: slot it in and replay the later ones (the card's last review is
     * its latest answer in effect, so only such an answer has later ones).
     */
    private GradeResult slotInLate(long userId, Late late, Answer answer, String origin) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Card card = Card.findById(late.card().id());
            List<ReviewLog> later = ReviewLog.activeForCardAfter(card.id, answer.reviewedAt());
            ReviewLog inserted = replay(card, settings.schedulerFor(late.settings()), userId, List.of(answer), later,
                    origin).getFirst();
            inserted.persist();
            Card.getEntityManager().flush(); // the card's version check makes a concurrent grade retry on top of this
            return new GradeResult(inserted.id, card.id, answer.questionId(), answer.rating(), answer.reviewedAt(),
                    CardView.of(card.id, answer.questionId(), card.toState()), inserted.retrievability,
                    inserted.elapsedDays, inserted.scheduledDays, false);
        });
    }

    /** See {@link ReviewService#gradeAllInTimeOrder}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BatchResult gradeAllInTimeOrder(long userId, List<Answer> answers, String origin) {
        checkOrigin(origin);
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
            fresh.addAll(replay(card, scheduler, userId, list, later, origin));
        });
        ReviewLog.insertAll(fresh);
        Card.getEntityManager().flush(); // the cards and the replayed rows, each card with its version check
        graded(origin, answers.size() - already);
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
    private static List<ReviewLog> replay(Card card, Scheduler scheduler, long userId, List<Answer> fresh,
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
                log = newLog(card, userId, a, origin);
                created.add(log);
            }
            Outcome outcome = EarlyAnswers.counted(scheduler.next(card.id, state, Rating.fromGrade(log.rating),
                    log.reviewedAt), state, log.origin);
            log.record(state, outcome);
            state = outcome.after();
        }
        card.apply(state, Instant.now());
        return created;
    }

    private static ReviewLog newLog(Card card, long userId, Answer answer, String origin) {
        ReviewLog log = new ReviewLog();
        log.cardId = card.id;
        log.userId = userId;
        log.clientReviewId = answer.clientReviewId();
        log.rating = (short) answer.rating().grade();
        log.reviewedAt = answer.reviewedAt();
        log.durationMs = answer.durationMs();
        log.origin = origin;
        return log;
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
            return new GradeResult(first.id, first.cardId, firstQuestion, Rating.fromGrade(first.rating),
                    first.reviewedAt, CardView.of(first.cardId, firstQuestion, first.after()), first.retrievability,
                    first.elapsedDays, first.scheduledDays, true);
        });
    }

    private static void checkOrigin(String origin) {
        if (!ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("origin must be one of " + ORIGINS + ", got " + origin);
        }
    }

    /**
     * PostgreSQL keeps microseconds: the card is computed from the instant as it will be stored, so what a grade
     * returns, what is stored and what a replay of the log computes are the same.
     */
    private static Instant storedPrecision(Instant reviewedAt) {
        return reviewedAt.truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------------------------------------- undo

    /** See {@link ReviewService#undoLast}. */
    public Optional<UndoResult> undoLast(long userId, long cardId) {
        return RaceRetries.inTransaction("undo on card " + cardId, () -> undoOnce(userId, cardId));
    }

    /** See {@link ReviewService#undoLastInDeck}. */
    public Optional<UndoResult> undoLastInDeck(long userId, long deckId) {
        Optional<Long> cardId = QuarkusTransaction.requiringNew().call(() -> Card.getEntityManager().createNativeQuery("""
                        select r.card_id from review_log r join card c on c.id = r.card_id
                        where r.user_id = :user and c.deck_id = :deck and r.undone_at is null
                        order by r.id desc limit 1""", Long.class)
                .setParameter("user", userId).setParameter("deck", deckId)
                .getResultStream().findFirst().map(id -> ((Number) id).longValue()));
        return cardId.flatMap(id -> undoLast(userId, id));
    }

    /**
     * A session's answers that undo can take back: from {@code origin} since the session's start, in effect, and each
     * still its card's last answer in effect (undo restores the state before the card's last answer, so an answer
     * given to the card later, elsewhere, would have to go first).
     */
    private static final String SESSION_ANSWERS_TO_UNDO = """
            from review_log r join card c on c.id = r.card_id
            where r.user_id = :user and c.deck_id = :deck and r.origin = :origin and r.reviewed_at >= :since
              and r.undone_at is null
              and not exists (select 1 from review_log l where l.card_id = r.card_id and l.undone_at is null and l.id > r.id)""";

    /** See {@link ReviewService#undoLastInSession}. */
    public Optional<UndoResult> undoLastInSession(long userId, long deckId, String origin, Instant since) {
        checkOrigin(origin);
        Optional<Long> cardId = QuarkusTransaction.requiringNew().call(() -> Card.getEntityManager().createNativeQuery(
                        "select r.card_id " + SESSION_ANSWERS_TO_UNDO + " order by r.id desc limit 1", Long.class)
                .setParameter("user", userId).setParameter("deck", deckId).setParameter("origin", origin)
                .setParameter("since", since)
                .getResultStream().findFirst().map(id -> ((Number) id).longValue()));
        return cardId.flatMap(id -> undoLast(userId, id));
    }

    /** See {@link ReviewService#undoableInSession}. */
    public boolean undoableInSession(long userId, long deckId, String origin, Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> !Card.getEntityManager().createNativeQuery(
                        "select r.id " + SESSION_ANSWERS_TO_UNDO + " limit 1", Long.class)
                .setParameter("user", userId).setParameter("deck", deckId).setParameter("origin", origin)
                .setParameter("since", since).getResultList().isEmpty());
    }

    private static Optional<UndoResult> undoOnce(long userId, long cardId) {
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
        return Optional.of(new UndoResult(log.id, CardView.of(card.id, card.questionId, card.toState())));
    }
}
