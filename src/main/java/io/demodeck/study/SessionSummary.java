package io.demodeck.study;

import io.agroal.api.AgroalDataSource;
import io.demodeck.review.StudySettings;
import io.demodeck.review.StudySettingsService;
import io.demodeck.review.scheduler.StudyDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * What the done page sums up: the answers of this session in a deck (today's answers back to the first pause of
 * more than {@link #PAUSE}), how many were Again, the time spent, what comes due tomorrow, whether the deck
 * still has questions the learner has not started (then "more new cards today" is offered), and the review cards due
 * today that the daily review limit held back (the queue is empty, so any still due were held back).
 */
@ApplicationScoped
public class SessionSummary {

    /** A pause this long ends a session. */
    static final Duration PAUSE = Duration.ofMinutes(30);

    public record Summary(int answers, int again, Duration timeSpent, int dueTomorrow, int notStarted, Instant dayStart,
                          int reviewsHeldBack, int reviewLimit) {

        /** Percent of this session's answers that were Again, rounded. */
        public int againPercent() {
            return answers == 0 ? 0 : Math.round(100f * again / answers);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StudySettingsService settings;

    public Summary of(long userId, long deckId, Instant now) {
        StudySettings s = settings.get(userId);
        StudyDays days = settings.schedulerFor(s).studyDays();
        Instant dayStart = days.startOfDay(now);
        Instant tomorrow = days.startOfNextDay(now);
        Instant dayAfter = days.startOfNextDay(tomorrow);
        try (Connection c = dataSource.getConnection()) {
            int answers = 0;
            int again = 0;
            long ms = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    select r.reviewed_at, r.rating, r.duration_ms from review_log r join card c on c.id = r.card_id
                    where r.user_id = ? and c.deck_id = ? and r.reviewed_at >= ? and r.undone_at is null
                    order by r.reviewed_at desc""")) {
                ps.setLong(1, userId);
                ps.setLong(2, deckId);
                ps.setTimestamp(3, Timestamp.from(dayStart));
                try (ResultSet rs = ps.executeQuery()) {
                    Instant later = null;
                    while (rs.next()) {
                        Instant at = rs.getTimestamp(1).toInstant();
                        if (later != null && Duration.between(at, later).compareTo(PAUSE) > 0) {
                            break;
                        }
                        later = at;
                        answers++;
                        again += rs.getShort(2) == 1 ? 1 : 0;
                        ms += rs.getInt(3);
                    }
                }
            }
            int dueTomorrow;
            int notStarted;
            int heldBack;
            try (PreparedStatement ps = c.prepareStatement("""
                    select (select count(*) from card c
                            where c.user_id = ? and c.deck_id = ? and c.state <> 0 and not c.suspended
                              and c.due >= ? and c.due < ?),
                           (select count(*) from question q
                            where q.deck_id = ? and not q.retired and not exists (
                                select 1 from card c where c.user_id = ? and c.question_id = q.id
                                                     and (c.state <> 0 or c.suspended))),
                           (select count(*) from card c
                            where c.user_id = ? and c.deck_id = ? and c.state = 2 and not c.suspended and c.due < ?
                              and c.question_id not in (select q.id from question q where q.deck_id = ? and q.retired))""")) {
                ps.setLong(1, userId);
                ps.setLong(2, deckId);
                ps.setTimestamp(3, Timestamp.from(tomorrow));
                ps.setTimestamp(4, Timestamp.from(dayAfter));
                ps.setLong(5, deckId);
                ps.setLong(6, userId);
                ps.setLong(7, userId);
                ps.setLong(8, deckId);
                ps.setTimestamp(9, Timestamp.from(tomorrow));
                ps.setLong(10, deckId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    dueTomorrow = rs.getInt(1);
                    notStarted = rs.getInt(2);
                    heldBack = rs.getInt(3);
                }
            }
            return new Summary(answers, again, Duration.ofMillis(ms), dueTomorrow, notStarted, dayStart, heldBack,
                    s.maxReviewsPerDay());
        } catch (SQLException e) {
            throw new IllegalStateException("the session summary failed: " + e.getMessage(), e);
        }
    }
}
