package io.demodeck.review.scheduler;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour a learner notices, beyond the reference vectors. */
class SchedulerTest {

    private static final Instant NOW = Instant.parse("2025-05-05T09:00:00Z");
    private final Scheduler scheduler = new Scheduler(SchedulerSettings.defaults().withFuzz(false)
            .withDayBoundary(ZoneOffset.UTC, 0));

    @Test
    void forgettingAReviewCardCountsALapseAndStartsRelearning() {
        CardState review = new CardState(State.REVIEW, null, 20.0, 5.0, NOW, NOW.minus(Duration.ofDays(20)), 5, 1);
        Outcome o = scheduler.next(1, review, Rating.AGAIN, NOW);
        assertEquals(State.RELEARNING, o.after().state());
        assertEquals(0, o.after().step());
        assertEquals(2, o.after().lapses());
        assertEquals(6, o.after().reps());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), o.after().due());
        assertEquals(20, o.elapsedDays());
        assertEquals(0.9, o.retrievability(), 1e-9, "reviewed exactly at S days: R = 90%");
        assertTrue(o.after().stability() < 20.0);
        // Good after the relearning step: back to Review, no extra lapse
        Outcome back = scheduler.next(1, o.after(), Rating.GOOD, o.after().due());
        assertEquals(State.REVIEW, back.after().state());
        assertEquals(2, back.after().lapses());
        assertNull(back.after().step());
    }

    @Test
    void threeRelearningStepsCannotLiftStabilityAboveItsValueBeforeTheLapse() {
        List<Duration> threeSteps = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10));
        Scheduler relearnThrice = new Scheduler(scheduler.settings().withSteps(SchedulerSettings.DEFAULT_LEARNING_STEPS, threeSteps));
        CardState review = new CardState(State.REVIEW, null, 20.0, 5.0, NOW, NOW.minus(Duration.ofDays(20)), 5, 0);
        Outcome lapse = relearnThrice.next(1, review, Rating.AGAIN, NOW);
        // the same-day formula runs on w17 lowered from 0.5425 to the ceiling for three steps
        FsrsModel lowered = new FsrsModel(FsrsParameters.defaults().withSameDayCeiling(3));
        double s = lapse.after().stability();
        assertEquals(lowered.shortTermStability(s, Rating.GOOD),
                relearnThrice.next(1, lapse.after(), Rating.GOOD, lapse.after().due()).after().stability(), 1e-12);
        assertTrue(lowered.shortTermStability(s, Rating.GOOD) < new FsrsModel(FsrsParameters.defaults()).shortTermStability(s, Rating.GOOD));
        // three Good answers in a row, one per step, end below the stability the card had before it was forgotten
        CardState walked = lapse.after();
        for (int i = 0; i < threeSteps.size(); i++) {
            walked = relearnThrice.next(1, walked, Rating.GOOD, walked.due()).after();
        }
        assertEquals(State.REVIEW, walked.state());
        assertTrue(walked.stability() < review.stability(), walked.stability() + " vs " + review.stability());
    }

    @Test
    void withoutRelearningStepsAForgottenCardStaysInReview() {
        Scheduler noRelearn = new Scheduler(scheduler.settings().withSteps(SchedulerSettings.DEFAULT_LEARNING_STEPS, List.of()));
        CardState review = new CardState(State.REVIEW, null, 20.0, 5.0, NOW, NOW.minus(Duration.ofDays(20)), 5, 0);
        Outcome o = noRelearn.next(1, review, Rating.AGAIN, NOW);
        assertEquals(State.REVIEW, o.after().state());
        assertTrue(o.scheduledDays() >= 1);
        assertEquals(1, o.after().lapses());
    }

    @Test
    void firstAnswerOfANewCardHasNoRetrievabilityAndStartsTheSteps() {
        Map<Rating, Outcome> p = scheduler.preview(1, CardState.newCard(NOW), NOW);
        assertNull(p.get(Rating.GOOD).retrievability());
        assertEquals(Duration.ofMinutes(1), p.get(Rating.AGAIN).interval());
        assertEquals(Duration.ofSeconds(330), p.get(Rating.HARD).interval());
        assertEquals(Duration.ofMinutes(10), p.get(Rating.GOOD).interval());
        assertEquals(Duration.ofDays(8), p.get(Rating.EASY).interval());
        assertEquals(State.LEARNING, p.get(Rating.AGAIN).after().state());
        p.values().forEach(o -> assertEquals(NOW, o.after().lastReview()));
    }

    @Test
    void lowerRetentionMeansLongerIntervalsAndTheMaximumCaps() {
        CardState review = new CardState(State.REVIEW, null, 30.0, 5.0, NOW, NOW.minus(Duration.ofDays(30)), 5, 0);
        int at90 = scheduler.next(1, review, Rating.GOOD, NOW).scheduledDays();
        int at80 = new Scheduler(scheduler.settings().withDesiredRetention(0.8)).next(1, review, Rating.GOOD, NOW).scheduledDays();
        assertTrue(at80 > at90, at80 + " > " + at90);
        Scheduler capped = new Scheduler(scheduler.settings().withMaximumIntervalDays(10));
        Map<Rating, Outcome> p = capped.preview(1, review, NOW);
        assertEquals(10, p.get(Rating.EASY).scheduledDays());
        assertEquals(10, p.get(Rating.GOOD).scheduledDays());
    }

    @Test
    void fuzzedPreviewIsRepeatableAndDiffersBetweenCards() {
        Scheduler fuzzy = new Scheduler(scheduler.settings().withFuzz(true));
        CardState review = new CardState(State.REVIEW, null, 60.0, 5.0, NOW, NOW.minus(Duration.ofDays(60)), 5, 0);
        assertEquals(fuzzy.preview(77, review, NOW), fuzzy.preview(77, review, NOW));
        long distinct = java.util.stream.LongStream.range(0, 50)
                .map(id -> fuzzy.next(id, review, Rating.GOOD, NOW).scheduledDays()).distinct().count();
        assertTrue(distinct > 3, "fuzz spreads cards: " + distinct);
    }

    @Test
    void longTermModeSchedulesDaysForEveryAnswer() {
        Scheduler longTerm = new Scheduler(scheduler.settings().withShortTerm(false));
        Map<Rating, Outcome> p = longTerm.preview(1, CardState.newCard(NOW), NOW);
        p.values().forEach(o -> {
            assertEquals(State.REVIEW, o.after().state());
            assertNotNull(o.after().stability());
        });
        assertTrue(p.get(Rating.AGAIN).scheduledDays() < p.get(Rating.HARD).scheduledDays());
    }
}
