package io.demodeck.study;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cards of an {@link ExtraSession}: review ahead (review cards due within the next days, earliest first), a tag's
 * started cards, today's failed cards. Only started cards, never a new one; nothing here changes a limit.
 */
@ApplicationScoped
public class ExtraSessions {

    @Inject
    AgroalDataSource dataSource;

    /** The next card of the session (its question), and how many are left including it. */
    public record Next(Optional<Long> questionId, int left) {
    }

    /**
     * @param dayStart the start of the learner's study day (for "failed today")
     */
    public Next next(long userId, long deckId, ExtraSession s, Instant now, Instant dayStart) {
        return select(userId, deckId, s, now, dayStart, null);
    }

    /** Whether the question is one the session has still to show (e.g. the card an undo brought back). */
    public boolean includes(long userId, long deckId, ExtraSession s, Instant now, Instant dayStart, long questionId) {
        return select(userId, deckId, s, now, dayStart, questionId).questionId().isPresent();
    }

    /** The session's next card, or with {@code onlyQuestion} that question if the session still has it. */
    private Next select(long userId, long deckId, ExtraSession s, Instant now, Instant dayStart, Long onlyQuestion) {
        String where = """
                from card c join question q on q.id = c.question_id
                where c.user_id = ? and c.deck_id = ? and not c.suspended and not q.retired and c.state <> 0
                  and (c.last_review is null or c.last_review < ?)""" + switch (s.kind()) {
            case AHEAD -> " and c.state = 2 and c.due <= ?";
            case TAG -> " and ? = any(q.tags)";
            case FAILED -> """
                     and exists (select 1 from review_log r where r.card_id = c.id and r.rating = 1
                                 and r.undone_at is null and r.reviewed_at >= ?)""";
        } + (onlyQuestion == null ? "" : " and c.question_id = ?");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select c.question_id, count(*) over () " + where
                     + " order by c.due, c.id limit 1")) {
            ps.setLong(1, userId);
            ps.setLong(2, deckId);
            ps.setTimestamp(3, Timestamp.from(s.start()));
            switch (s.kind()) {
                case AHEAD -> ps.setTimestamp(4, Timestamp.from(now.plus(Duration.ofDays(s.days()))));
                case TAG -> ps.setString(4, s.tag());
                case FAILED -> ps.setTimestamp(4, Timestamp.from(dayStart));
            }
            if (onlyQuestion != null) {
                ps.setLong(5, onlyQuestion);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Next(Optional.of(rs.getLong(1)), rs.getInt(2)) : new Next(Optional.empty(), 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the session's next card failed: " + e.getMessage(), e);
        }
    }

    /** What the done page offers: the tags of the learner's started cards in the deck, cards failed today, due soon. */
    public record Offer(List<String> tags, int failedToday, int dueWithinAWeek) {
    }

    public Offer offer(long userId, long deckId, Instant now, Instant dayStart) {
        try (Connection c = dataSource.getConnection()) {
            List<String> tags = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select distinct t from card c join question q on q.id = c.question_id, unnest(q.tags) t
                    where c.user_id = ? and c.deck_id = ? and c.state <> 0 and not c.suspended and not q.retired
                    order by t limit 200""")) {
                ps.setLong(1, userId);
                ps.setLong(2, deckId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tags.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    select count(*) filter (where exists (select 1 from review_log r where r.card_id = c.id
                                                          and r.rating = 1 and r.undone_at is null
                                                          and r.reviewed_at >= ?)),
                           count(*) filter (where c.state = 2 and c.due <= ?)
                    from card c join question q on q.id = c.question_id
                    where c.user_id = ? and c.deck_id = ? and c.state <> 0 and not c.suspended and not q.retired""")) {
                ps.setTimestamp(1, Timestamp.from(dayStart));
                ps.setTimestamp(2, Timestamp.from(now.plus(Duration.ofDays(ExtraSession.MAX_DAYS))));
                ps.setLong(3, userId);
                ps.setLong(4, deckId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Offer(tags, rs.getInt(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading what the done page offers failed: " + e.getMessage(), e);
        }
    }
}
