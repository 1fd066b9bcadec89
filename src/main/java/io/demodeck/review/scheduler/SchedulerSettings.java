package io.demodeck.review.scheduler;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Everything that shapes a learner's schedule. Validated on construction.
 *
 * @param shortTerm true (the default) for same-day stability and (re)learning steps; false for the
 *                  ts-fsrs "long-term" mode where every answer schedules whole days
 */
public record SchedulerSettings(FsrsParameters params, double desiredRetention, List<Duration> learningSteps,
                                List<Duration> relearningSteps, int maximumIntervalDays, boolean fuzz, ZoneId zone,
                                int rolloverHour, boolean shortTerm) {

    public static final double MIN_RETENTION = 0.70;
    public static final double MAX_RETENTION = 0.99;
    public static final int MAX_INTERVAL_LIMIT = 36500;
    public static final List<Duration> DEFAULT_LEARNING_STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10));
    public static final List<Duration> DEFAULT_RELEARNING_STEPS = List.of(Duration.ofMinutes(10));

    public SchedulerSettings {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(zone, "zone");
        if (!(desiredRetention >= MIN_RETENTION && desiredRetention <= MAX_RETENTION)) {
            throw new IllegalArgumentException("desiredRetention = " + desiredRetention + " is outside "
                    + MIN_RETENTION + ".." + MAX_RETENTION);
        }
        if (maximumIntervalDays < 1 || maximumIntervalDays > MAX_INTERVAL_LIMIT) {
            throw new IllegalArgumentException("maximumIntervalDays = " + maximumIntervalDays + " is outside 1.."
                    + MAX_INTERVAL_LIMIT);
        }
        if (rolloverHour < 0 || rolloverHour > 23) {
            throw new IllegalArgumentException("rolloverHour = " + rolloverHour + " is outside 0..23");
        }
        learningSteps = checkedSteps("learningSteps", learningSteps);
        relearningSteps = checkedSteps("relearningSteps", relearningSteps);
    }

    /** FSRS-6 defaults, 90% retention, steps 1m 10m / 10m, 36500 days, fuzz on, UTC with a 4 a.m. rollover. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings(FsrsParameters.defaults(), 0.9, DEFAULT_LEARNING_STEPS, DEFAULT_RELEARNING_STEPS,
                MAX_INTERVAL_LIMIT, true, ZoneOffset.UTC, 4, true);
    }

    // Steps are timers inside one study day; a step of a day or more would fight the day counting (FSRS-SPEC §3.5).
    private static List<Duration> checkedSteps(String name, List<Duration> steps) {
        Objects.requireNonNull(steps, name);
        for (int i = 0; i < steps.size(); i++) {
            Duration step = steps.get(i);
            if (step == null || step.compareTo(Duration.ofSeconds(1)) < 0 || step.compareTo(Duration.ofDays(1)) >= 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + step + " is outside 1 second..<1 day");
            }
        }
        return List.copyOf(steps);
    }

    public SchedulerSettings withParams(FsrsParameters value) {
        return new SchedulerSettings(value, desiredRetention, learningSteps, relearningSteps, maximumIntervalDays, fuzz,
                zone, rolloverHour, shortTerm);
    }

    public SchedulerSettings withDesiredRetention(double value) {
        return new SchedulerSettings(params, value, learningSteps, relearningSteps, maximumIntervalDays, fuzz, zone,
                rolloverHour, shortTerm);
    }

    public SchedulerSettings withSteps(List<Duration> learning, List<Duration> relearning) {
        return new SchedulerSettings(params, desiredRetention, learning, relearning, maximumIntervalDays, fuzz, zone,
                rolloverHour, shortTerm);
    }

    public SchedulerSettings withMaximumIntervalDays(int value) {
        return new SchedulerSettings(params, desiredRetention, learningSteps, relearningSteps, value, fuzz, zone,
                rolloverHour, shortTerm);
    }

    public SchedulerSettings withFuzz(boolean value) {
        return new SchedulerSettings(params, desiredRetention, learningSteps, relearningSteps, maximumIntervalDays, value,
                zone, rolloverHour, shortTerm);
    }

    public SchedulerSettings withDayBoundary(ZoneId value, int hour) {
        return new SchedulerSettings(params, desiredRetention, learningSteps, relearningSteps, maximumIntervalDays, fuzz,
                value, hour, shortTerm);
    }

    public SchedulerSettings withShortTerm(boolean value) {
        return new SchedulerSettings(params, desiredRetention, learningSteps, relearningSteps, maximumIntervalDays, fuzz,
                zone, rolloverHour, value);
    }
}
