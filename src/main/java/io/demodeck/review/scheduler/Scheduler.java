package io.demodeck.review.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The FSRS-6 scheduler: memory model plus the (re)learning-step timers, button ordering and fuzz
 * (FSRS-SPEC §3.5-3.7, choices of §3.11). Immutable and thread-safe; build one per settings.
 *
 * <ul>
 *   <li>Steps follow Anki/py-fsrs: Again goes to step 0, Hard repeats the current step (at step 0 the
 *       mean of the first two steps, or 1.5× a single step), Good advances or graduates, Easy graduates.</li>
 *   <li>Whenever several answers would schedule whole days, they are ordered: each is at least one day
 *       longer than the one below it (Again &lt; Hard &lt; Good &lt; Easy), as Anki does. ts-fsrs orders only
 *       in the Review state, so a learning card's Easy may equal its Good there.</li>
 *   <li>Elapsed days are study days in the learner's zone with a rollover hour.</li>
 * </ul>
 */
public final class Scheduler {

    private static final Rating[] RATINGS = Rating.values();
    private static final long SECONDS_PER_DAY = 86_400;

    private final SchedulerSettings settings;
    private final FsrsModel model;
    private final StudyDays studyDays;
    private final Duration[] learningSteps;
    private final Duration[] relearningSteps;
    // Hard's delay at each step, computed once (Duration division goes through BigDecimal)
    private final Duration[] learningHardDelays;
    private final Duration[] relearningHardDelays;
    private final double intervalPerStability;
    private final int maximumInterval;

    public Scheduler(SchedulerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        // several relearning steps lower the ceiling of w17/w18, as in fsrs-rs and ts-fsrs (a learner's own vector is
        // checked against it when saved; the defaults are lowered here)
        this.model = new FsrsModel(settings.params().withSameDayCeiling(settings.relearningSteps().size()),
                settings.shortTerm());
        this.studyDays = new StudyDays(settings.zone(), settings.rolloverHour());
        // long-term mode has no timers: every answer schedules days
        this.learningSteps = settings.shortTerm() ? settings.learningSteps().toArray(Duration[]::new) : new Duration[0];
        this.relearningSteps = settings.shortTerm() ? settings.relearningSteps().toArray(Duration[]::new) : new Duration[0];
        this.learningHardDelays = hardDelays(learningSteps);
        this.relearningHardDelays = hardDelays(relearningSteps);
        this.intervalPerStability = model.nextInterval(1.0, settings.desiredRetention());
        this.maximumInterval = settings.maximumIntervalDays();
    }

    /**
     * Anki/py-fsrs: Hard at step 0 waits the mean of the first two steps (1.5× a single step, at most
     * one day more than it); at a later step it repeats that step.
     */
    private static Duration[] hardDelays(Duration[] steps) {
        Duration[] delays = new Duration[steps.length];
        for (int i = 0; i < steps.length; i++) {
            if (i > 0) {
                delays[i] = steps[i];
            } else if (steps.length >= 2) {
                delays[i] = steps[0].plus(steps[1]).dividedBy(2);
            } else {
                Duration oneAndHalf = steps[0].multipliedBy(3).dividedBy(2);
                Duration capped = steps[0].plus(Duration.ofDays(1));
                delays[i] = oneAndHalf.compareTo(capped) > 0 ? capped : oneAndHalf;
            }
        }
        return delays;
    }

    public SchedulerSettings settings() {
        return settings;
    }

    public FsrsModel model() {
        return model;
    }

    public StudyDays studyDays() {
        return studyDays;
    }

    /** The state of the card after answering {@code rating} at {@code now}. */
    public Outcome next(long cardId, CardState before, Rating rating, Instant now) {
        Objects.requireNonNull(rating, "rating");
        return outcomes(cardId, before, now, rating, null);
    }

    /** The four possible outcomes, each equal to what {@link #next} would return for that rating. */
    public Map<Rating, Outcome> preview(long cardId, CardState before, Instant now) {
        Map<Rating, Outcome> outcomes = new EnumMap<>(Rating.class);
        outcomes(cardId, before, now, Rating.EASY, outcomes);
        return outcomes;
    }

    /**
     * The one implementation of the scheduling rules, for {@link #next} and {@link #preview}: walks the ratings from
     * Again up to {@code upTo} once, sharing R, the recall growth and the fuzz draw. Answers that schedule days are
     * chained (each at least a day above the one below), so every graduating rating up to {@code upTo} is computed;
     * a rating that stays in the step timers is computed only when it is {@code upTo} or {@code all} collects it.
     *
     * @param all where to put every rating's outcome up to {@code upTo}; null when only {@code upTo}'s is wanted
     * @return the outcome of {@code upTo}
     */
    private Outcome outcomes(long cardId, CardState before, Instant now, Rating upTo, Map<Rating, Outcome> all) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(now, "now");
        State state = before.state();
        boolean isNew = state == State.NEW || before.stability() == null;
        int elapsed = before.lastReview() == null ? 0 : studyDays.between(before.lastReview(), now);
        double s = isNew ? Double.NaN : before.stability();
        double d = isNew ? Double.NaN : before.difficulty();
        double r = isNew ? Double.NaN : model.retrievability(elapsed, s);
        boolean relearning = state == State.RELEARNING || state == State.REVIEW;
        Duration[] steps = relearning ? relearningSteps : learningSteps;
        int step = state == State.NEW || before.step() == null ? 0 : before.step();
        Double retrievability = isNew ? null : r;
        int lowest = lowestGraduatingGrade(state, steps.length, step);
        int last = upTo.grade();
        double growth = Double.NaN;
        double unit = Double.NaN;
        int minimum = 1;
        Outcome outcome = null;
        for (int g = 1; g <= last; g++) {
            boolean graduates = g >= lowest;
            boolean wanted = all != null || g == last;
            if (!graduates && !wanted) {
                continue;
            }
            Rating answer = RATINGS[g - 1];
            double stability;
            if (isNew) {
                stability = model.initialStability(answer);
            } else if (elapsed == 0 && model.shortTerm()) {
                stability = FsrsModel.clampStability(model.shortTermStability(s, answer));
            } else if (answer == Rating.AGAIN) {
                stability = FsrsModel.clampStability(model.stabilityAfterForget(d, s, r));
            } else {
                if (Double.isNaN(growth)) {
                    growth = model.recallGrowth(d, s, r);
                }
                stability = FsrsModel.clampStability(s * (1 + growth * model.recallBonus(answer)));
            }
            int days = 0;
            if (graduates) {
                if (Double.isNaN(unit)) {
                    unit = settings.fuzz() ? Fuzz.unit(cardId, before.reps()) : -1;
                }
                days = Fuzz.apply(stability * intervalPerStability, elapsed, minimum, maximumInterval, unit);
                minimum = days + 1;
            }
            if (!wanted) {
                continue; // a lower rating in the chain: only its days matter
            }
            double difficulty = isNew ? model.initialDifficulty(answer) : model.nextDifficulty(d, answer);
            int lapses = before.lapses() + (state == State.REVIEW && answer == Rating.AGAIN ? 1 : 0);
            if (graduates) {
                long seconds = days * SECONDS_PER_DAY;
                CardState after = new CardState(State.REVIEW, null, stability, difficulty, now.plusSeconds(seconds), now,
                        before.reps() + 1, lapses);
                outcome = new Outcome(after, retrievability, elapsed, days, Duration.ofSeconds(seconds));
            } else {
                int nextStep = switch (answer) {
                    case AGAIN -> 0;
                    case HARD -> step;
                    default -> step + 1;
                };
                Duration delay = switch (answer) {
                    case AGAIN -> steps[0];
                    case HARD -> (relearning ? relearningHardDelays : learningHardDelays)[Math.min(step, steps.length - 1)];
                    default -> steps[nextStep];
                };
                State stateAfter = state == State.NEW ? State.LEARNING : state == State.REVIEW ? State.RELEARNING : state;
                // Instant.plus(Duration) goes through the generic TemporalUnit path; plusSeconds is direct
                Instant due = delay.getNano() == 0 ? now.plusSeconds(delay.getSeconds()) : now.plus(delay);
                CardState after = new CardState(stateAfter, nextStep, stability, difficulty, due, now, before.reps() + 1,
                        lapses);
                outcome = new Outcome(after, retrievability, elapsed, 0, delay);
            }
            if (all != null) {
                all.put(answer, outcome);
            }
        }
        return outcome;
    }

    /**
     * The lowest grade that leaves the step timers and schedules whole days (5: none). Graduating
     * answers are always a top range of the buttons, which is what the ordering chain relies on.
     */
    private static int lowestGraduatingGrade(State state, int stepCount, int step) {
        if (state == State.REVIEW) {
            return stepCount == 0 ? 1 : 2;
        }
        if (stepCount == 0) {
            return 1;
        }
        if (step >= stepCount) {
            return 2; // the steps were shortened under this card: anything but Again finishes them
        }
        return step + 1 >= stepCount ? 3 : 4;
    }

    /** The probability of recalling the card at {@code now}; empty for a new card. */
    public OptionalDouble retrievability(CardState state, Instant now) {
        if (state.stability() == null || state.lastReview() == null) {
            return OptionalDouble.empty();
        }
        int elapsed = studyDays.between(state.lastReview(), now);
        return OptionalDouble.of(model.retrievability(elapsed, state.stability()));
    }
}
