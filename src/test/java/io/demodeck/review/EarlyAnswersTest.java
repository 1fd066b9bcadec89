package io.demodeck.review;

import io.agroal.api.AgroalDataSource;
import io.demodeck.platform.DemodeckConfig;
import io.demodeck.review.ReviewService.CardView;
import io.demodeck.review.ReviewService.GradeResult;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.State;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: answers given early by the learner's choice (review ahead, custom sessions) move the card as any answer
 * does, but an Again among them is no lapse; and undo steps back through every answer of such a session.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EarlyAnswersTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    ReviewService reviews;

    @Inject
    DemodeckConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAgainGivenAheadOrInACustomSessionMovesTheCardButIsNoLapse() throws Exception {
        long user = ReviewFixtures.learner();
        List<Long> questions = ReviewFixtures.questions(ReviewFixtures.deck(3));
        List<GradeResult> agains = new ArrayList<>();
        List<String> origins = List.of("web", "ahead", "custom");
        for (int i = 0; i < origins.size(); i++) {
            GradeResult inReview = toReview(user, questions.get(i));
            assertEquals(State.REVIEW, inReview.card().state());
            // two days after graduating
            agains.add(reviews.grade(user, questions.get(i), Rating.AGAIN, inReview.card().lastReview().plus(Duration.ofDays(2)),
                    0, UUID.randomUUID(), origins.get(i)));
        }
        GradeResult onTime = agains.get(0);
        assertEquals(1, onTime.card().lapses(), "an Again on a review card in the normal queue is a lapse");
        for (GradeResult early : agains.subList(1, 3)) {
            assertEquals(0, early.card().lapses(), "an early Again is no lapse");
            assertEquals(State.RELEARNING, early.card().state(), "the card still moves as FSRS says");
            assertEquals(onTime.card().stability(), early.card().stability(), 1e-9, "the memory state updates as usual");
            assertEquals(onTime.card().difficulty(), early.card().difficulty(), 1e-9);
            assertEquals(0, reviews.card(user, early.questionId()).orElseThrow().lapses(), "the stored card too");
        }
        // the first result again (a resent answer) and the log row say the same
        GradeResult ahead = agains.get(1);
        UUID aheadId = UUID.fromString(clientId(ahead.reviewLogId()));
        assertEquals(0, reviews.grade(user, ahead.questionId(), Rating.AGAIN, ahead.reviewedAt(), 0, aheadId, "ahead")
                .card().lapses());

        // a later answer on time, then undone: the card gets back the state without the lapse
        GradeResult later = reviews.grade(user, ahead.questionId(), Rating.GOOD, ahead.reviewedAt().plus(Duration.ofMinutes(10)),
                0, UUID.randomUUID(), "web");
        assertEquals(0, later.card().lapses());
        assertEquals(ahead.card(), reviews.undoLast(user, ahead.cardId()).orElseThrow().card());

        // an answer from an offline device that belongs before the early Again is slotted in; the Again, replayed on
        // top, is still no lapse
        GradeResult custom = agains.get(2);
        reviews.gradeInTimeOrder(user, custom.questionId(), Rating.GOOD, custom.reviewedAt().minus(Duration.ofDays(1)), 0,
                UUID.randomUUID(), "api");
        CardView replayed = reviews.card(user, custom.questionId()).orElseThrow();
        assertEquals(State.RELEARNING, replayed.state());
        assertEquals(0, replayed.lapses());

        try (Connection c = dataSource.getConnection()) {
            assertEquals(List.of(), LogReplay.check(c, List.of(user), LogReplay.Order.REVIEW_TIME,
                    config.scheduler().fuzz()).mismatches(), "every card is where a replay of its log leads");
        }
    }

    @Test
    void undoStepsBackThroughEveryAnswerOfAReviewAheadSessionAndOnlyThrough() {
        long user = ReviewFixtures.learner();
        long deck = ReviewFixtures.deck(4);
        List<Long> questions = ReviewFixtures.questions(deck);
        List<CardView> before = new ArrayList<>();
        for (long q : questions) {
            before.add(toReview(user, q).card());
        }
        Instant sessionStart = before.getLast().lastReview().plus(Duration.ofDays(1));
        // the fourth card answered in the normal queue just before the session
        reviews.grade(user, questions.get(3), Rating.GOOD, sessionStart.minusSeconds(60), 0, UUID.randomUUID(), "web");
        CardView fourth = reviews.card(user, questions.get(3)).orElseThrow();
        List<Long> answered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Rating rating = i == 1 ? Rating.AGAIN : Rating.GOOD;
            answered.add(reviews.grade(user, questions.get(i), rating, sessionStart.plusSeconds(30L * (i + 1)), 0,
                    UUID.randomUUID(), "ahead").questionId());
        }
        assertTrue(reviews.undoableInSession(user, deck, "ahead", sessionStart));
        assertFalse(reviews.undoableInSession(user, deck, "custom", sessionStart), "no custom session's answers");
        for (int i = 2; i >= 0; i--) {
            var undone = reviews.undoLastInSession(user, deck, "ahead", sessionStart).orElseThrow();
            assertEquals(answered.get(i), undone.card().questionId(), "the session's answers, last first");
            assertEquals(before.get(i), undone.card(), "the card comes back exactly as it was before the session");
            assertEquals(before.get(i), reviews.card(user, questions.get(i)).orElseThrow());
        }
        assertFalse(reviews.undoableInSession(user, deck, "ahead", sessionStart));
        assertTrue(reviews.undoLastInSession(user, deck, "ahead", sessionStart).isEmpty(), "nothing left in the session");
        assertEquals(fourth, reviews.card(user, questions.get(3)).orElseThrow(), "the answer before the session stays");
        assertEquals(3, ReviewFixtures.count("select count(*) from review_log where user_id = ?1 and origin = 'ahead' "
                + "and undone_at is not null", user));
    }

    /** A new card answered Good twice a day apart: in review. */
    private GradeResult toReview(long user, long question) {
        GradeResult first = reviews.grade(user, question, Rating.GOOD, T0, 0, UUID.randomUUID(), "web");
        return reviews.grade(user, question, Rating.GOOD, first.card().due(), 0, UUID.randomUUID(), "web");
    }

    private static String clientId(long reviewLogId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> String.valueOf(
                ReviewLog.<ReviewLog>findById(reviewLogId).clientReviewId));
    }
}
