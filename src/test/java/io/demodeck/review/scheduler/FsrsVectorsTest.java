package io.demodeck.review.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every asserted vector of {@code fsrs/vectors.json} (the vectors of {@code docs/FSRS-SPEC.md} §2)
 * at the tolerance the vector states. Vectors marked {@code "asserted": false} are skipped here; the
 * fuzz ranges among them feed {@link SchedulerPropertiesTest}.
 *
 * <p>Where a vector encodes a ts-fsrs rule that FSRS-SPEC §3.11 tells us not to follow (Hard at a later
 * learning step, Hard delays rounded to whole minutes), the test asserts our documented rule and
 * says so in the check's name.
 */
class FsrsVectorsTest {

    private static final Instant START = Instant.parse("2022-11-29T12:30:00Z");
    private static final Rating[] BY_GRADE = {null, Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY};

    private final JsonNode root = load();

    private static JsonNode load() {
        try (InputStream in = FsrsVectorsTest.class.getResourceAsStream("/fsrs/vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    List<DynamicNode> vectors() {
        List<DynamicNode> nodes = new ArrayList<>();
        int asserted = 0;
        for (JsonNode v : root.get("vectors")) {
            if (!v.path("asserted").asBoolean(true)) {
                continue;
            }
            asserted++;
            String id = v.get("id").asText();
            List<DynamicTest> checks = new ArrayList<>();
            switch (v.get("kind").asText()) {
                case "initial_state" -> initialState(v, checks);
                case "function" -> function(v, checks);
                case "memory_sequence" -> memorySequence(v, checks);
                case "scheduler_sequence" -> schedulerSequence(v, checks);
                case "learning_steps" -> learningSteps(v, checks);
                default -> checks.add(DynamicTest.dynamicTest("unknown kind", () -> fail("unknown kind in " + id)));
            }
            if (checks.isEmpty()) {
                checks.add(DynamicTest.dynamicTest("has checks", () -> fail("no checks built for " + id)));
            }
            nodes.add(DynamicContainer.dynamicContainer(id, checks));
        }
        int count = asserted;
        nodes.add(DynamicTest.dynamicTest("all 31 asserted vectors are present", () -> assertEquals(31, count)));
        return nodes;
    }

    // ---------------------------------------------------------------------------------------------- kinds

    private void initialState(JsonNode v, List<DynamicTest> checks) {
        Tolerance tol = Tolerance.of(v.get("tolerance"));
        Scheduler scheduler = scheduler(v);
        v.get("by_rating").fields().forEachRemaining(e -> checks.add(DynamicTest.dynamicTest("rating " + e.getKey(), () -> {
            JsonNode x = e.getValue();
            Outcome o = scheduler.next(1, CardState.newCard(START), rating(e.getKey()), START);
            CardState a = o.after();
            tol.stability(x.get("stability").asDouble(), a.stability(), "S");
            tol.difficulty(x.get("difficulty").asDouble(), a.difficulty(), "D");
            assertEquals(x.get("state").asText(), label(a.state()));
            assertEquals(x.get("scheduled_days").asInt(), o.scheduledDays());
            if (x.has("due_offset_minutes_py_fsrs")) {
                // Anki/py-fsrs keep the exact mean of the steps (5.5 min); ts-fsrs rounds to 6 (FSRS-SPEC §3.11 #3)
                assertEquals(x.get("due_offset_minutes_py_fsrs").asDouble() * 60,
                        Duration.between(START, a.due()).toSeconds(), 1);
                assertEquals(x.get("due_offset_minutes").asInt(), Math.round(minutes(START, a.due())));
            } else if (x.has("due_offset_minutes")) {
                assertEquals(x.get("due_offset_minutes").asDouble(), minutes(START, a.due()), 1e-9);
            }
            if (x.has("due_offset_days")) {
                assertEquals(Duration.ofDays(x.get("due_offset_days").asInt()), Duration.between(START, a.due()));
            }
            if (x.has("step_after")) {
                assertEquals(x.get("step_after").asInt(), a.step());
            }
            JsonNode also = v.get("also_asserted");
            if (also != null) {
                int i = rating(e.getKey()).grade() - 1;
                assertEquals(also.get("reps").get(i).asInt(), a.reps());
                assertEquals(also.get("lapses").get(i).asInt(), a.lapses());
                assertEquals(also.get("elapsed_days").get(i).asInt(), o.elapsedDays());
            }
        })));
    }

    private void function(JsonNode v, List<DynamicTest> checks) {
        String id = v.get("id").asText();
        Tolerance tol = Tolerance.of(v.get("tolerance"));
        FsrsModel model = new FsrsModel(params(v.get("params")));
        if (id.equals("fn_retrievability_at_due_after_first_review")) {
            Scheduler scheduler = new Scheduler(utcSettings(FsrsParameters.defaults()));
            Instant reviewed = Instant.parse("2023-12-01T04:05:00Z");
            v.get("expected_by_rating").fields().forEachRemaining(e -> checks.add(DynamicTest.dynamicTest(
                    "R at due after rating " + e.getKey(), () -> {
                        CardState after = scheduler.next(7, CardState.newCard(reviewed.minusSeconds(300)),
                                rating(e.getKey()), reviewed).after();
                        double r = scheduler.retrievability(after, after.due()).orElseThrow();
                        tol.abs(e.getValue().asDouble(), r, "R");
                    })));
            return;
        }
        int n = 0;
        for (JsonNode c : v.get("cases")) {
            checks.add(DynamicTest.dynamicTest("case " + n++ + " " + c, () -> {
                switch (id) {
                    case "fn_retrievability_S1_default", "fn_retrievability_pairs_default", "fn_retrievability_decay_0_2" ->
                            tol.abs(c.get("expected").asDouble(),
                                    model.retrievability(c.get("t").asDouble(), c.get("S").asDouble()), "R");
                    case "fn_next_difficulty_D5" -> tol.abs(c.get("expected").asDouble(),
                            model.nextDifficulty(c.get("D").asDouble(), grade(c.get("G"))), "D");
                    case "fn_stability_after_recall_S5" -> tol.abs(c.get("expected").asDouble(),
                            model.stabilityAfterRecall(c.get("D").asDouble(), c.get("S").asDouble(),
                                    c.get("R").asDouble(), grade(c.get("G"))), "S");
                    case "fn_stability_after_forget_S5" -> tol.abs(c.get("expected").asDouble(),
                            model.stabilityAfterForget(c.get("D").asDouble(), c.get("S").asDouble(),
                                    c.get("R").asDouble()), "S");
                    case "fn_short_term_stability_S5" -> tol.abs(c.get("expected").asDouble(),
                            model.shortTermStability(c.get("S").asDouble(), grade(c.get("G"))), "S");
                    case "fn_next_interval_S1" -> assertEquals(c.get("expected").asInt(),
                            model.nextIntervalDays(c.get("S").asDouble(), c.get("desired_retention").asDouble(),
                                    Integer.MAX_VALUE));
                    case "fn_next_interval_unrounded" -> tol.abs(c.get("expected").asDouble(),
                            model.nextInterval(c.get("S").asDouble(), c.get("desired_retention").asDouble()), "I");
                    case "fn_maximum_interval_cap" -> assertEquals(c.get("expected").asInt(),
                            model.nextIntervalDays(c.get("S").asDouble(), c.get("desired_retention").asDouble(),
                                    c.get("maximum_interval").asInt()));
                    case "fn_no_fuzz_rounding" -> {
                        boolean fuzz = c.get("enable_fuzz").asBoolean();
                        for (double unit : fuzz ? new double[]{0, 0.5, 0.999999} : new double[]{-1}) {
                            assertEquals(c.get("expected").asInt(), Fuzz.apply(c.get("ivl").asDouble(), 0, 1, 36500, unit));
                        }
                    }
                    case "fn_memory_state_from_sm2" -> {
                        MemoryState m = model.fromSm2(c.get("ease").asDouble(), c.get("interval").asDouble(),
                                c.get("sm2_retention").asDouble());
                        tol.abs(c.get("expected_S").asDouble(), m.stability(), "S");
                        tol.abs(c.get("expected_D").asDouble(), m.difficulty(), "D");
                    }
                    default -> fail("no runner for function vector " + id);
                }
            }));
        }
    }

    private void memorySequence(JsonNode v, List<DynamicTest> checks) {
        Tolerance tol = Tolerance.of(v.get("tolerance"));
        FsrsParameters params = params(v.get("params"));
        if (v.has("reviews_utc_ms")) {
            checks.add(DynamicTest.dynamicTest("UTC calendar days, manual entries skipped", () -> {
                StudyDays days = StudyDays.utcCalendarDays();
                FsrsModel model = new FsrsModel(params);
                MemoryState m = null;
                Instant last = null;
                for (int i = 0; i < v.get("ratings").size(); i++) {
                    Instant at = Instant.ofEpochMilli(v.get("reviews_utc_ms").get(i).asLong());
                    int delta = last == null ? 0 : days.between(last, at);
                    assertEquals(v.get("delta_days_used").get(i).asInt(), delta, "delta days of review " + i);
                    int grade = v.get("ratings").get(i).asInt();
                    if (grade == 0) {
                        continue; // Manual: nothing changes, not even the last-review pointer
                    }
                    m = model.next(m, delta, Rating.fromGrade(grade));
                    last = at;
                }
                tol.abs(v.get("expected_final").get("stability").asDouble(), m.stability(), "S");
            }));
            return;
        }
        checks.add(DynamicTest.dynamicTest("final state", () -> {
            MemoryState m = replay(new FsrsModel(params), v.get("reviews"), v.get("reviews").size());
            assertFinal(v.get("expected_final"), m, tol);
        }));
        for (JsonNode variant : v.path("variants")) {
            checks.add(DynamicTest.dynamicTest(variant.get("name").asText(), () -> {
                double[] w = params.toArray();
                w[17] = 0;
                w[18] = 0;
                w[19] = 0;
                MemoryState m = replay(new FsrsModel(FsrsParameters.of(w)), v.get("reviews"), v.get("reviews").size());
                assertFinal(variant.get("expected_final"), m, tol);
            }));
        }
        JsonNode next = v.get("next_states_after_first_4_reviews");
        if (next != null) {
            checks.add(DynamicTest.dynamicTest("next states after 4 reviews", () -> {
                FsrsModel model = new FsrsModel(params);
                MemoryState m = replay(model, v.get("reviews"), 4);
                int delta = next.get("delta_days").asInt();
                Iterator<Map.Entry<String, JsonNode>> it = next.get("by_rating").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    MemoryState n = model.next(m, delta, rating(e.getKey()));
                    tol.abs(e.getValue().get("stability").asDouble(), n.stability(), "S " + e.getKey());
                    tol.abs(e.getValue().get("difficulty").asDouble(), n.difficulty(), "D " + e.getKey());
                    tol.abs(e.getValue().get("interval").asDouble(),
                            model.nextInterval(n.stability(), next.get("desired_retention").asDouble()), "I " + e.getKey());
                }
            }));
        }
        JsonNode given = v.get("next_state_from_given");
        if (given != null) {
            checks.add(DynamicTest.dynamicTest("next state from given", () -> {
                MemoryState from = new MemoryState(given.get("from").get("stability").asDouble(),
                        given.get("from").get("difficulty").asDouble());
                MemoryState n = new FsrsModel(params).next(from, given.get("delta_days").asInt(), grade(given.get("rating")));
                assertFinal(given.get("expected"), n, tol);
            }));
        }
    }

    private void schedulerSequence(JsonNode v, List<DynamicTest> checks) {
        Tolerance tol = Tolerance.of(v.get("tolerance"));
        String id = v.get("id").asText();
        checks.add(DynamicTest.dynamicTest("sequence", () -> runSequence(v, scheduler(v), v, tol)));
        for (JsonNode variant : v.path("variants")) {
            checks.add(DynamicTest.dynamicTest(variant.get("name").asText(), () -> {
                assertTrue(variant.get("name").asText().contains("enable_short_term=false"), id);
                Scheduler longTerm = new Scheduler(scheduler(v).settings().withShortTerm(false));
                runSequence(v, longTerm, variant, tol);
            }));
        }
        JsonNode memory = v.get("memory_state_check");
        if (memory != null) {
            Tolerance mt = Tolerance.of(memory.get("tolerance"));
            for (boolean shortTerm : new boolean[]{true, false}) {
                checks.add(DynamicTest.dynamicTest("memory check, short-term " + shortTerm, () -> {
                    FsrsModel model = new FsrsModel(params(v.get("params")), shortTerm);
                    MemoryState m = null;
                    for (int i = 0; i < memory.get("ratings").size(); i++) {
                        m = model.next(m, memory.get("delta_days").get(i).asInt(), grade(memory.get("ratings").get(i)));
                    }
                    assertFinal(memory.get(shortTerm ? "expected_short_term" : "expected_long_term"), m, mt);
                }));
            }
        }
    }

    private void runSequence(JsonNode v, Scheduler scheduler, JsonNode expected, Tolerance tol) {
        JsonNode ratings = v.get("ratings");
        List<Instant> times = reviewTimes(v);
        CardState card = CardState.newCard(times == null ? START : times.get(0));
        for (int i = 0; i < ratings.size(); i++) {
            Instant at = times == null ? card.due() : times.get(i);
            Outcome o = scheduler.next(42, card, grade(ratings.get(i)), at);
            card = o.after();
            String where = " at review " + i;
            if (expected.has("expected_interval_days")) {
                assertEquals(expected.get("expected_interval_days").get(i).asInt(), o.scheduledDays(), "interval" + where);
            }
            if (expected.has("expected_stability")) {
                tol.stability(expected.get("expected_stability").get(i).asDouble(), card.stability(), "S" + where);
            }
            if (expected.has("expected_difficulty")) {
                tol.difficulty(expected.get("expected_difficulty").get(i).asDouble(), card.difficulty(), "D" + where);
            }
            if (v.has("elapsed_days_used")) {
                assertEquals(v.get("elapsed_days_used").get(i).asInt(), o.elapsedDays(), "elapsed days" + where);
            }
        }
        if (expected.has("expected_final")) {
            assertFinal(expected.get("expected_final"), new MemoryState(card.stability(), card.difficulty()), tol);
        }
    }

    private void learningSteps(JsonNode v, List<DynamicTest> checks) {
        String id = v.get("id").asText();
        int n = 0;
        for (JsonNode c : v.get("cases")) {
            String name = "case " + n++ + " " + c;
            switch (id) {
                case "steps_strategy_ts" -> checks.add(DynamicTest.dynamicTest(name, () -> tsStrategyCase(c)));
                case "steps_py_hard_delays" -> checks.add(DynamicTest.dynamicTest(name, () -> pyHardDelayCase(c)));
                case "steps_ts_no_skipping" -> checks.add(DynamicTest.dynamicTest(name, () -> noSkippingCase(c)));
                default -> checks.add(DynamicTest.dynamicTest(name, () -> fail("no runner for " + id)));
            }
        }
    }

    /** expected maps rating to [minutes, next step]; an absent rating graduates the card. */
    private void tsStrategyCase(JsonNode c) {
        boolean relearning = c.has("relearning_steps");
        List<Duration> steps = durations(c.get(relearning ? "relearning_steps" : "steps"));
        Scheduler scheduler = new Scheduler(utcSettings(FsrsParameters.defaults())
                .withSteps(relearning ? List.of(Duration.ofMinutes(1)) : steps, relearning ? steps : List.of()));
        String stateName = c.get("state").asText();
        int current = c.get("current_step").asInt();
        List<CardState> befores = new ArrayList<>();
        if (stateName.equals("New or Learning")) {
            befores.add(CardState.newCard(START));
            befores.add(learned(State.LEARNING, current));
        } else {
            befores.add(learned(State.valueOf(stateName.toUpperCase()), current));
        }
        JsonNode expected = c.get("expected");
        for (CardState before : befores) {
            Map<Rating, Outcome> preview = scheduler.preview(3, before, START);
            for (Rating r : Rating.values()) {
                Outcome o = preview.get(r);
                JsonNode e = expected.get(String.valueOf(r.grade()));
                boolean laterHard = r == Rating.HARD && current >= 1 && current < steps.size();
                boolean againOutOfRange = r == Rating.AGAIN && current >= steps.size() && before.state() != State.REVIEW;
                if (laterHard) {
                    // FSRS-SPEC §3.11 #3 (Anki/py-fsrs): Hard at a later step repeats that step; ts-fsrs uses the step-0 rule
                    assertEquals(steps.get(current), o.interval(), "Hard at step " + current);
                    assertEquals(current, o.after().step());
                } else if (againOutOfRange) {
                    // Anki/py-fsrs: Again restarts the steps even when the step index is past the (shortened) list
                    assertEquals(steps.get(0), o.interval());
                    assertEquals(0, o.after().step());
                } else if (e != null) {
                    assertEquals(e.get(0).asLong(), Math.round(minutes(START, o.after().due())), r + " minutes");
                    assertEquals(e.get(1).asInt(), o.after().step(), r + " step");
                    assertTrue(o.after().state() == State.LEARNING || o.after().state() == State.RELEARNING);
                } else if (before.state() != State.REVIEW || r != Rating.AGAIN) {
                    assertEquals(State.REVIEW, o.after().state(), r + " graduates");
                    assertTrue(o.scheduledDays() >= 1);
                }
            }
        }
    }

    private void pyHardDelayCase(JsonNode c) {
        boolean relearning = c.has("relearning_steps_minutes");
        List<Duration> steps = minuteSteps(c.get(relearning ? "relearning_steps_minutes" : "learning_steps_minutes"));
        Scheduler scheduler = new Scheduler(utcSettings(FsrsParameters.defaults()).withSteps(
                relearning ? SchedulerSettings.DEFAULT_LEARNING_STEPS : steps, relearning ? steps : List.of()));
        String stateName = c.get("state").asText();
        CardState before = switch (stateName) {
            case "Learning (new)" -> CardState.newCard(START);
            case "Learning" -> c.get("step").asInt() == 0 ? CardState.newCard(START) : learned(State.LEARNING, c.get("step").asInt());
            default -> learned(State.valueOf(stateName.toUpperCase()), c.path("step").asInt(0));
        };
        Outcome o = scheduler.next(5, before, grade(c.get("rating")), START);
        if (c.has("expected_delay_minutes")) {
            assertEquals(c.get("expected_delay_minutes").asDouble() * 60, o.interval().toMillis() / 1000.0,
                    c.get("tolerance") == null ? 1 : 1, "delay");
            assertEquals(c.get("expected_step_after").asInt(), o.after().step());
        } else {
            assertEquals(State.REVIEW, o.after().state(), c.get("expected").asText());
            assertTrue(o.scheduledDays() >= 1 && o.interval().compareTo(Duration.ofDays(1)) >= 0);
            assertNull(o.after().step());
        }
    }

    private void noSkippingCase(JsonNode c) {
        boolean relearning = c.has("relearning_steps");
        List<Duration> steps = durations(c.get(relearning ? "relearning_steps" : "learning_steps"));
        Scheduler scheduler = new Scheduler(utcSettings(FsrsParameters.defaults()).withSteps(
                relearning ? SchedulerSettings.DEFAULT_LEARNING_STEPS : steps, relearning ? steps : List.of()));
        CardState card = CardState.newCard(START);
        Instant now = START;
        if (relearning) {
            card = scheduler.next(9, card, Rating.EASY, now).after();
            now = card.due();
        }
        card = scheduler.next(9, card, Rating.AGAIN, now).after();
        assertEquals(0, card.step());
        JsonNode delays = c.get("expected_good_delays_minutes");
        for (int i = 0; i < delays.size(); i++) {
            now = card.due();
            Outcome o = scheduler.next(9, card, Rating.GOOD, now);
            card = o.after();
            assertEquals(delays.get(i).asLong(), o.interval().toMinutes(), "delay after Good " + i);
            assertEquals(c.get("expected_steps_after").get(i).asInt(), card.step());
        }
        card = scheduler.next(9, card, Rating.GOOD, card.due()).after();
        assertEquals(State.REVIEW, card.state());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private MemoryState replay(FsrsModel model, JsonNode reviews, int count) {
        MemoryState m = null;
        for (int i = 0; i < count; i++) {
            JsonNode r = reviews.get(i);
            m = model.next(m, r.get("delta_days").asInt(), grade(r.get("rating")));
        }
        return m;
    }

    private static void assertFinal(JsonNode expected, MemoryState m, Tolerance tol) {
        if (expected.has("stability")) {
            tol.stability(expected.get("stability").asDouble(), m.stability(), "final S");
        }
        if (expected.has("difficulty")) {
            tol.difficulty(expected.get("difficulty").asDouble(), m.difficulty(), "final D");
        }
    }

    private Scheduler scheduler(JsonNode v) {
        JsonNode s = v.get("scheduler");
        SchedulerSettings settings = utcSettings(params(v.get("params")));
        if (s.has("mode")) {
            settings = settings.withShortTerm(false);
        }
        if (s.has("learning_steps_minutes")) {
            settings = settings.withSteps(minuteSteps(s.get("learning_steps_minutes")),
                    minuteSteps(s.get("relearning_steps_minutes")));
        }
        return new Scheduler(settings.withDesiredRetention(s.get("desired_retention").asDouble())
                .withMaximumIntervalDays(s.get("maximum_interval").asInt())
                .withFuzz(s.get("fuzz").asBoolean()));
    }

    /** UTC calendar days (rollover 0), as the vectors count them; fuzz off. */
    private static SchedulerSettings utcSettings(FsrsParameters params) {
        return SchedulerSettings.defaults().withParams(params).withDayBoundary(ZoneOffset.UTC, 0).withFuzz(false);
    }

    private FsrsParameters params(JsonNode ref) {
        if (ref.isObject()) { // inline overrides of the defaults, e.g. {"w20": 0.2}
            double[] w = FsrsParameters.defaults().toArray();
            ref.fields().forEachRemaining(e -> w[Integer.parseInt(e.getKey().substring(1))] = e.getValue().asDouble());
            return FsrsParameters.of(w);
        }
        JsonNode set = root.get("parameter_sets").get(ref.asText());
        if (set.isArray()) {
            return FsrsParameters.of(doubles(set));
        }
        FsrsParameters converted = FsrsParameters.of(doubles(set.get("given_19")));
        assertEquals(FsrsParameters.of(doubles(set.get("filled_21"))), converted, "19 -> 21 conversion");
        return converted;
    }

    private static List<Instant> reviewTimes(JsonNode v) {
        List<Instant> times = new ArrayList<>();
        if (v.has("reviews_utc_ms")) {
            v.get("reviews_utc_ms").forEach(t -> times.add(Instant.ofEpochMilli(t.asLong())));
        } else if (v.has("reviews_utc")) {
            v.get("reviews_utc").forEach(t -> times.add(Instant.parse(t.asText())));
        } else if (v.has("reviews_local")) {
            v.get("reviews_local").forEach(t -> times.add(
                    LocalDateTime.parse(t.asText().replace(' ', 'T')).toInstant(ZoneOffset.UTC)));
        } else {
            return null;
        }
        return times;
    }

    private static CardState learned(State state, int step) {
        Integer s = state == State.REVIEW ? null : step;
        return new CardState(state, s, 5.0, 5.0, START, START.minus(Duration.ofDays(state == State.REVIEW ? 5 : 0)), 3,
                0);
    }

    private static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }

    private static List<Duration> minuteSteps(JsonNode minutes) {
        List<Duration> steps = new ArrayList<>();
        minutes.forEach(m -> steps.add(Duration.ofSeconds(Math.round(m.asDouble() * 60))));
        return steps;
    }

    private static List<Duration> durations(JsonNode texts) {
        List<Duration> steps = new ArrayList<>();
        for (JsonNode t : texts) {
            String s = t.asText();
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            steps.add(s.endsWith("h") ? Duration.ofHours(n) : Duration.ofMinutes(n));
        }
        return steps;
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }

    private static Rating rating(String grade) {
        return BY_GRADE[Integer.parseInt(grade)];
    }

    private static Rating grade(JsonNode g) {
        return BY_GRADE[g.asInt()];
    }

    private static String label(State state) {
        return state.name().charAt(0) + state.name().substring(1).toLowerCase();
    }

    /** A vector's tolerance: abs, rel (S relative, D absolute, as FSRS-SPEC §2 recommends) or exact. */
    private record Tolerance(String kind, double value) {
        static Tolerance of(JsonNode t) {
            return new Tolerance(t.get("kind").asText(), t.path("value").asDouble(0));
        }

        void stability(double expected, double actual, String what) {
            double allowed = switch (kind) {
                case "rel" -> value * Math.abs(expected);
                case "exact" -> 0;
                default -> value;
            };
            assertEquals(expected, actual, allowed, what);
        }

        void difficulty(double expected, double actual, String what) {
            assertEquals(expected, actual, kind.equals("exact") ? 0 : value, what);
        }

        void abs(double expected, double actual, String what) {
            assertEquals(expected, actual, kind.equals("exact") ? 0 : value, what);
        }
    }
}
