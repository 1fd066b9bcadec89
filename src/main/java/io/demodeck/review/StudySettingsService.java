package io.demodeck.review;

import io.demodeck.platform.DemodeckConfig;
import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.Scheduler;
import io.demodeck.review.scheduler.SchedulerSettings;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads and validates per-learner study settings and turns them into a {@link Scheduler}. */
@ApplicationScoped
public class StudySettingsService {

    /** At most this many learning or relearning steps. */
    public static final int MAX_STEPS = 20;
    public static final int MAX_REVIEWS_PER_DAY = 9999;
    private static final int MAX_CACHED_SCHEDULERS = 1024;

    private final Map<StudySettings, Scheduler> schedulers = new ConcurrentHashMap<>();

    @Inject
    DemodeckConfig config;

    @Inject
    AgroalDataSource dataSource;

    /**
     * The learner's settings, read with plain JDBC: every study request needs them, and inside a transaction the
     * connection is the transaction's, so a settings change made in it is seen.
     */
    public StudySettings get(long userId) {
        try (Connection c = dataSource.getConnection()) {
            return get(c, userId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the study settings of learner " + userId + " failed: " + e.getMessage(), e);
        }
    }

    /** {@link #get(long)} on a connection the caller holds. */
    public StudySettings get(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from user_settings s where s.user_id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : StudySettings.defaults();
            }
        }
    }

    /**
     * The {@code user_settings} columns {@link #read} takes, for queries that join the row as {@code s}; their names
     * must not repeat another column of the query ({@code user_id} is read to tell a missing row).
     */
    static final String COLUMNS = "s.user_id, s.desired_retention, s.new_cards_per_day, s.time_zone, s.day_rollover_hour, "
            + "s.learning_steps_seconds, s.relearning_steps_seconds, s.maximum_interval_days, s.fsrs_parameters, "
            + "s.max_reviews_per_day";

    /** The settings in {@link #COLUMNS}, read by column name; the defaults when the row was not there (null user_id). */
    static StudySettings read(ResultSet rs) throws SQLException {
        rs.getLong("user_id");
        if (rs.wasNull()) {
            return StudySettings.defaults();
        }
        Array params = rs.getArray("fsrs_parameters");
        return new StudySettings(rs.getDouble("desired_retention"), rs.getInt("new_cards_per_day"),
                rs.getString("time_zone"), rs.getShort("day_rollover_hour"), integers(rs.getArray("learning_steps_seconds")),
                integers(rs.getArray("relearning_steps_seconds")), rs.getInt("maximum_interval_days"),
                params == null ? null : List.of((Double[]) params.getArray()), rs.getInt("max_reviews_per_day"));
    }

    private static List<Integer> integers(Array array) throws SQLException {
        return List.of((Integer[]) array.getArray());
    }

    /**
     * Whether the learner chose their time zone: saved the settings page, or stored a zone other than the one they had.
     * Until then the settings page proposes the browser's zone.
     */
    public boolean timeZoneChosen(long userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select time_zone_chosen from user_settings where user_id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the settings of learner " + userId + " failed: " + e.getMessage(), e);
        }
    }

    /** The learner saw the time zone and saved it (the settings page): it is no longer proposed from the browser. */
    @Transactional
    public void timeZoneConfirmed(long userId) {
        UserSettings row = UserSettings.findById(userId);
        if (row != null) {
            row.timeZoneChosen = true;
        }
    }

    /**
     * Validates every field (the error names the first bad one) and stores the settings. The ceiling of w17/w18 is
     * checked when the vector or the relearning steps change: a pair stored before that check keeps saving (the
     * scheduler lowers w17/w18 to the ceiling anyway), so a learner can still change their other settings.
     */
    @Transactional
    public StudySettings update(long userId, StudySettings s) {
        return update(userId, s, "settings", null);
    }

    /**
     * {@link #update(long, StudySettings)}, logging a change of the FSRS vector as coming from {@code source}
     * ('settings', 'fit' or 'restore'; {@code fitId} names the fit applied), so the learner can see which vector was
     * used when and restore the previous one.
     */
    @Transactional
    public StudySettings update(long userId, StudySettings s, String source, Long fitId) {
        StudySettings stored = get(userId);
        if (s != null && s.maxReviewsPerDay() == null) { // a client written before the limit existed keeps it
            s = withMaxReviewsPerDay(s, stored.maxReviewsPerDay());
        }
        boolean ceilingApplies = s == null || !java.util.Objects.equals(s.fsrsParameters(), stored.fsrsParameters())
                || !java.util.Objects.equals(s.relearningStepsSeconds(), stored.relearningStepsSeconds());
        FsrsParameters params = validate(s, ceilingApplies);
        UserSettings row = UserSettings.findById(userId);
        if (row == null) {
            row = new UserSettings();
            row.userId = userId;
        }
        row.desiredRetention = s.desiredRetention();
        row.newCardsPerDay = s.newCardsPerDay();
        row.timeZone = s.timeZone();
        row.dayRolloverHour = (short) s.dayRolloverHour();
        row.learningStepsSeconds = s.learningStepsSeconds().stream().mapToInt(Integer::intValue).toArray();
        row.relearningStepsSeconds = s.relearningStepsSeconds().stream().mapToInt(Integer::intValue).toArray();
        row.maximumIntervalDays = s.maximumIntervalDays();
        row.fsrsParameters = params == null ? null : params.toArray();
        row.maxReviewsPerDay = s.maxReviewsPerDay();
        row.timeZoneChosen = row.timeZoneChosen || !s.timeZone().equals(stored.timeZone());
        row.updatedAt = Instant.now();
        // flushed now: reads over JDBC later in the same transaction (the parameter history, the fit pages) see it
        row.persistAndFlush();
        List<Double> storedNow = row.fsrsParameters == null ? null : Arrays.stream(row.fsrsParameters).boxed().toList();
        if (!java.util.Objects.equals(stored.fsrsParameters(), storedNow)) {
            logParameterChange(userId, stored.fsrsParameters(), row.fsrsParameters, source, fitId);
        }
        return view(row);
    }

    private static StudySettings withMaxReviewsPerDay(StudySettings s, int max) {
        return new StudySettings(s.desiredRetention(), s.newCardsPerDay(), s.timeZone(), s.dayRolloverHour(),
                s.learningStepsSeconds(), s.relearningStepsSeconds(), s.maximumIntervalDays(), s.fsrsParameters(), max);
    }

    private void logParameterChange(long userId, List<Double> previous, double[] parameters, String source, Long fitId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into fsrs_parameter_change (user_id, source, fit_id, previous, parameters) values (?, ?, ?, ?, ?)")) {
            ps.setLong(1, userId);
            ps.setString(2, source);
            ps.setObject(3, fitId, java.sql.Types.BIGINT);
            ps.setArray(4, previous == null ? null : c.createArrayOf("float8", previous.toArray()));
            ps.setArray(5, parameters == null ? null : c.createArrayOf("float8",
                    Arrays.stream(parameters).boxed().toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("logging the parameter change of learner " + userId + " failed: " + e.getMessage(), e);
        }
    }

    /** The scheduler for this learner; fuzz follows {@code demodeck.scheduler.fuzz}. */
    public Scheduler schedulerFor(long userId) {
        return schedulerFor(get(userId));
    }

    /**
     * The scheduler for these settings. Most learners share a few settings (often the defaults), and a scheduler is
     * immutable, so one instance serves every learner with equal settings; the cache is dropped when it grows large.
     */
    public Scheduler schedulerFor(StudySettings s) {
        Scheduler scheduler = schedulers.get(s);
        if (scheduler == null) {
            if (schedulers.size() >= MAX_CACHED_SCHEDULERS) {
                schedulers.clear();
            }
            scheduler = schedulers.computeIfAbsent(s, key -> new Scheduler(schedulerSettings(key, config.scheduler().fuzz())));
        }
        return scheduler;
    }

    /** The scheduler settings for {@code s}; static so a log replay outside the app builds exactly the same ones. */
    static SchedulerSettings schedulerSettings(StudySettings s, boolean fuzz) {
        FsrsParameters params = s.fsrsParameters() == null ? FsrsParameters.defaults()
                : FsrsParameters.of(s.fsrsParameters().stream().mapToDouble(Double::doubleValue).toArray());
        return new SchedulerSettings(params, s.desiredRetention(), durations(s.learningStepsSeconds()),
                durations(s.relearningStepsSeconds()), s.maximumIntervalDays(), fuzz, ZoneId.of(s.timeZone()),
                s.dayRolloverHour(), true);
    }

    static FsrsParameters validate(StudySettings s, boolean checkCeiling) {
        if (s == null) {
            throw new InvalidSettingsException("settings", "missing");
        }
        if (!(s.desiredRetention() >= SchedulerSettings.MIN_RETENTION && s.desiredRetention() <= SchedulerSettings.MAX_RETENTION)) {
            throw new InvalidSettingsException("desiredRetention", "must be between 0.70 and 0.99, got " + s.desiredRetention());
        }
        if (s.newCardsPerDay() < 0 || s.newCardsPerDay() > 9999) {
            throw new InvalidSettingsException("newCardsPerDay", "must be between 0 and 9999, got " + s.newCardsPerDay());
        }
        if (s.maxReviewsPerDay() == null || s.maxReviewsPerDay() < 0 || s.maxReviewsPerDay() > MAX_REVIEWS_PER_DAY) {
            throw new InvalidSettingsException("maxReviewsPerDay", "must be between 0 and " + MAX_REVIEWS_PER_DAY
                    + ", got " + s.maxReviewsPerDay());
        }
        if (s.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(s.timeZone())) {
            throw new InvalidSettingsException("timeZone", "must be an IANA time zone such as Europe/Moscow, got "
                    + s.timeZone());
        }
        if (s.dayRolloverHour() < 0 || s.dayRolloverHour() > 23) {
            throw new InvalidSettingsException("dayRolloverHour", "must be between 0 and 23, got " + s.dayRolloverHour());
        }
        checkSteps("learningStepsSeconds", s.learningStepsSeconds());
        checkSteps("relearningStepsSeconds", s.relearningStepsSeconds());
        if (s.maximumIntervalDays() < 1 || s.maximumIntervalDays() > SchedulerSettings.MAX_INTERVAL_LIMIT) {
            throw new InvalidSettingsException("maximumIntervalDays", "must be between 1 and 36500, got "
                    + s.maximumIntervalDays());
        }
        if (s.fsrsParameters() == null) {
            return null;
        }
        if (s.fsrsParameters().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidSettingsException("fsrsParameters", "must not contain empty values");
        }
        FsrsParameters params;
        try {
            params = FsrsParameters.of(s.fsrsParameters().stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("fsrsParameters", e.getMessage());
        }
        int steps = s.relearningStepsSeconds().size();
        double ceiling = params.sameDayCeiling(steps);
        for (int i = 17; i <= 18 && checkCeiling; i++) {
            if (params.get(i) > ceiling) {
                throw new InvalidSettingsException("fsrsParameters", "w" + i + " = " + params.get(i) + " is above "
                        + String.format(java.util.Locale.ROOT, "%.4f", ceiling) + ", the most it may be with " + steps
                        + " relearning steps (more same-day steps after a lapse would raise stability above its value "
                        + "before the lapse); lower it or use fewer relearning steps");
            }
        }
        return params;
    }

    // Steps are timers inside one study day (FSRS-SPEC §3.5): 1 second up to, not including, 24 hours.
    private static void checkSteps(String field, List<Integer> steps) {
        if (steps == null) {
            throw new InvalidSettingsException(field, "missing (use an empty list for no steps)");
        }
        if (steps.size() > MAX_STEPS) {
            throw new InvalidSettingsException(field, "at most " + MAX_STEPS + " steps, got " + steps.size());
        }
        for (int i = 0; i < steps.size(); i++) {
            Integer step = steps.get(i);
            if (step == null || step < 1 || step >= 86_400) {
                throw new InvalidSettingsException(field, "step " + (i + 1) + " must be 1 to 86399 seconds, got " + step);
            }
        }
    }

    private static List<Duration> durations(List<Integer> seconds) {
        return seconds.stream().map(Duration::ofSeconds).toList();
    }

    private static StudySettings view(UserSettings row) {
        return new StudySettings(row.desiredRetention, row.newCardsPerDay, row.timeZone, row.dayRolloverHour,
                Arrays.stream(row.learningStepsSeconds).boxed().toList(),
                Arrays.stream(row.relearningStepsSeconds).boxed().toList(), row.maximumIntervalDays,
                row.fsrsParameters == null ? null : Arrays.stream(row.fsrsParameters).boxed().toList(),
                row.maxReviewsPerDay);
    }
}
