package io.demodeck.review;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Learn ahead, as Anki does: when nothing is due, a (re)learning card due within the learner's limit is shown now
 * rather than stopping the session for a card that comes back in a few minutes. The limit is a setting
 * ({@code user_settings.learn_ahead_minutes}, 20 by default, 0 = off).
 */
@ApplicationScoped
public class LearnAhead {

    public static final int DEFAULT_MINUTES = 20;
    public static final int MAX_MINUTES = 1440;

    @Inject
    AgroalDataSource dataSource;

    /** The learner's learn-ahead limit. */
    public Duration limit(long userId) {
        return Duration.ofMinutes(minutes(userId));
    }

    public int minutes(long userId) {
        return query("select learn_ahead_minutes from user_settings where user_id = ?", ps -> ps.setLong(1, userId),
                rs -> rs.getInt(1)).orElse(DEFAULT_MINUTES);
    }

    /**
     * Stores the limit. Inside a transaction the connection is the transaction's, so a settings row created in it
     * (or one created concurrently, thanks to the upsert) is updated, never duplicated.
     */
    public void setMinutes(long userId, int minutes) {
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new InvalidSettingsException("learnAheadMinutes", "must be between 0 and " + MAX_MINUTES
                    + " minutes, got " + minutes);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into user_settings (user_id, learn_ahead_minutes) values (?, ?)
                on conflict (user_id) do update set learn_ahead_minutes = excluded.learn_ahead_minutes""")) {
            ps.setLong(1, userId);
            ps.setInt(2, minutes);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing the learn-ahead limit failed: " + e.getMessage(), e);
        }
    }

    /** The question of the deck's earliest (re)learning card due by {@code now + limit}, if any. */
    public Optional<Long> questionWithin(long userId, long deckId, Instant now, Duration limit) {
        return query(EARLIEST_LEARNING + " and c.due <= ? order by c.due, c.id limit 1", ps -> {
            bindEarliest(ps, userId, deckId);
            ps.setTimestamp(4, Timestamp.from(now.plus(limit)));
        }, rs -> rs.getLong(1));
    }

    /** When the deck's earliest (re)learning card is due, if it has one. */
    public Optional<Instant> nextLearningDue(long userId, long deckId) {
        return query(EARLIEST_LEARNING + " order by c.due, c.id limit 1", ps -> bindEarliest(ps, userId, deckId),
                rs -> rs.getTimestamp(2).toInstant());
    }

    private static final String EARLIEST_LEARNING = """
            select c.question_id, c.due from card c
            where c.user_id = ? and c.deck_id = ? and c.state in (1, 3) and not c.suspended
              and c.question_id not in (select id from question where deck_id = ? and retired)""";

    private static void bindEarliest(PreparedStatement ps, long userId, long deckId) throws SQLException {
        ps.setLong(1, userId);
        ps.setLong(2, deckId);
        ps.setLong(3, deckId);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("learn-ahead query failed: " + e.getMessage(), e);
        }
    }
}
