package io.demodeck.review.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties over thousands of seeded random cases (plain loops, fixed seeds: failures reproduce). */
class SchedulerPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final double[] MIN = {0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001,
            0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1};
    private static final double[] MAX = {100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5,
            5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8};

    @Test
    void retrievabilityFallsAsStudyDaysPass() {
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            FsrsModel model = new FsrsModel(randomParams(random));
            double s = 0.001 + random.nextDouble() * 36_499.999;
            int t1 = random.nextInt(3000);
            int t2 = t1 + 1 + random.nextInt(3000);
            double r1 = model.retrievability(t1, s);
            double r2 = model.retrievability(t2, s);
            assertTrue(r1 <= 1 && r2 > 0, "R in (0, 1]");
            assertTrue(r2 < r1, "R(" + t2 + ") < R(" + t1 + ") for S=" + s);
        }
        Scheduler scheduler = new Scheduler(SchedulerSettings.defaults());
        CardState card = scheduler.next(1, CardState.newCard(T0), Rating.EASY, T0).after();
        double previous = 1.0;
        for (int day = 1; day < 400; day++) {
            double r = scheduler.retrievability(card, T0.plus(Duration.ofDays(day))).orElseThrow();
            assertTrue(r < previous, "day " + day);
            previous = r;
        }
        assertTrue(scheduler.retrievability(CardState.newCard(T0), T0).isEmpty(), "a new card has no R");
    }

    @Test
    void stabilityAndDifficultyStayInBoundsAfterAnyAnswers() {
        Random random = new Random(2);
        for (int i = 0; i < 3000; i++) {
            Scheduler scheduler = new Scheduler(randomSettings(random));
            CardState card = CardState.newCard(T0);
            Instant now = T0;
            for (int n = 0; n < 30; n++) {
                now = now.plus(randomGap(random));
                Outcome o = scheduler.next(i, card, randomRating(random), now);
                card = o.after();
                assertTrue(card.stability() >= 0.001 && card.stability() <= 36500, "S " + card.stability());
                assertTrue(card.difficulty() >= 1 && card.difficulty() <= 10, "D " + card.difficulty());
                assertTrue(o.scheduledDays() >= 0 && o.scheduledDays() <= scheduler.settings().maximumIntervalDays());
                assertTrue(card.due().isAfter(now), "due in the future");
                assertEquals(n + 1, card.reps());
            }
        }
    }

    @Test
    void reviewIntervalsAreOrderedByRating() {
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            SchedulerSettings settings = randomSettings(random);
            Scheduler scheduler = new Scheduler(settings);
            CardState card = randomReviewCard(random);
            Map<Rating, Outcome> p = scheduler.preview(random.nextLong(), card, card.lastReview().plus(randomGap(random)));
            int again = p.get(Rating.AGAIN).scheduledDays();
            int hard = p.get(Rating.HARD).scheduledDays();
            int good = p.get(Rating.GOOD).scheduledDays();
            int easy = p.get(Rating.EASY).scheduledDays();
            int max = settings.maximumIntervalDays();
            String where = "case " + i + ": " + again + "/" + hard + "/" + good + "/" + easy + " max " + max;
            assertTrue(again <= hard, where);
            assertTrue(hard < good || good == max, where);
            assertTrue(good < easy || easy == max, where);
            assertTrue(hard >= 1, where);
            if (settings.relearningSteps().isEmpty() || !settings.shortTerm()) {
                assertTrue(again >= 1 && (again < hard || hard == max), where);
            } else {
                assertEquals(State.RELEARNING, p.get(Rating.AGAIN).after().state());
            }
        }
    }

    @Test
    void fuzzStaysInAnkiBoundsAndPreviewEqualsTheAppliedAnswer() {
        Random random = new Random(4);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            Scheduler scheduler = new Scheduler(randomSettings(random).withFuzz(true));
            CardState card = randomReviewCard(random);
            long cardId = random.nextLong();
            Instant now = card.lastReview().plus(randomGap(random));
            Map<Rating, Outcome> preview = scheduler.preview(cardId, card, now);
            for (Rating rating : Rating.values()) {
                assertEquals(preview.get(rating), scheduler.next(cardId, card, rating, now), "preview = applied");
            }
            // Hard's ordering minimum is 1, or one day above Again when Again also schedules days
            Outcome hard = preview.get(Rating.HARD);
            Outcome again = preview.get(Rating.AGAIN);
            int minimum = again.after().state() == State.REVIEW ? again.scheduledDays() + 1 : 1;
            double raw = scheduler.model().nextInterval(hard.after().stability(), scheduler.settings().desiredRetention());
            int max = scheduler.settings().maximumIntervalDays();
            if (raw >= 2.5 && raw <= max) {
                Fuzz.Bounds b = Fuzz.bounds(raw, hard.elapsedDays(), minimum, max);
                assertTrue(hard.scheduledDays() >= b.min() && hard.scheduledDays() <= b.max(),
                        hard.scheduledDays() + " in " + b);
            }
        }
        // the draw spreads over the whole range and is decided by card id + reps
        for (long cardId = 0; cardId < 2000; cardId++) {
            int days = Fuzz.apply(30, 0, 1, 36500, Fuzz.unit(cardId, 7));
            assertTrue(days >= 27 && days <= 33);
            seen.add(days);
            assertEquals(days, Fuzz.apply(30, 0, 1, 36500, Fuzz.unit(cardId, 7)));
        }
        assertEquals(Set.of(27, 28, 29, 30, 31, 32, 33), seen);
    }

    @Test
    void fuzzBoundsMatchTheResearchedRanges() throws IOException {
        JsonNode vector = null;
        try (InputStream in = getClass().getResourceAsStream("/fsrs/vectors.json")) {
            for (JsonNode v : new ObjectMapper().readTree(in).get("vectors")) {
                if (v.get("id").asText().equals("fuzz_ranges_computed")) {
                    vector = v;
                }
            }
        }
        for (JsonNode c : vector.get("cases")) {
            Fuzz.Bounds b = Fuzz.bounds(c.get("interval").asDouble(), 0, 1, 36500);
            assertEquals(new Fuzz.Bounds(c.get("min").asInt(), c.get("max").asInt()), b, c.toString());
        }
        JsonNode extra = vector.get("extra").get(0);
        assertEquals(new Fuzz.Bounds(extra.get("min_out").asInt(), extra.get("max_out").asInt()),
                Fuzz.bounds(extra.get("interval").asDouble(), extra.get("elapsed_days").asInt(), 1, extra.get("max").asInt()));
        Random random = new Random(5);
        for (int i = 0; i < 5000; i++) {
            double ivl = 2.5 + random.nextDouble() * 5000;
            int elapsed = random.nextInt(6000);
            int max = 1 + random.nextInt(36500);
            double unit = random.nextDouble();
            Fuzz.Bounds b = Fuzz.bounds(ivl, elapsed, 1, max);
            int days = Fuzz.apply(ivl, elapsed, 1, max, unit);
            assertTrue(b.min() <= days && days <= b.max() && days <= max && days >= 1, ivl + " -> " + days + " " + b);
        }
    }

    @Test
    void dayCountingFollowsTheLearnersZoneAndRollover() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        StudyDays days = new StudyDays(berlin, 4);
        Instant before = Instant.parse("2025-06-10T01:59:00Z"); // 03:59 CEST
        Instant after = Instant.parse("2025-06-10T02:01:00Z");  // 04:01 CEST
        assertEquals(1, days.between(before, after), "03:59 and 04:01 are different study days");
        Instant lateEvening = Instant.parse("2025-06-09T21:30:00Z"); // 23:30 CEST
        assertEquals(0, days.between(lateEvening, before), "23:30 and 03:59 the next night are one study day");
        assertEquals(Instant.parse("2025-06-10T02:00:00Z"), days.startOfNextDay(lateEvening));
        assertEquals(Instant.parse("2025-06-10T02:00:00Z"), days.startOfDay(after));
        // winter time: the rollover is 03:00 UTC
        assertEquals(Instant.parse("2025-01-10T03:00:00Z"), days.startOfDay(Instant.parse("2025-01-10T12:00:00Z")));
        assertEquals(0, days.between(after, before), "never negative");
        StudyDays utc = StudyDays.utcCalendarDays();
        assertEquals(1, utc.between(Instant.parse("2025-06-09T23:59:59Z"), Instant.parse("2025-06-10T00:00:00Z")));
        assertEquals(0, utc.between(Instant.parse("2025-06-10T00:00:00Z"), Instant.parse("2025-06-10T23:59:59Z")));

        // the scheduler sees a same-day review (short-term formula) across local midnight
        Scheduler scheduler = new Scheduler(SchedulerSettings.defaults().withDayBoundary(berlin, 4).withFuzz(false));
        CardState card = new CardState(State.REVIEW, null, 10.0, 5.0, before, lateEvening, 4, 0);
        assertEquals(0, scheduler.next(1, card, Rating.GOOD, before).elapsedDays());
        assertEquals(1, scheduler.next(1, card, Rating.GOOD, after).elapsedDays());
        assertEquals(1.0, scheduler.retrievability(card, before).orElseThrow());
        assertTrue(scheduler.retrievability(card, after).orElseThrow() < 1.0);
    }

    @Test
    void studyDayNumbersAgreeWithJavaTimeAcrossDaylightSavingChanges() {
        Random random = new Random(6);
        for (String zoneId : List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC")) {
            ZoneId zone = ZoneId.of(zoneId);
            for (int rollover : new int[]{0, 4, 23}) {
                StudyDays days = new StudyDays(zone, rollover);
                for (int i = 0; i < 2000; i++) {
                    // wall-clock rule: the local time minus the rollover hours gives the study date
                    // (random instants, then a nearby one: cached offset periods are both reused and left)
                    Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextLong(3L * 365 * 86400));
                    long expected = t.atZone(zone).toLocalDateTime().minusHours(rollover).toLocalDate().toEpochDay();
                    assertEquals(expected, days.dayNumber(t), zoneId + " " + rollover + " " + t);
                    Instant soon = t.plusSeconds(random.nextInt(7200));
                    assertEquals(soon.atZone(zone).toLocalDateTime().minusHours(rollover).toLocalDate().toEpochDay(), days.dayNumber(soon));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- generators

    static FsrsParameters randomParams(Random random) {
        if (random.nextInt(3) == 0) {
            return FsrsParameters.defaults();
        }
        double[] w = new double[21];
        for (int i = 0; i < 21; i++) {
            w[i] = MIN[i] + random.nextDouble() * (MAX[i] - MIN[i]);
        }
        return FsrsParameters.of(w);
    }

    static SchedulerSettings randomSettings(Random random) {
        List<List<Duration>> stepChoices = List.of(List.of(), List.of(Duration.ofMinutes(10)),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofHours(6)));
        int max = random.nextInt(4) == 0 ? 1 + random.nextInt(100) : 36500;
        return new SchedulerSettings(randomParams(random), 0.70 + random.nextInt(30) / 100.0,
                stepChoices.get(random.nextInt(stepChoices.size())), stepChoices.get(random.nextInt(stepChoices.size())),
                max, random.nextBoolean(), random.nextBoolean() ? ZoneId.of("UTC") : ZoneId.of("America/New_York"),
                random.nextInt(24), random.nextInt(5) != 0);
    }

    static CardState randomReviewCard(Random random) {
        double s = Math.exp(Math.log(0.001) + random.nextDouble() * (Math.log(36500) - Math.log(0.001)));
        double d = 1 + random.nextDouble() * 9;
        Instant last = T0.minus(Duration.ofMinutes(random.nextInt(100_000)));
        return new CardState(State.REVIEW, null, s, d, last.plus(Duration.ofDays(1)), last, 1 + random.nextInt(50),
                random.nextInt(5));
    }

    static Duration randomGap(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Duration.ofSeconds(random.nextInt(3600));
            case 1 -> Duration.ofHours(random.nextInt(48));
            case 2 -> Duration.ofDays(random.nextInt(60));
            default -> Duration.ofDays(random.nextInt(4000));
        };
    }

    static Rating randomRating(Random random) {
        return Rating.values()[random.nextInt(4)];
    }
}
