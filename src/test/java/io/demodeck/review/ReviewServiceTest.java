package io.demodeck.review;

import io.demodeck.review.ReviewService.CardView;
import io.demodeck.review.ReviewService.GradeResult;
import io.demodeck.review.ReviewService.PreviewOption;
import io.demodeck.review.ReviewService.QueueItem;
import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.State;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReviewServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    ReviewService reviews;

    @Inject
    StudySettingsService settings;

    @Test
    void firstAnswerCreatesTheCardAndAppendsAFullLogRow() {
        long user = ReviewFixtures.learner();
        long question = ReviewFixtures.questions(ReviewFixtures.deck(3)).get(0);

        GradeResult r = reviews.grade(user, question, Rating.GOOD, T0, 4200, UUID.randomUUID(), "web");

        assertFalse(r.replayed());
        assertEquals(State.LEARNING, r.card().state());
        assertEquals(1, r.card().step());
        assertEquals(T0.plus(Duration.ofMinutes(10)), r.card().due());
        assertEquals(2.3065, r.card().stability(), 1e-9);
        assertNull(r.retrievability(), "a new card has no retrievability");
        assertEquals(r.card(), reviews.card(user, question).orElseThrow());
        assertEquals(1, ReviewFixtures.count("""
                select count(*) from review_log where id = ?1 and state_before = 0 and state_after = 1 and rating = 3
                and duration_ms = 4200 and stability_before is null and stability_after = 2.3065 and reps_before = 0
                and elapsed_days = 0 and scheduled_days = 0 and origin = 'web' and undone_at is null""", r.reviewLogId()));

        // the next day: a review with retrievability, elapsed and scheduled days in the log
        GradeResult graduate = reviews.grade(user, question, Rating.GOOD, T0.plus(Duration.ofDays(1)), 1000,
                UUID.randomUUID(), "api");
        assertEquals(State.REVIEW, graduate.card().state());
        assertEquals(1, graduate.elapsedDays());
        assertNotNull(graduate.retrievability());
        assertTrue(graduate.scheduledDays() >= 1);
        assertEquals(graduate.card().lastReview().plus(Duration.ofDays(graduate.scheduledDays())), graduate.card().due());
    }

    @Test
    void theSameClientReviewIdReturnsTheFirstResultAndWritesNothing() {
        long user = ReviewFixtures.learner();
        long question = ReviewFixtures.questions(ReviewFixtures.deck(1)).get(0);
        UUID id = UUID.randomUUID();

        GradeResult first = reviews.grade(user, question, Rating.EASY, T0, 100, id, "web");
        GradeResult again = reviews.grade(user, question, Rating.AGAIN, T0.plusSeconds(5), 100, id, "web");

        assertTrue(again.replayed());
        assertEquals(first.reviewLogId(), again.reviewLogId());
        assertEquals(first.card(), again.card());
        assertEquals(Rating.EASY, again.rating());
        assertEquals(1, ReviewFixtures.count("select count(*) from review_log where user_id = ?1", user));
        assertEquals(first.card(), reviews.card(user, question).orElseThrow());
    }

    @Test
    void undoRestoresTheExactPreviousStateAndKeepsTheLog() {
        long user = ReviewFixtures.learner();
        long question = ReviewFixtures.questions(ReviewFixtures.deck(1)).get(0);
        GradeResult first = reviews.grade(user, question, Rating.GOOD, T0, 0, UUID.randomUUID(), "web");
        GradeResult second = reviews.grade(user, question, Rating.GOOD, first.card().due(), 0, UUID.randomUUID(), "web");
        GradeResult third = reviews.grade(user, question, Rating.AGAIN, second.card().due(), 0, UUID.randomUUID(), "web");
        assertEquals(State.RELEARNING, third.card().state());
        assertEquals(1, third.card().lapses());

        var undone = reviews.undoLast(user, third.cardId()).orElseThrow();
        assertEquals(third.reviewLogId(), undone.undoneReviewLogId());
        assertEquals(second.card(), undone.card());
        assertEquals(second.card(), reviews.card(user, question).orElseThrow());

        assertEquals(first.card(), reviews.undoLastInDeck(user, deckOf(question)).orElseThrow().card());
        var toNew = reviews.undoLast(user, first.cardId()).orElseThrow();
        assertEquals(State.NEW, toNew.card().state());
        assertNull(toNew.card().stability());
        assertEquals(0, toNew.card().reps());
        assertTrue(reviews.undoLast(user, first.cardId()).isEmpty(), "nothing left to undo");

        assertEquals(3, ReviewFixtures.count("select count(*) from review_log where user_id = ?1 and undone_at is not null", user));
        // answering again after undo gives the same result as the first time
        GradeResult redo = reviews.grade(user, question, Rating.GOOD, T0, 0, UUID.randomUUID(), "web");
        assertEquals(first.card(), redo.card());
    }

    @Test
    void previewEqualsWhatGradingApplies() {
        long user = ReviewFixtures.learner();
        long question = ReviewFixtures.questions(ReviewFixtures.deck(1)).get(0);
        Instant now = T0;
        Map<Rating, PreviewOption> firstOpen = reviews.preview(user, question, now);
        assertTrue(reviews.card(user, question).isPresent(), "opening a question creates its card");
        assertEquals(Duration.ofMinutes(1), firstOpen.get(Rating.AGAIN).interval());

        GradeResult r = reviews.grade(user, question, Rating.EASY, now, 0, UUID.randomUUID(), "web");
        Instant later = r.card().due().plus(Duration.ofDays(3));
        Map<Rating, PreviewOption> preview = reviews.preview(user, question, later);
        for (Rating rating : Rating.values()) {
            GradeResult applied = reviews.grade(user, question, rating, later, 0, UUID.randomUUID(), "web");
            PreviewOption shown = preview.get(rating);
            assertEquals(shown.due(), applied.card().due(), rating.name());
            assertEquals(shown.state(), applied.card().state());
            assertEquals(shown.scheduledDays(), applied.scheduledDays());
            reviews.undoLast(user, applied.cardId()).orElseThrow();
        }
        assertTrue(preview.get(Rating.HARD).scheduledDays() < preview.get(Rating.GOOD).scheduledDays());
        assertTrue(preview.get(Rating.GOOD).scheduledDays() < preview.get(Rating.EASY).scheduledDays());
    }

    @Test
    void unknownQuestionIsReported() {
        long user = ReviewFixtures.learner();
        assertThrows(UnknownQuestionException.class,
                () -> reviews.grade(user, Long.MAX_VALUE, Rating.GOOD, T0, 0, UUID.randomUUID(), "web"));
        assertThrows(IllegalArgumentException.class,
                () -> reviews.grade(user, 1, Rating.GOOD, T0, -1, UUID.randomUUID(), "web"));
    }

    @Test
    void queueShowsLearningThenMostOverdueReviewsThenNewInDeckOrder() {
        long user = ReviewFixtures.learner();
        long deck = ReviewFixtures.deck(12);
        List<Long> q = ReviewFixtures.questions(deck);
        Instant now = T0;
        // q0 relearning due 5 min ago, q1 learning due 20 min ago, q2 learning due in 5 min (not yet)
        card(user, deck, q.get(0), 3, 0, 1.0, now.minus(Duration.ofMinutes(5)));
        card(user, deck, q.get(1), 1, 0, 1.0, now.minus(Duration.ofMinutes(20)));
        card(user, deck, q.get(2), 1, 0, 1.0, now.plus(Duration.ofMinutes(5)));
        // reviews: q3 2 days overdue with S=100 (2%), q4 2 days overdue with S=4 (50%), q5 due later today, q6 tomorrow
        card(user, deck, q.get(3), 2, null, 100.0, now.minus(Duration.ofDays(2)));
        card(user, deck, q.get(4), 2, null, 4.0, now.minus(Duration.ofDays(2)));
        card(user, deck, q.get(5), 2, null, 4.0, now.plus(Duration.ofHours(3)));
        card(user, deck, q.get(6), 2, null, 4.0, now.plus(Duration.ofDays(1)));
        // q7 opened but never answered (a NEW card); q8 retired
        reviews.preview(user, q.get(7), now);
        ReviewFixtures.execute("update question set retired = true where id = ?1", q.get(8));

        List<QueueItem> queue = reviews.studyQueue(user, deck, now, 100);
        assertEquals(List.of(q.get(1), q.get(0), q.get(4), q.get(3), q.get(5), q.get(7), q.get(9), q.get(10), q.get(11)),
                queue.stream().map(QueueItem::questionId).toList());
        assertEquals(State.LEARNING, queue.get(0).state());
        assertNull(queue.get(6).cardId(), "a question never opened has no card yet");
        assertEquals(List.of(q.get(1), q.get(0)),
                reviews.studyQueue(user, deck, now, 2).stream().map(QueueItem::questionId).toList());
        assertEquals(new ReviewService.QueueCounts(4, 3, 3), reviews.counts(user, deck, now));
    }

    @Test
    void newCardLimitCountsCardsIntroducedInTheCurrentStudyDay() {
        long user = ReviewFixtures.learner();
        long deck = ReviewFixtures.deck(10);
        List<Long> q = ReviewFixtures.questions(deck);
        settings.update(user, new StudySettings(0.9, 3, "Europe/Berlin", 4, List.of(60, 600), List.of(600), 36500, null, 200));
        Instant lateNight = Instant.parse("2026-03-03T02:30:00Z"); // 03:30 in Berlin: still the study day of March 2
        reviews.grade(user, q.get(0), Rating.GOOD, lateNight, 0, UUID.randomUUID(), "web");
        reviews.grade(user, q.get(1), Rating.GOOD, lateNight, 0, UUID.randomUUID(), "web");

        Instant beforeRollover = Instant.parse("2026-03-03T02:59:00Z"); // 03:59 local
        List<QueueItem> queue = reviews.studyQueue(user, deck, beforeRollover, 50);
        assertEquals(1, queue.stream().filter(i -> i.state() == State.NEW).count(), "3 a day, 2 already introduced");
        assertEquals(1, reviews.counts(user, deck, beforeRollover).newCards());

        Instant afterRollover = Instant.parse("2026-03-03T03:01:00Z"); // 04:01 local: a new study day
        assertEquals(List.of(q.get(2), q.get(3), q.get(4)), reviews.studyQueue(user, deck, afterRollover, 50).stream()
                .filter(i -> i.state() == State.NEW).map(QueueItem::questionId).toList());
        assertEquals(3, reviews.counts(user, deck, afterRollover).newCards());
    }

    @Test
    void theNextCardsWithoutCountsAreTheCardsWithCounts() {
        long user = ReviewFixtures.learner();
        long deck = ReviewFixtures.deck(12);
        List<Long> q = ReviewFixtures.questions(deck);
        settings.update(user, new StudySettings(0.9, 3, "Europe/Berlin", 4, List.of(60, 600), List.of(600), 36500, null, 200));
        Instant lateNight = Instant.parse("2026-03-03T02:30:00Z"); // 03:30 in Berlin: still the study day of March 2
        reviews.grade(user, q.get(0), Rating.GOOD, lateNight, 0, UUID.randomUUID(), "web");
        reviews.grade(user, q.get(1), Rating.AGAIN, lateNight, 0, UUID.randomUUID(), "web");
        card(user, deck, q.get(2), 3, 0, 1.0, lateNight.minus(Duration.ofMinutes(5)));
        card(user, deck, q.get(3), 2, null, 100.0, lateNight.minus(Duration.ofDays(2)));
        card(user, deck, q.get(4), 2, null, 4.0, lateNight.minus(Duration.ofDays(2)));
        card(user, deck, q.get(5), 2, null, 4.0, lateNight.plus(Duration.ofDays(3)));
        ReviewFixtures.execute("update question set retired = true where id = ?1", q.get(6));
        ReviewFixtures.execute("update card set suspended = true where id = ?1",
                ReviewFixtures.count("select id from card where question_id = ?1", q.get(3)));

        for (Instant now : List.of(Instant.parse("2026-03-03T02:59:00Z"), Instant.parse("2026-03-03T03:01:00Z"))) {
            for (int limit : List.of(1, 2, 4, 50)) {
                var withCounts = reviews.nextCardsAfter(user, q.get(0), now, limit, true).orElseThrow();
                var without = reviews.nextCardsAfter(user, q.get(0), now, limit, false).orElseThrow();
                assertEquals(withCounts.cards(), without.cards(), "limit " + limit + " at " + now);
                assertNull(without.counts());
                assertEquals(withCounts.counts(), reviews.counts(user, deck, now));
            }
        }
        // before the rollover 1 new card is left of 3 a day, after it 3: the queue without counts keeps the budget
        assertEquals(1, reviews.nextCardsAfter(user, q.get(0), Instant.parse("2026-03-03T02:59:00Z"), 50, false)
                .orElseThrow().cards().stream().filter(c -> c.card().state() == State.NEW).count());
        assertEquals(3, reviews.nextCardsAfter(user, q.get(0), Instant.parse("2026-03-03T03:01:00Z"), 50, false)
                .orElseThrow().cards().stream().filter(c -> c.card().state() == State.NEW).count());
    }

    @Test
    void settingsAreValidatedByField() {
        long user = ReviewFixtures.learner();
        assertEquals(StudySettings.defaults(), settings.get(user));
        var bad = assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.995, 20, "UTC", 4, List.of(60), List.of(600), 36500, null, 200)));
        assertEquals("desiredRetention", bad.field());
        assertEquals("timeZone", assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.9, 20, "Mars/Olympus", 4, List.of(60), List.of(600), 36500, null, 200))).field());
        assertEquals("newCardsPerDay", assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.9, 10000, "UTC", 4, List.of(60), List.of(600), 36500, null, 200))).field());
        assertEquals("dayRolloverHour", assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.9, 20, "UTC", 24, List.of(60), List.of(600), 36500, null, 200))).field());
        assertEquals("learningStepsSeconds", assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.9, 20, "UTC", 4, List.of(60, 86400), List.of(600), 36500, null, 200))).field());
        assertEquals("relearningStepsSeconds", assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.9, 20, "UTC", 4, List.of(60), List.of(0), 36500, null, 200))).field());
        assertEquals("maximumIntervalDays", assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.9, 20, "UTC", 4, List.of(60), List.of(600), 0, null, 200))).field());
        var params = assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.9, 20, "UTC", 4, List.of(60), List.of(600), 36500, List.of(1.0, 2.0), 200)));
        assertEquals("fsrsParameters", params.field());
        assertTrue(params.getMessage().contains("got 2"));
        var ceiling = assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.9, 20, "UTC", 4, List.of(60), List.of(60, 300, 600), 36500,
                        Arrays.stream(FsrsParameters.defaults().toArray()).boxed().toList(), 200)));
        assertEquals("fsrsParameters", ceiling.field());
        assertTrue(ceiling.getMessage().contains("w17 = 0.5425 is above 0.4903") && ceiling.getMessage().contains("3 relearning steps"),
                ceiling.getMessage());
        assertEquals(StudySettings.defaults(), settings.get(user), "nothing stored after errors");

        List<Double> fsrs5 = List.of(0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
                1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621);
        StudySettings stored = settings.update(user,
                new StudySettings(0.85, 50, "Asia/Tokyo", 0, List.of(30), List.of(), 3650, fsrs5, 200));
        assertEquals(21, stored.fsrsParameters().size());
        assertEquals(0.5, stored.fsrsParameters().get(20));
        assertEquals(stored, settings.get(user));
        assertEquals(List.of(), stored.relearningStepsSeconds());
    }

    @Test
    void aVectorStoredAboveTheCeilingDoesNotBlockSavingOtherSettings() {
        long user = ReviewFixtures.learner();
        List<Double> defaults = Arrays.stream(FsrsParameters.defaults().toArray()).boxed().toList();
        settings.update(user, new StudySettings(0.9, 20, "UTC", 4, List.of(60), List.of(600), 36500, defaults, 200));
        // as saved before the ceiling check existed: three relearning steps with the default w17 above their ceiling
        QuarkusTransaction.requiringNew().run(() -> UserSettings.getEntityManager().createNativeQuery(
                        "update user_settings set relearning_steps_seconds = '{60,300,600}' where user_id = :user")
                .setParameter("user", user).executeUpdate());

        StudySettings saved = settings.update(user,
                new StudySettings(0.85, 30, "UTC", 4, List.of(60), List.of(60, 300, 600), 36500, defaults, 200));
        assertEquals(0.85, saved.desiredRetention());
        assertEquals(saved, settings.get(user));
        var changed = assertThrows(InvalidSettingsException.class, () -> settings.update(user,
                new StudySettings(0.85, 30, "UTC", 4, List.of(60), List.of(60, 300, 600, 900), 36500, defaults, 200)));
        assertEquals("fsrsParameters", changed.field(), "changing the steps is checked again");
    }

    @Test
    void exportIsOptimizerCsvWithoutUndoneAnswers() {
        long user = ReviewFixtures.learner();
        List<Long> q = ReviewFixtures.questions(ReviewFixtures.deck(2));
        GradeResult a = reviews.grade(user, q.get(0), Rating.GOOD, T0, 1500, UUID.randomUUID(), "web");
        GradeResult b = reviews.grade(user, q.get(1), Rating.EASY, T0.plusSeconds(60), 2500, UUID.randomUUID(), "web");
        GradeResult c = reviews.grade(user, q.get(0), Rating.AGAIN, a.card().due(), 800, UUID.randomUUID(), "web");
        GradeResult undone = reviews.grade(user, q.get(1), Rating.HARD, b.card().due(), 900, UUID.randomUUID(), "web");
        reviews.undoLast(user, undone.cardId());

        StringWriter out = new StringWriter();
        reviews.exportReviewLogCsv(user, out);
        assertEquals("""
                card_id,review_time,review_rating,review_state,review_duration
                %d,%d,3,0,1500
                %d,%d,4,0,2500
                %d,%d,1,1,800
                """.formatted(a.cardId(), T0.toEpochMilli(), b.cardId(), T0.plusSeconds(60).toEpochMilli(),
                c.cardId(), a.card().due().toEpochMilli()), out.toString());
    }

    private static long deckOf(long questionId) {
        return ReviewFixtures.count("select deck_id from question where id = ?1", questionId);
    }

    private static void card(long user, long deck, long question, int state, Integer step, double stability, Instant due) {
        ReviewFixtures.execute("""
                insert into card (user_id, question_id, deck_id, state, step, stability, difficulty, due, last_review, reps)
                values (?1, ?2, ?3, ?4, ?5, ?6, 5, ?7, ?8, 3)""", user, question, deck, (short) state,
                step == null ? null : step.shortValue(), stability, due, due.minus(Duration.ofDays(1)));
    }
}
