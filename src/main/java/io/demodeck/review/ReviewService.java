package io.demodeck.review;

import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The review engine as pages and resources call it, and the records it answers with. The work is done by:
 * <ul>
 *   <li>{@link StudyQueue}: which cards come next, today's counts, the four outcomes of a card (preview);</li>
 *   <li>{@link Grading}: answers on time, late answers replayed into the history, batches (imports), undo;</li>
 *   <li>{@link CardStore}: the study loop's plain-JDBC statements, rows read by column name;</li>
 *   <li>{@link ReviewLogCsv}: the review-log export;</li>
 *   <li>{@link RaceRetries}: retrying a write that lost a race for a card.</li>
 * </ul>
 * Every write is one transaction (or one statement) that appends to the log and moves the card with an optimistic
 * lock; a writer that lost a race retries on the fresh state, so no answer is applied twice to the same old state and
 * none is lost.
 */
@ApplicationScoped
public class ReviewService {

    @Inject
    StudyQueue queue;

    @Inject
    Grading grading;

    @Inject
    ReviewLogCsv csv;

    // ---------------------------------------------------------------------------------------------- results

    /** A card's scheduling state as callers see it. */
    public record CardView(long cardId, long questionId, State state, Integer step, Double stability,
                           Double difficulty, Instant due, Instant lastReview, int reps, int lapses) {

        static CardView of(long cardId, long questionId, CardState s) {
            return new CardView(cardId, questionId, s.state(), s.step(), s.stability(), s.difficulty(), s.due(),
                    s.lastReview(), s.reps(), s.lapses());
        }
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

    // ---------------------------------------------------------------------------------------------- queue

    /** The next {@code limit} questions: due (re)learning cards, then due reviews, then new questions. */
    public List<QueueItem> studyQueue(long userId, long deckId, Instant now, int limit) {
        return queue.studyQueue(userId, deckId, now, limit);
    }

    /** New questions, (re)learning and review cards left for today in a deck. */
    public QueueCounts counts(long userId, long deckId, Instant now) {
        return queue.counts(userId, deckId, now);
    }

    /**
     * The next {@code limit} cards of a deck with their previewed outcomes and today's counts: one statement for the
     * deck and the learner's settings, one for the queue. New questions in it are opened (their cards are created), so
     * the preview's fuzz is the one a grade will apply. Empty when there is no such deck.
     */
    public Optional<StudyBatch> nextCards(long userId, String deckExternalId, Instant now, int limit) {
        return queue.nextCards(userId, deckExternalId, now, limit, true);
    }

    /** {@link #nextCards(long, String, Instant, int)}; without {@code withCounts} the day's counts are not read. */
    public Optional<StudyBatch> nextCards(long userId, String deckExternalId, Instant now, int limit, boolean withCounts) {
        return queue.nextCards(userId, deckExternalId, now, limit, withCounts);
    }

    /**
     * The next cards of the deck a question belongs to, as {@link #nextCards(long, String, Instant, int, boolean)}
     * returns them for that deck: what a client shows after answering that question. Empty when there is no such question.
     */
    public Optional<StudyBatch> nextCardsAfter(long userId, long questionId, Instant now, int limit, boolean withCounts) {
        return queue.nextCardsAfter(userId, questionId, now, limit, withCounts);
    }

    /**
     * The four outcomes for a question at {@code now}: exactly what {@link #grade} would apply at that
     * instant (same card id and review count, so the same fuzz). Opening a question creates its card.
     */
    public Map<Rating, PreviewOption> preview(long userId, long questionId, Instant now) {
        return queue.preview(userId, questionId, now);
    }

    /** The learner's card for a question, if they have opened or answered it. */
    public Optional<CardView> card(long userId, long questionId) {
        return queue.card(userId, questionId);
    }

    // ---------------------------------------------------------------------------------------------- grading

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
        return grading.grade(userId, questionId, rating, reviewedAt, durationMs, clientReviewId, origin, false);
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
        return grading.grade(userId, questionId, rating, reviewedAt, durationMs, clientReviewId, origin, true);
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
    public BatchResult gradeAllInTimeOrder(long userId, List<Answer> answers, String origin) {
        return grading.gradeAllInTimeOrder(userId, answers, origin);
    }

    /** Which of these client ids the learner's log already holds: the answers a batch would leave alone. */
    public Set<UUID> alreadyApplied(long userId, List<UUID> clientReviewIds) {
        return grading.alreadyApplied(userId, clientReviewIds);
    }

    /**
     * Undoes the card's last answer that is still in effect: the card gets back the exact state stored
     * in that log row, and the row is marked undone (the log is never deleted). Empty when there is
     * nothing to undo.
     */
    public Optional<UndoResult> undoLast(long userId, long cardId) {
        return grading.undoLast(userId, cardId);
    }

    /** Undoes the learner's most recent answer still in effect in a deck. */
    public Optional<UndoResult> undoLastInDeck(long userId, long deckId) {
        return grading.undoLastInDeck(userId, deckId);
    }

    /**
     * Undoes the most recent answer of a review-ahead or custom session (its answers come from {@code origin} since
     * {@code since}, the session's start) that is still in effect and still its card's last answer, so that undo
     * steps back through that session's answers one at a time. Empty when there is none left.
     */
    public Optional<UndoResult> undoLastInSession(long userId, long deckId, String origin, Instant since) {
        return grading.undoLastInSession(userId, deckId, origin, since);
    }

    /** Whether {@link #undoLastInSession} has an answer to undo. */
    public boolean undoableInSession(long userId, long deckId, String origin, Instant since) {
        return grading.undoableInSession(userId, deckId, origin, since);
    }

    // ---------------------------------------------------------------------------------------------- export

    /**
     * Writes the learner's review history as CSV in the column layout FSRS optimizers read
     * ({@code card_id,review_time,review_rating,review_state,review_duration}; time in epoch ms, state
     * before the review, duration in ms), oldest first, undone answers left out. Streams with a cursor.
     */
    public void exportReviewLogCsv(long userId, Writer out) {
        csv.write(userId, out);
    }
}
