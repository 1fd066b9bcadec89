package io.demodeck.review;

import io.demodeck.review.ReviewService.QueueCounts;
import io.demodeck.review.ReviewService.QueueItem;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.State;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily review limit (issue 15): the queue offers review cards only up to the learner's maximum a day, counting
 * today's answers on review cards in every deck; learning cards and new cards are not held back by it; the day's
 * counts (study page, home page) show what it leaves; the next study day starts afresh.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReviewLimitTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z"); // UTC, the day started at 04:00

    @Inject
    ReviewService reviews;

    @Inject
    StudySettingsService settings;

    @Inject
    StudyQueue queue;

    @Test
    void reviewCardsStopAtTheDailyLimitWhileLearningAndNewCardsGoOn() {
        long user = ReviewFixtures.learner();
        long deck = ReviewFixtures.deck(10);
        List<Long> q = ReviewFixtures.questions(deck);
        settings.update(user, new StudySettings(0.9, 2, "UTC", 4, List.of(60, 600), List.of(600), 36500, null, 3));
        // five overdue review cards (q4 the most overdue relative to its stability, q0 the least) and a learning card
        for (int i = 0; i < 5; i++) {
            card(user, deck, q.get(i), 2, null, 10.0 + i, T0.minus(Duration.ofDays(1 + i)));
        }
        card(user, deck, q.get(5), 1, 0, 1.0, T0.minus(Duration.ofMinutes(5)));

        List<QueueItem> start = reviews.studyQueue(user, deck, T0, 50);
        assertEquals(List.of(q.get(4), q.get(3), q.get(2)), ids(start, State.REVIEW), "3 of the 5 due, most overdue first");
        assertEquals(List.of(q.get(5)), ids(start, State.LEARNING));
        assertEquals(2, ids(start, State.NEW).size(), "the new-card budget is not taken by the review limit");
        assertEquals(new QueueCounts(2, 1, 3), reviews.counts(user, deck, T0));

        reviews.grade(user, q.get(4), Rating.GOOD, T0.plusSeconds(60), 0, UUID.randomUUID(), "web");
        reviews.grade(user, q.get(3), Rating.GOOD, T0.plusSeconds(70), 0, UUID.randomUUID(), "web");
        Instant later = T0.plusSeconds(80);
        assertEquals(List.of(q.get(2)), ids(reviews.studyQueue(user, deck, later, 50), State.REVIEW), "one left today");
        assertEquals(1, reviews.counts(user, deck, later).review());

        // a forgotten review card counts as a review; it comes back as a relearning card, not held back
        reviews.grade(user, q.get(2), Rating.AGAIN, T0.plusSeconds(90), 0, UUID.randomUUID(), "web");
        Instant afterStep = T0.plus(Duration.ofMinutes(15));
        List<QueueItem> done = reviews.studyQueue(user, deck, afterStep, 50);
        assertEquals(List.of(), ids(done, State.REVIEW), "the limit is reached: q1 and q0 wait");
        assertEquals(List.of(q.get(2)), ids(done, State.RELEARNING));
        assertEquals(List.of(q.get(5)), ids(done, State.LEARNING));
        assertEquals(new QueueCounts(2, 2, 0), reviews.counts(user, deck, afterStep));
        var next = reviews.nextCardsAfter(user, q.get(0), afterStep, 50, false).orElseThrow();
        assertTrue(next.cards().stream().noneMatch(c -> c.card().state() == State.REVIEW), "the cheap queue keeps it too");
        assertEquals(0, queue.countsOfDecks(user, List.of(deck), afterStep).get(deck).review(), "the home page's counts");

        // the limit counts reviews of every deck: another deck's review cards wait as well
        long other = ReviewFixtures.deck(1);
        card(user, other, ReviewFixtures.questions(other).get(0), 2, null, 5.0, T0.minus(Duration.ofDays(2)));
        assertEquals(List.of(), ids(reviews.studyQueue(user, other, afterStep, 50), State.REVIEW));

        // the next study day starts afresh
        Instant tomorrow = T0.plus(Duration.ofDays(1));
        assertTrue(ids(reviews.studyQueue(user, deck, tomorrow, 50), State.REVIEW).containsAll(List.of(q.get(1), q.get(0))));

        // a limit of 0 offers no review card at all; learning cards still come
        settings.update(user, new StudySettings(0.9, 2, "UTC", 4, List.of(60, 600), List.of(600), 36500, null, 0));
        List<QueueItem> none = reviews.studyQueue(user, deck, tomorrow, 50);
        assertEquals(List.of(), ids(none, State.REVIEW));
        assertTrue(none.stream().anyMatch(i -> i.state() == State.LEARNING || i.state() == State.RELEARNING));
    }

    private static List<Long> ids(List<QueueItem> items, State state) {
        return items.stream().filter(i -> i.state() == state).map(QueueItem::questionId).toList();
    }

    private static void card(long user, long deck, long question, int state, Integer step, double stability, Instant due) {
        ReviewFixtures.execute("""
                insert into card (user_id, question_id, deck_id, state, step, stability, difficulty, due, last_review, reps)
                values (?1, ?2, ?3, ?4, ?5, ?6, 5, ?7, ?8, 3)""", user, question, deck, (short) state,
                step == null ? null : step.shortValue(), stability, due, due.minus(Duration.ofDays(1)));
    }
}
