package io.demodeck.review.fitting;

import io.demodeck.platform.DemodeckConfig;
import io.agroal.api.AgroalDataSource;
import io.demodeck.review.StudySettings;
import io.demodeck.review.StudySettingsService;
import io.demodeck.review.optimizer.Evaluation;
import io.demodeck.review.optimizer.LogEntry;
import io.demodeck.review.optimizer.Optimizer;
import io.demodeck.review.optimizer.TrainingItem;
import io.demodeck.review.optimizer.TrainingItems;
import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.State;
import io.demodeck.review.scheduler.StudyDays;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a learner's parameter fit in the background and keeps its outcome: the log is streamed from the database card
 * by card (only the training items stay in memory), evaluated with a time-series split against the learner's current
 * vector, and fitted on everything. Nothing changes the learner's schedule until they apply a fit; applying changes
 * only future intervals (cards keep their due dates) and is logged, so the previous vector can be restored.
 */
@ApplicationScoped
public class FitService {

    private static final Logger LOG = Logger.getLogger(FitService.class);
    /** A new fit is suggested after this many new answers. */
    public static final int SUGGEST_EVERY = 1000;
    private static final int HISTORY_SHOWN = 20;
    private static final int FETCH_SIZE = 2000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StudySettingsService settings;

    @Inject
    DemodeckConfig config;

    private FitGate gate;
    private ExecutorService workers;
    private final Map<UUID, double[]> progress = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        int concurrentFits = config.optimizer().concurrentFits();
        int slots = concurrentFits > 0 ? concurrentFits : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        gate = new FitGate(slots);
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "fsrs-fit-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // answering learners comes first
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /**
     * Starts a fit of the learner's parameters, or returns the one of theirs still running.
     *
     * @throws FitProblem BUSY when every slot runs another learner's fit
     */
    public FitViews.Fit start(long userId) {
        UUID id = UUID.randomUUID();
        FitGate.Admission admission = gate.tryStart(userId, id);
        if (admission instanceof FitGate.AlreadyRunning running) {
            return view(userId, running.id());
        }
        if (admission instanceof FitGate.Busy) {
            throw FitProblem.busy(config.optimizer().retryAfterSeconds());
        }
        try {
            StudySettings s = settings.get(userId);
            FsrsParameters current = parameters(s);
            insertRunning(userId, id, current);
            progress.put(id, new double[1]);
            workers.execute(() -> run(userId, id, s, current));
            return view(userId, id);
        } catch (RuntimeException e) {
            progress.remove(id);
            gate.finish(userId, id);
            throw e;
        }
    }

    private void run(long userId, UUID id, StudySettings s, FsrsParameters current) {
        double[] done = progress.get(id);
        try {
            int relearningSteps = s.relearningStepsSeconds().size();
            StudyDays days = new StudyDays(ZoneId.of(s.timeZone()), s.dayRolloverHour());
            TrainingItems.Result data = readLog(userId, days);
            List<TrainingItem> items = data.items();
            done[0] = 0.05;
            Evaluation.Comparison comparison = Evaluation.compare(items, current, relearningSteps,
                    p -> done[0] = 0.05 + 0.7 * p, () -> false);
            Optimizer.Fit fit = new Optimizer(relearningSteps, p -> done[0] = 0.75 + 0.25 * p, () -> false).fit(items);
            FsrsParameters fitted = fit.parameters().withSameDayCeiling(relearningSteps);
            // never offered when it predicted the learner's later answers worse than what they use now
            boolean recommended = fit.kind() != Optimizer.Kind.DEFAULTS && comparison != null
                    && comparison.fitBeatsCurrent() && !fitted.equals(current);
            finishDone(id, data, fit.kind(), fitted, comparison, recommended);
        } catch (Throwable e) {
            LOG.errorf(e, "fitting the parameters of learner %d failed", userId);
            finishFailed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            progress.remove(id);
            gate.finish(userId, id);
        }
    }

    static FsrsParameters parameters(StudySettings s) {
        return s.fsrsParameters() == null ? FsrsParameters.defaults()
                : FsrsParameters.of(s.fsrsParameters().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Streams the learner's answers still in effect, card by card, into training items. */
    TrainingItems.Result readLog(long userId, StudyDays days) throws SQLException {
        TrainingItems builder = new TrainingItems(days);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("""
                    select card_id, reviewed_at, rating, state_before from review_log
                    where user_id = ? and undone_at is null order by card_id, reviewed_at, id""")) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        builder.add(new LogEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getShort(3),
                                rs.getShort(4) == State.NEW.code()));
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(autoCommit);
            }
        }
        return builder.finish();
    }

    // ---- storage ------------------------------------------------------------------------------------------------

    private void insertRunning(long userId, UUID id, FsrsParameters current) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into fsrs_fit (public_id, user_id, status, current_parameters) values (?, ?, 'running', ?)")) {
            ps.setObject(1, id);
            ps.setLong(2, userId);
            ps.setArray(3, array(c, current.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a new fit failed: " + e.getMessage(), e);
        }
    }

    private void finishDone(UUID id, TrainingItems.Result data, Optimizer.Kind kind, FsrsParameters fitted,
                            Evaluation.Comparison comparison, boolean recommended) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update fsrs_fit set status = 'done', finished_at = now(), answers = ?, items = ?, kind = ?,
                    fitted_parameters = ?, current_log_loss = ?, current_rmse = ?, fitted_log_loss = ?, fitted_rmse = ?,
                    evaluated_items = ?, recommended = ?
                where public_id = ?""")) {
            ps.setInt(1, data.answers());
            ps.setInt(2, data.items().size());
            ps.setString(3, kind.name());
            ps.setArray(4, array(c, fitted.toArray()));
            setMetric(ps, 5, comparison == null ? null : comparison.current().logLoss());
            setMetric(ps, 6, comparison == null ? null : comparison.current().rmseBins());
            setMetric(ps, 7, comparison == null ? null : comparison.fitted().logLoss());
            setMetric(ps, 8, comparison == null ? null : comparison.fitted().rmseBins());
            ps.setObject(9, comparison == null ? null : comparison.current().items(), Types.INTEGER);
            ps.setBoolean(10, recommended);
            ps.setObject(11, id);
            ps.executeUpdate();
        }
    }

    private static void setMetric(PreparedStatement ps, int index, Double value) throws SQLException {
        ps.setObject(index, value == null || !Double.isFinite(value) ? null : value, Types.DOUBLE);
    }

    private void finishFailed(UUID id, String error) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update fsrs_fit set status = 'failed', finished_at = now(), error = ? where public_id = ?")) {
            ps.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), 500)));
            ps.setObject(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "storing the failure of fit %s failed", id);
        }
    }

    private static Array array(Connection c, double[] values) throws SQLException {
        return c.createArrayOf("float8", Arrays.stream(values).boxed().toArray());
    }

    private static List<Double> list(Array array) throws SQLException {
        return array == null ? null : List.of((Double[]) array.getArray());
    }

    private static Double metric(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private record Row(long id, FitViews.Fit view) {
    }

    private Optional<Row> find(Connection c, long userId, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select * from fsrs_fit where user_id = ? and public_id = ?")) {
            ps.setLong(1, userId);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getLong("id"), read(rs))) : Optional.empty();
            }
        }
    }

    private FitViews.Fit read(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("public_id", UUID.class);
        String status = rs.getString("status");
        double[] live = progress.get(id);
        String error = rs.getString("error");
        if ("running".equals(status) && live == null) {
            status = "failed"; // the app stopped while it ran
            error = "interrupted: the server restarted during the fit";
        }
        Double cl = metric(rs, "current_log_loss");
        Double cr = metric(rs, "current_rmse");
        Double fl = metric(rs, "fitted_log_loss");
        Double fr = metric(rs, "fitted_rmse");
        Timestamp finished = rs.getTimestamp("finished_at");
        Object recommended = rs.getObject("recommended");
        return new FitViews.Fit(id, status, "running".equals(status) ? live[0] : 1.0,
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant(),
                integer(rs, "answers"), integer(rs, "items"), rs.getString("kind"),
                cl == null ? null : new FitViews.Metrics(cl, cr), fl == null ? null : new FitViews.Metrics(fl, fr),
                integer(rs, "evaluated_items"), (Boolean) recommended, list(rs.getArray("current_parameters")),
                list(rs.getArray("fitted_parameters")), rs.getString("decision"), error);
    }

    // ---- what the learner asks ----------------------------------------------------------------------------------

    /** One of the learner's fits. @throws FitProblem NOT_FOUND for an unknown id or another learner's fit */
    public FitViews.Fit view(long userId, UUID id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, userId, id).orElseThrow(() -> FitProblem.notFound("no fit " + id)).view();
        } catch (SQLException e) {
            throw new IllegalStateException("reading fit " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the fitted vector the learner's: future intervals use it, cards keep their due dates.
     *
     * @throws FitProblem NOT_FOUND, or CONFLICT when the fit is not finished, already answered, or not better than
     *                    the current vector on held-out answers
     */
    @Transactional
    public FitViews.Parameters apply(long userId, UUID id) {
        Row row = decide(userId, id, "applied");
        if (!Boolean.TRUE.equals(row.view().recommended())) {
            throw FitProblem.conflict("this fit predicted your later answers no better than the parameters you use now,"
                    + " so they stay");
        }
        StudySettings s = settings.get(userId);
        settings.update(userId, new StudySettings(s.desiredRetention(), s.newCardsPerDay(), s.timeZone(),
                s.dayRolloverHour(), s.learningStepsSeconds(), s.relearningStepsSeconds(), s.maximumIntervalDays(),
                row.view().fittedParameters(), s.maxReviewsPerDay()), "fit", row.id());
        return parameters(userId);
    }

    /** The learner keeps their vector. @throws FitProblem as {@link #apply} for a missing or answered fit */
    @Transactional
    public FitViews.Fit keep(long userId, UUID id) {
        decide(userId, id, "kept");
        return view(userId, id);
    }

    private Row decide(long userId, UUID id, String decision) {
        try (Connection c = dataSource.getConnection()) {
            Row row = find(c, userId, id).orElseThrow(() -> FitProblem.notFound("no fit " + id));
            if (!row.view().done()) {
                throw FitProblem.conflict("fit " + id + " is " + row.view().status() + ", not done");
            }
            if (row.view().decision() != null) {
                throw FitProblem.conflict("fit " + id + " was already " + row.view().decision());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update fsrs_fit set decision = ? where id = ? and decision is null")) {
                ps.setString(1, decision);
                ps.setLong(2, row.id());
                if (ps.executeUpdate() == 0) {
                    throw FitProblem.conflict("fit " + id + " was answered meanwhile");
                }
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException("recording the answer to fit " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Goes back to the vector used before the latest change (the defaults if that was none).
     *
     * @throws FitProblem CONFLICT when the vector was never changed
     */
    @Transactional
    public FitViews.Parameters restorePrevious(long userId) {
        List<FitViews.Change> history = history(userId, 1);
        if (history.isEmpty()) {
            throw FitProblem.conflict("your parameters were never changed: there is nothing to restore");
        }
        List<Double> previous = previousOfLatestChange(userId);
        StudySettings s = settings.get(userId);
        settings.update(userId, new StudySettings(s.desiredRetention(), s.newCardsPerDay(), s.timeZone(),
                s.dayRolloverHour(), s.learningStepsSeconds(), s.relearningStepsSeconds(), s.maximumIntervalDays(),
                previous, s.maxReviewsPerDay()), "restore", null);
        return parameters(userId);
    }

    private List<Double> previousOfLatestChange(long userId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select previous from fsrs_parameter_change where user_id = ? order by changed_at desc, id desc limit 1")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return list(rs.getArray(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the parameter history failed: " + e.getMessage(), e);
        }
    }

    /** The learner's vector, history, and whether a new fit is suggested. */
    public FitViews.Parameters parameters(long userId) {
        StudySettings s = settings.get(userId);
        try (Connection c = dataSource.getConnection()) {
            long answers;
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from review_log where user_id = ? and undone_at is null")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    answers = rs.getLong(1);
                }
            }
            UUID lastFit = null;
            long sinceLastFit = answers;
            try (PreparedStatement ps = c.prepareStatement("""
                    select public_id, created_at from fsrs_fit where user_id = ? order by created_at desc, id desc limit 1""")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        lastFit = rs.getObject(1, UUID.class);
                        try (PreparedStatement count = c.prepareStatement("""
                                select count(*) from review_log where user_id = ? and undone_at is null
                                and created_at > (select created_at from fsrs_fit where public_id = ?)""")) {
                            count.setLong(1, userId);
                            count.setObject(2, lastFit);
                            try (ResultSet n = count.executeQuery()) {
                                n.next();
                                sinceLastFit = n.getLong(1);
                            }
                        }
                    }
                }
            }
            List<FitViews.Change> history = history(userId, HISTORY_SHOWN);
            List<Double> current = s.fsrsParameters() == null
                    ? Arrays.stream(FsrsParameters.defaults().toArray()).boxed().toList() : s.fsrsParameters();
            return new FitViews.Parameters(current, s.fsrsParameters() == null, answers, sinceLastFit,
                    sinceLastFit >= SUGGEST_EVERY, lastFit, !history.isEmpty(), history);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the parameters of learner " + userId + " failed: " + e.getMessage(), e);
        }
    }

    private List<FitViews.Change> history(long userId, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select h.changed_at, h.source, f.public_id, h.parameters from fsrs_parameter_change h
                left join fsrs_fit f on f.id = h.fit_id
                where h.user_id = ? order by h.changed_at desc, h.id desc limit ?""")) {
            ps.setLong(1, userId);
            ps.setInt(2, limit);
            List<FitViews.Change> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FitViews.Change(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            rs.getObject(3, UUID.class), list(rs.getArray(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the parameter history failed: " + e.getMessage(), e);
        }
    }

    /** How many fits may run at once. */
    public int slots() {
        return gate.slots();
    }
}
