package io.demodeck.review;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import io.demodeck.review.CardStore.DueCards;
import io.demodeck.review.CardStore.QueueCard;
import io.demodeck.review.CardStore.StudyDeck;
import io.demodeck.review.ReviewService.CardView;
import io.demodeck.review.ReviewService.NextCard;
import io.demodeck.review.ReviewService.PreviewOption;
import io.demodeck.review.ReviewService.QueueCounts;
import io.demodeck.review.ReviewService.QueueItem;
import io.demodeck.review.ReviewService.StudyBatch;
import io.demodeck.review.scheduler.Outcome;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.Scheduler;
import io.demodeck.review.scheduler.State;
import io.demodeck.review.scheduler.StudyDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The study queue: which cards come next (due (re)learning cards, then due reviews, then new questions), what is left
 * today, and what each answer button would do to a card. The reads are plain JDBC on one connection per request
 * ({@link CardStore}); opening new questions is one idempotent statement, so none of it needs a transaction.
 */
@ApplicationScoped
public class StudyQueue {

    @Inject
    StudySettingsService settings;

    @Inject
    CardStore store;

    /** See {@link ReviewService#studyQueue}. */
    public List<QueueItem> studyQueue(long userId, long deckId, Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return store.withConnection(c -> read(c, userId, deckId, settings.get(c, userId), now, limit, true)).cards().stream()
                .map(card -> new QueueItem(card.questionId(), card.cardId(),
                        card.state() == null ? State.NEW : card.state().state(),
                        card.state() == null ? null : card.state().due()))
                .toList();
    }

    /** See {@link ReviewService#counts}. */
    public QueueCounts counts(long userId, long deckId, Instant now) {
        return store.withConnection(c -> read(c, userId, deckId, settings.get(c, userId), now, 0, true)).counts();
    }

    /**
     * Today's counts of each of these decks for the learner, as {@link #counts} reports them one deck at a time, in one
     * statement ({@link StudyQueueSql#DECK_COUNTS}) after the learner's settings: for deck lists.
     */
    public Map<Long, QueueCounts> countsOfDecks(long userId, java.util.Collection<Long> deckIds, Instant now) {
        if (deckIds.isEmpty()) {
            return Map.of();
        }
        return store.withConnection(c -> {
            StudySettings s = settings.get(c, userId);
            StudyDays days = settings.schedulerFor(s).studyDays();
            Map<Long, QueueCounts> counts = new java.util.HashMap<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement(StudyQueueSql.DECK_COUNTS)) {
                StudyQueueSql.bindDeckCounts(ps, userId, deckIds.toArray(Long[]::new), s.newCardsPerDay(),
                        s.maxReviewsPerDay(), java.sql.Timestamp.from(days.startOfDay(now)), java.sql.Timestamp.from(days.startOfNextDay(now)));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong("deck_id"), new QueueCounts(rs.getInt("new_count"), rs.getInt("learning"),
                                rs.getInt("review")));
                    }
                }
            }
            return counts;
        });
    }

    /** See {@link ReviewService#nextCards(long, String, Instant, int, boolean)}. */
    public Optional<StudyBatch> nextCards(long userId, String deckExternalId, Instant now, int limit, boolean withCounts) {
        long start = System.nanoTime();
        try {
            return store.withConnection(c -> nextCards(c, userId, store.deckByExternalId(c, userId, deckExternalId), now,
                    limit, withCounts));
        } finally {
            QUEUE_TIMER.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** demodeck.study.queue on /q/metrics: how long the next cards of a deck take, as the study loop asks for them. */
    private static final Timer QUEUE_TIMER = Timer.builder("demodeck.study.queue").register(Metrics.globalRegistry);

    /** See {@link ReviewService#nextCardsAfter}. */
    public Optional<StudyBatch> nextCardsAfter(long userId, long questionId, Instant now, int limit, boolean withCounts) {
        return store.withConnection(c -> nextCards(c, userId, store.deckOfQuestion(c, userId, questionId), now, limit,
                withCounts));
    }

    /** One statement read the deck and the settings; one reads the queue; new questions in it are opened. */
    private Optional<StudyBatch> nextCards(Connection c, long userId, Optional<StudyDeck> found, Instant now, int limit,
                                           boolean withCounts) throws SQLException {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StudyDeck deck = found.get();
        Scheduler scheduler = settings.schedulerFor(deck.settings());
        QueueRead queue = read(c, userId, deck.id(), deck.settings(), now, limit, withCounts);
        List<Long> unopened = queue.cards().stream().filter(card -> card.cardId() == null).map(QueueCard::questionId)
                .toList();
        Map<Long, QueueCard> opened = unopened.isEmpty() ? Map.of() : store.open(c, userId, unopened, now);
        List<NextCard> cards = new ArrayList<>(queue.cards().size());
        for (QueueCard queued : queue.cards()) {
            QueueCard card = queued.cardId() == null ? opened.get(queued.questionId()) : queued;
            if (card == null) {
                continue; // the question went away since the queue was read
            }
            cards.add(new NextCard(CardView.of(card.cardId(), card.questionId(), card.state()),
                    options(scheduler.preview(card.cardId(), card.state(), now))));
        }
        return Optional.of(new StudyBatch(deck.id(), deck.stamp(), queue.counts(), cards));
    }

    /** The queue in order, at most {@code limit}; {@code counts} is null without {@code withCounts}. */
    private record QueueRead(List<QueueCard> cards, QueueCounts counts) {
    }

    /**
     * The due cards first; only when fewer are due than asked for, new questions, as many as today's budget allows.
     * Without the counts the due cards are read from the index pages of the learner's next cards only.
     */
    private QueueRead read(Connection c, long userId, long deckId, StudySettings s, Instant now, int limit,
                           boolean withCounts) throws SQLException {
        StudyDays days = settings.schedulerFor(s).studyDays();
        int wanted = Math.max(limit, 0);
        DueCards due = store.dueCards(c, userId, deckId, s.newCardsPerDay(), s.maxReviewsPerDay(), days.startOfDay(now),
                now, days.startOfNextDay(now), wanted, withCounts);
        List<QueueCard> cards = due.cards();
        int newOnes = Math.min(wanted - cards.size(), due.newCardsLeft());
        if (newOnes > 0) {
            cards = new ArrayList<>(cards);
            cards.addAll(store.newQuestions(c, userId, deckId, newOnes));
        }
        return new QueueRead(cards, due.counts());
    }

    // ---------------------------------------------------------------------------------------------- preview

    /** See {@link ReviewService#preview}. */
    public Map<Rating, PreviewOption> preview(long userId, long questionId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Card card = Card.findOrCreate(userId, questionId, now);
            return options(settings.schedulerFor(userId).preview(card.id, card.toState(), now));
        });
    }

    private static Map<Rating, PreviewOption> options(Map<Rating, Outcome> outcomes) {
        Map<Rating, PreviewOption> options = new EnumMap<>(Rating.class);
        outcomes.forEach((rating, o) -> options.put(rating, new PreviewOption(rating, o.after().state(), o.after().due(),
                o.interval(), o.scheduledDays())));
        return options;
    }

    /** See {@link ReviewService#card}. */
    public Optional<CardView> card(long userId, long questionId) {
        return QuarkusTransaction.requiringNew().call(() -> Card.findByUserAndQuestion(userId, questionId)
                .map(c -> CardView.of(c.id, c.questionId, c.toState())));
    }
}
