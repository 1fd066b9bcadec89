package io.demodeck.review;

import io.demodeck.review.ReviewService.CardView;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.TransactionalException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TimeOrderReplayTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    ReviewService reviews;

    record Answer(UUID id, Rating rating, Instant at) {
    }

    /** Answers over two weeks, with a lapse in the middle. */
    private static List<Answer> history() {
        return List.of(new Answer(UUID.randomUUID(), Rating.GOOD, T0),
                new Answer(UUID.randomUUID(), Rating.GOOD, T0.plus(Duration.ofMinutes(12))),
                new Answer(UUID.randomUUID(), Rating.AGAIN, T0.plus(Duration.ofDays(3))),
                new Answer(UUID.randomUUID(), Rating.GOOD, T0.plus(Duration.ofDays(3).plusMinutes(15))),
                new Answer(UUID.randomUUID(), Rating.EASY, T0.plus(Duration.ofDays(9))));
    }

    private CardView apply(long user, long question, List<Answer> answers, int... order) {
        for (int i : order) {
            Answer a = answers.get(i);
            reviews.gradeInTimeOrder(user, question, a.rating(), a.at(), 1000, a.id(), "api");
        }
        return reviews.card(user, question).orElseThrow();
    }

    @Test
    void answersArrivingInAnyOrderEndLikeAnswersInTimeOrder() {
        long question = ReviewFixtures.questions(ReviewFixtures.deck(1)).get(0);
        List<Answer> answers = history();
        CardView inOrder = apply(ReviewFixtures.learner(), question, answers, 0, 1, 2, 3, 4);
        for (int[] order : new int[][] {{4, 3, 2, 1, 0}, {0, 2, 4, 1, 3}, {3, 0, 4, 2, 1}}) {
            long user = ReviewFixtures.learner();
            CardView shuffled = apply(user, question, answers, order);
            assertEquals(sameFields(inOrder), sameFields(shuffled), "order " + java.util.Arrays.toString(order));
            // the log reads like the in-order history: each row starts where the previous one ended
            assertEquals(0, ReviewFixtures.count("""
                    select count(*) from (select state_before, reps_before,
                           lag(state_after) over (order by reviewed_at) prev_state,
                           lag(reps_before) over (order by reviewed_at) prev_reps
                    from review_log where user_id = ?1) r
                    where prev_state is not null and (r.state_before <> r.prev_state or r.reps_before <> r.prev_reps + 1)""",
                    user));
        }
    }

    @Test
    void aRepeatedAnswerIsNotAppliedTwiceAndUndoneAnswersAreNotReplayed() {
        long user = ReviewFixtures.learner();
        long question = ReviewFixtures.questions(ReviewFixtures.deck(1)).get(0);
        List<Answer> answers = history();
        CardView once = apply(user, question, answers, 0, 1, 2);
        CardView again = apply(user, question, answers, 2, 1, 0);
        assertEquals(once, again);
        assertEquals(3, ReviewFixtures.count("select count(*) from review_log where user_id = ?1", user));

        reviews.undoLast(user, once.cardId());
        CardView afterLate = apply(user, question, answers, 1);
        assertTrue(afterLate.reps() == 2, "the undone answer stays undone: " + afterLate);
    }

    @Test
    void aBatchEndsLikeTheSameAnswersOneByOneAndGoesWithTheCallersTransaction() {
        long question = ReviewFixtures.questions(ReviewFixtures.deck(1)).get(0);
        List<Answer> answers = history();
        CardView oneByOne = apply(ReviewFixtures.learner(), question, answers, 4, 2, 0, 3, 1);
        long user = ReviewFixtures.learner();
        List<ReviewService.Answer> batch = answers.stream()
                .map(a -> new ReviewService.Answer(question, a.rating(), a.at(), 1000, a.id())).toList().reversed();

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            reviews.gradeAllInTimeOrder(user, batch, "import");
            throw new IllegalStateException("a later step of the caller fails");
        }));
        assertEquals(0, ReviewFixtures.count("select count(*) from review_log where user_id = ?1", user),
                "the caller rolled back: the answers went with it");
        assertEquals(0, ReviewFixtures.count("select count(*) from card where user_id = ?1", user));
        assertThrows(TransactionalException.class, () -> reviews.gradeAllInTimeOrder(user, batch, "import"),
                "a batch only runs inside the caller's transaction");

        ReviewService.BatchResult result = QuarkusTransaction.requiringNew().call(() -> reviews.gradeAllInTimeOrder(user, batch, "import"));
        assertEquals(5, result.applied().size());
        assertEquals(sameFields(oneByOne), sameFields(reviews.card(user, question).orElseThrow()));
        ReviewService.BatchResult again = QuarkusTransaction.requiringNew().call(() -> reviews.gradeAllInTimeOrder(user, batch, "import"));
        assertEquals(0, again.applied().size());
        assertEquals(5, again.alreadyApplied());
        assertEquals(5, ReviewFixtures.count("select count(*) from review_log where user_id = ?1 and origin = 'import'", user));
    }

    private static List<Object> sameFields(CardView c) {
        return List.of(c.state(), String.valueOf(c.step()), c.stability(), c.difficulty(), c.due(),
                c.lastReview(), c.reps(), c.lapses());
    }
}
