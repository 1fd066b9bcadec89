package io.demodeck.review;

import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Outcome;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.Scheduler;
import io.demodeck.review.scheduler.State;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The consistency check of the review engine, straight on the database: every card must be exactly where a
 * sequential replay of its review log leads. For each card of the given learners the answers still in effect are
 * replayed from a new card through the production {@link Scheduler}, built from the learner's
 * {@code user_settings} row the way the app builds it; each log row must start from the state its predecessors
 * left and store what the scheduler computes, and the card row must equal the final state.
 */
public final class LogReplay {

    /** Relative tolerance for stability and difficulty, which pass through double columns. */
    private static final double TOLERANCE = 1e-9;

    /** The order in which the engine applied the answers, so the order to replay them in. */
    public enum Order {
        /** {@link ReviewService#grade} (web pages): each answer on top of the card as it is when it arrives. */
        ARRIVAL("r.id"),
        /** {@link ReviewService#gradeInTimeOrder} (the API): by reviewedAt, equal times in arrival order. */
        REVIEW_TIME("r.reviewed_at, r.id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /**
     * @param cards        cards checked
     * @param replayedRows log rows in effect that were replayed
     * @param mismatches   one line per difference; empty when every card equals its replay
     */
    public record Report(int cards, int replayedRows, List<String> mismatches) {
    }

    private record CardRow(long id, long questionId, CardState state) {
    }

    private record LogRow(long id, long cardId, Rating rating, Instant reviewedAt, CardState before, State stateAfter,
                          Integer stepAfter, double stabilityAfter, double difficultyAfter, Instant dueAfter,
                          boolean undone, String origin) {
    }

    private LogReplay() {
    }

    /**
     * @param fuzz the app's {@code demodeck.scheduler.fuzz}: with fuzz on, the replay draws the same numbers
     *             (seeded by card id and review count)
     */
    public static Report check(Connection c, Collection<Long> userIds, Order order, boolean fuzz) throws SQLException {
        int cards = 0;
        int replayed = 0;
        List<String> mismatches = new ArrayList<>();
        for (long userId : userIds) {
            Scheduler scheduler = new Scheduler(StudySettingsService.schedulerSettings(settings(c, userId), fuzz));
            Map<Long, List<LogRow>> logs = logRows(c, userId, order);
            for (CardRow card : cards(c, userId)) {
                cards++;
                List<LogRow> rows = logs.getOrDefault(card.id(), List.of());
                // a card starts new, due when it was created; its first answer recorded that state
                CardState state = CardState.newCard(rows.isEmpty() ? card.state().due() : rows.getFirst().before().due());
                String where = "user " + userId + ", card " + card.id() + " (question " + card.questionId() + ")";
                for (LogRow row : rows) {
                    if (row.undone()) {
                        continue;
                    }
                    replayed++;
                    compare(mismatches, where + ", log row " + row.id() + " before", state, row.before());
                    Outcome outcome = EarlyAnswers.counted(scheduler.next(card.id(), state, row.rating(),
                            row.reviewedAt()), state, row.origin());
                    state = outcome.after();
                    compareAfter(mismatches, where + ", log row " + row.id() + " after", state, row);
                }
                compare(mismatches, where, state, card.state());
            }
        }
        return new Report(cards, replayed, List.copyOf(mismatches));
    }

    private static void compare(List<String> out, String where, CardState expected, CardState actual) {
        List<String> diffs = new ArrayList<>();
        same(diffs, "state", expected.state(), actual.state());
        same(diffs, "step", expected.step(), actual.step());
        close(diffs, "stability", expected.stability(), actual.stability());
        close(diffs, "difficulty", expected.difficulty(), actual.difficulty());
        same(diffs, "due", expected.due(), actual.due());
        same(diffs, "last_review", expected.lastReview(), actual.lastReview());
        same(diffs, "reps", expected.reps(), actual.reps());
        same(diffs, "lapses", expected.lapses(), actual.lapses());
        if (!diffs.isEmpty()) {
            out.add(where + ": " + String.join(", ", diffs));
        }
    }

    private static void compareAfter(List<String> out, String where, CardState expected, LogRow row) {
        List<String> diffs = new ArrayList<>();
        same(diffs, "state", expected.state(), row.stateAfter());
        same(diffs, "step", expected.step(), row.stepAfter());
        close(diffs, "stability", expected.stability(), row.stabilityAfter());
        close(diffs, "difficulty", expected.difficulty(), row.difficultyAfter());
        same(diffs, "due", expected.due(), row.dueAfter());
        if (!diffs.isEmpty()) {
            out.add(where + ": " + String.join(", ", diffs));
        }
    }

    private static void same(List<String> diffs, String field, Object replayed, Object stored) {
        if (!Objects.equals(replayed, stored)) {
            diffs.add(field + " " + stored + " (replay: " + replayed + ")");
        }
    }

    private static void close(List<String> diffs, String field, Double replayed, Double stored) {
        boolean equal = replayed == null || stored == null ? replayed == stored
                : Math.abs(replayed - stored) <= TOLERANCE * Math.max(Math.abs(replayed), Math.abs(stored));
        if (!equal) {
            diffs.add(field + " " + stored + " (replay: " + replayed + ")");
        }
    }

    private static StudySettings settings(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select desired_retention, new_cards_per_day, time_zone, day_rollover_hour, learning_steps_seconds,
                       relearning_steps_seconds, maximum_interval_days, fsrs_parameters, max_reviews_per_day
                from user_settings where user_id = ?""")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return StudySettings.defaults();
                }
                Array params = rs.getArray(8);
                return new StudySettings(rs.getDouble(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                        integers(rs.getArray(5)), integers(rs.getArray(6)), rs.getInt(7),
                        params == null ? null : Arrays.stream((Double[]) params.getArray()).toList(), rs.getInt(9));
            }
        }
    }

    private static List<Integer> integers(Array array) throws SQLException {
        return Arrays.stream((Integer[]) array.getArray()).toList();
    }

    private static List<CardRow> cards(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select id, question_id, state, step, stability, difficulty, due, last_review, reps, lapses
                from card where user_id = ? order by id""")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                List<CardRow> cards = new ArrayList<>();
                while (rs.next()) {
                    cards.add(new CardRow(rs.getLong(1), rs.getLong(2), new CardState(State.fromCode(rs.getShort(3)),
                            rs.getObject(4, Integer.class), rs.getObject(5, Double.class), rs.getObject(6, Double.class),
                            instant(rs, 7), instant(rs, 8), rs.getInt(9), rs.getInt(10))));
                }
                return cards;
            }
        }
    }

    /** Every log row of the learner (undone ones too, so a card's first state is known), per card in replay order. */
    private static Map<Long, List<LogRow>> logRows(Connection c, long userId, Order order) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select r.id, r.card_id, r.rating, r.reviewed_at, r.state_before, r.step_before, r.stability_before,
                       r.difficulty_before, r.due_before, r.last_review_before, r.reps_before, r.lapses_before,
                       r.state_after, r.step_after, r.stability_after, r.difficulty_after, r.due_after,
                       r.undone_at is not null, r.origin
                from review_log r where r.user_id = ? order by r.card_id, """ + order.sql)) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<Long, List<LogRow>> rows = new LinkedHashMap<>();
                while (rs.next()) {
                    CardState before = new CardState(State.fromCode(rs.getShort(5)), rs.getObject(6, Integer.class),
                            rs.getObject(7, Double.class), rs.getObject(8, Double.class), instant(rs, 9),
                            instant(rs, 10), rs.getInt(11), rs.getInt(12));
                    LogRow row = new LogRow(rs.getLong(1), rs.getLong(2), Rating.fromGrade(rs.getShort(3)),
                            instant(rs, 4), before, State.fromCode(rs.getShort(13)), rs.getObject(14, Integer.class),
                            rs.getDouble(15), rs.getDouble(16), instant(rs, 17), rs.getBoolean(18),
                            rs.getString(19));
                    rows.computeIfAbsent(row.cardId(), k -> new ArrayList<>()).add(row);
                }
                return rows;
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
