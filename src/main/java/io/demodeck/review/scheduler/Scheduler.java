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
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(now, "now");
        // Straight-line version of Review.outcome (the hot path: no per-answer object, no recursion).
        // preview() goes through Review; the property tests check both agree on every rating.
        State state = before.state();
        boolean isNew = state == State.NEW || before.stability() == null;
        int elapsed = before.lastReview() == null ? 0 : studyDays.between(before.lastReview(), now);
        double s = isNew ? Double.NaN : before.stability();
        double d = isNew ? Double.NaN : before.difficulty();
        double r = isNew ? Double.NaN : model.retrievability(elapsed, s);
        boolean relearning = state == State.RELEARNING || state == State.REVIEW;
        Duration[] steps = relearning ? relearningSteps : learningSteps;
        int step = state == State.NEW || before.step() == null ? 0 : before.step();
        int lapses = before.lapses() + (state == State.REVIEW && rating == Rating.AGAIN ? 1 : 0);
        Double retrievability = isNew ? null : r;
        int grade = rating.grade();
        int lowest = lowestGraduatingGrade(state, steps.length, step);
        double difficulty = isNew ? model.initialDifficulty(rating) : model.nextDifficulty(d, rating);
        if (grade >= lowest) {
            double growth = Double.NaN;
            double unit = settings.fuzz() ? Fuzz.unit(cardId, before.reps()) : -1;
            int minimum = 1;
            int days = 0;
            double stability = 0;
            for (int g = lowest; g <= grade; g++) {
                Rating answer = RATINGS[g - 1];
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
                days = Fuzz.apply(stability * intervalPerStability, elapsed, minimum, maximumInterval, unit);
                minimum = days + 1;
            }
            long seconds = days * SECONDS_PER_DAY;
            CardState after = new CardState(State.REVIEW, null, stability, difficulty, now.plusSeconds(seconds), now,
                    before.reps() + 1, lapses);
            return new Outcome(after, retrievability, elapsed, days, Duration.ofSeconds(seconds));
        }
        double stability;
        if (isNew) {
            stability = model.initialStability(rating);
        } else if (elapsed == 0 && model.shortTerm()) {
            stability = FsrsModel.clampStability(model.shortTermStability(s, rating));
        } else if (rating == Rating.AGAIN) {
            stability = FsrsModel.clampStability(model.stabilityAfterForget(d, s, r));
        } else {
            stability = FsrsModel.clampStability(s * (1 + model.recallGrowth(d, s, r) * model.recallBonus(rating)));
        }
        int nextStep = switch (rating) {
            case AGAIN -> 0;
            case HARD -> step;
            default -> step + 1;
        };
        Duration delay = switch (rating) {
            case AGAIN -> steps[0];
            case HARD -> (relearning ? relearningHardDelays : learningHardDelays)[Math.min(step, steps.length - 1)];
            default -> steps[nextStep];
        };
        State stateAfter = state == State.NEW ? State.LEARNING : state == State.REVIEW ? State.RELEARNING : state;
        Instant due = delay.getNano() == 0 ? now.plusSeconds(delay.getSeconds()) : now.plus(delay);
        CardState after = new CardState(stateAfter, nextStep, stability, difficulty, due, now, before.reps() + 1, lapses);
        return new Outcome(after, retrievability, elapsed, 0, delay);
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

    /** The four possible outcomes, each equal to what {@link #next} would return for that rating. */
    public Map<Rating, Outcome> preview(long cardId, CardState before, Instant now) {
        Review review = new Review(cardId, before, now);
        Map<Rating, Outcome> outcomes = new EnumMap<>(Rating.class);
        for (Rating rating : RATINGS) {
            outcomes.put(rating, review.outcome(rating));
        }
        return outcomes;
    }

    /** The probability of recalling the card at {@code now}; empty for a new card. */
    public OptionalDouble retrievability(CardState state, Instant now) {
        if (state.stability() == null || state.lastReview() == null) {
            return OptionalDouble.empty();
        }
        int elapsed = studyDays.between(state.lastReview(), now);
        return OptionalDouble.of(model.retrievability(elapsed, state.stability()));
    }

    /** One answer being computed: shares R, the recall growth and the fuzz draw between ratings. */
    private final class Review {
        private final long cardId;
        private final CardState before;
        private final Instant now;
        private final boolean isNew;
        private final int elapsed;
        private final double retrievability;
        private final double previousStability;
        private final double previousDifficulty;
        private final Duration[] steps;
        private final Duration[] hardDelays;
        private final int step;
        // per-rating results, filled lazily (plain fields rather than arrays: this object is allocated per answer)
        private MemoryState again;
        private MemoryState hard;
        private MemoryState good;
        private MemoryState easy;
        private int againDays;
        private int hardDays;
        private int goodDays;
        private int easyDays;
        private double growth = Double.NaN;
        private double fuzzUnit = Double.NaN;

        Review(long cardId, CardState before, Instant now) {
            this.cardId = cardId;
            this.before = Objects.requireNonNull(before, "before");
            this.now = Objects.requireNonNull(now, "now");
            this.isNew = before.state() == State.NEW || before.stability() == null;
            this.elapsed = before.lastReview() == null ? 0 : studyDays.between(before.lastReview(), now);
            this.previousStability = isNew ? Double.NaN : before.stability();
            this.previousDifficulty = isNew ? Double.NaN : before.difficulty();
            this.retrievability = isNew ? Double.NaN : model.retrievability(elapsed, previousStability);
            this.steps = before.state() == State.RELEARNING || before.state() == State.REVIEW
                    ? relearningSteps : learningSteps;
            this.hardDelays = steps == relearningSteps ? relearningHardDelays : learningHardDelays;
            this.step = before.state() == State.NEW || before.step() == null ? 0 : before.step();
        }

        Outcome outcome(Rating rating) {
            MemoryState m = memory(rating);
            int lapses = before.lapses() + (before.state() == State.REVIEW && rating == Rating.AGAIN ? 1 : 0);
            Double r = isNew ? null : retrievability;
            if (graduates(rating)) {
                int ivl = days(rating);
                long seconds = ivl * SECONDS_PER_DAY;
                Duration interval = Duration.ofSeconds(seconds);
                CardState after = new CardState(State.REVIEW, null, m.stability(), m.difficulty(), now.plusSeconds(seconds),
                        now, before.reps() + 1, lapses);
                return new Outcome(after, r, elapsed, ivl, interval);
            }
            int nextStep = switch (rating) {
                case AGAIN -> 0;
                case HARD -> before.state() == State.REVIEW ? 0 : step;
                default -> step + 1;
            };
            Duration delay = switch (rating) {
                case AGAIN -> steps[0];
                case HARD -> hardDelay();
                default -> steps[nextStep];
            };
            State state = before.state() == State.NEW ? State.LEARNING
                    : before.state() == State.REVIEW ? State.RELEARNING : before.state();
            // Instant.plus(Duration) goes through the generic TemporalUnit path; plusSeconds is direct
            Instant due = delay.getNano() == 0 ? now.plusSeconds(delay.getSeconds()) : now.plus(delay);
            CardState after = new CardState(state, nextStep, m.stability(), m.difficulty(), due, now,
                    before.reps() + 1, lapses);
            return new Outcome(after, r, elapsed, 0, delay);
        }

        /** Whether this answer leaves the step timers and schedules whole days. */
        private boolean graduates(Rating rating) {
            return rating.grade() >= lowestGraduatingGrade(before.state(), steps.length, step);
        }

        private Duration hardDelay() {
            return hardDelays[Math.min(step, hardDelays.length - 1)];
        }

        private MemoryState memory(Rating rating) {
            MemoryState m = switch (rating) {
                case AGAIN -> again;
                case HARD -> hard;
                case GOOD -> good;
                case EASY -> easy;
            };
            if (m == null) {
                m = isNew ? model.initial(rating) : nextMemory(rating);
                switch (rating) {
                    case AGAIN -> again = m;
                    case HARD -> hard = m;
                    case GOOD -> good = m;
                    case EASY -> easy = m;
                }
            }
            return m;
        }

        private MemoryState nextMemory(Rating rating) {
            double s = previousStability;
            double d = previousDifficulty;
            double newS;
            if (elapsed == 0 && model.shortTerm()) {
                newS = model.shortTermStability(s, rating);
            } else if (rating == Rating.AGAIN) {
                newS = model.stabilityAfterForget(d, s, retrievability);
            } else {
                newS = s * (1 + recallGrowth() * model.recallBonus(rating));
            }
            return new MemoryState(FsrsModel.clampStability(newS), model.nextDifficulty(d, rating));
        }

        private double recallGrowth() {
            if (Double.isNaN(growth)) {
                growth = model.recallGrowth(previousDifficulty, previousStability, retrievability);
            }
            return growth;
        }

        /** Whole days for a graduating answer, at least one day above the next lower graduating answer. */
        private int days(Rating rating) {
            int known = switch (rating) {
                case AGAIN -> againDays;
                case HARD -> hardDays;
                case GOOD -> goodDays;
                case EASY -> easyDays;
            };
            if (known != 0) {
                return known;
            }
            int g = rating.grade();
            int minimum = 1;
            if (g > 1 && graduates(RATINGS[g - 2])) {
                minimum = days(RATINGS[g - 2]) + 1;
            }
            double raw = memory(rating).stability() * intervalPerStability;
            if (Double.isNaN(fuzzUnit)) {
                fuzzUnit = settings.fuzz() ? Fuzz.unit(cardId, before.reps()) : -1;
            }
            double unit = fuzzUnit;
            int d = Fuzz.apply(raw, elapsed, minimum, maximumInterval, unit);
            switch (rating) {
                case AGAIN -> againDays = d;
                case HARD -> hardDays = d;
                case GOOD -> goodDays = d;
                case EASY -> easyDays = d;
            }
            return d;
        }
    }
}
