package io.demodeck.review;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * "More new cards today": extra new cards a learner allows themselves for one study day. The queue statement adds them to
 * the daily limit of that day only (StudyQueueSql's NEW_BUDGET); the limit in the settings stays as it is.
 */
@ApplicationScoped
public class ExtraNewCards {

    public static final int MAX_AT_ONCE = 100;

    @Inject
    AgroalDataSource dataSource;

    /** Adds {@code count} (1 to {@value #MAX_AT_ONCE}) new cards to the study day that starts at {@code dayStart}. */
    public void add(long userId, Instant dayStart, int count) {
        if (count < 1 || count > MAX_AT_ONCE) {
            throw new IllegalArgumentException("count must be 1 to " + MAX_AT_ONCE + ", got " + count);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into extra_new_cards (user_id, day_start, extra) values (?, ?, ?)
                on conflict (user_id, day_start) do update set extra = least(9999, extra_new_cards.extra + excluded.extra)""")) {
            ps.setLong(1, userId);
            ps.setTimestamp(2, Timestamp.from(dayStart));
            ps.setInt(3, count);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("adding new cards for today failed: " + e.getMessage(), e);
        }
    }
}
