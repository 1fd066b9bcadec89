package io.demodeck.review.fitting;

import io.agroal.api.AgroalDataSource;
import io.demodeck.review.StudySettings;
import io.demodeck.review.StudySettingsService;
import io.demodeck.review.optimizer.RetentionSimulator;
import io.demodeck.review.scheduler.StudyDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The recommended desired retention of a learner, from a simulation of their own cards with their parameters. */
@ApplicationScoped
public class RetentionAdvice {

    /** Studied cards beyond this many are sampled evenly: the curve's shape does not need them all. */
    static final int MAX_STUDIED = 20_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StudySettingsService settings;

    public record Advice(List<RetentionSimulator.Point> points, RetentionSimulator.Point recommended, int studiedCards,
                         int newCards) {
    }

    public Advice advise(long userId) {
        StudySettings s = settings.get(userId);
        StudyDays days = new StudyDays(ZoneId.of(s.timeZone()), s.dayRolloverHour());
        Instant now = Instant.now();
        List<RetentionSimulator.StudiedCard> studied = new ArrayList<>();
        int newCards;
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("""
                    select count(*) filter (where state <> 0 and stability is not null and last_review is not null),
                           count(*) filter (where state = 0)
                    from card where user_id = ? and not suspended""")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                    newCards = (int) rs.getLong(2);
                }
            }
            long every = Math.max(1, (total + MAX_STUDIED - 1) / MAX_STUDIED);
            try (PreparedStatement ps = c.prepareStatement("""
                    select stability, difficulty, last_review from card
                    where user_id = ? and not suspended and state <> 0 and stability is not null and last_review is not null
                    order by id""")) {
                ps.setLong(1, userId);
                ps.setFetchSize(2000);
                try (ResultSet rs = ps.executeQuery()) {
                    long i = 0;
                    while (rs.next()) {
                        if (i++ % every == 0) {
                            studied.add(new RetentionSimulator.StudiedCard(rs.getDouble(1), rs.getDouble(2),
                                    days.between(rs.getTimestamp(3).toInstant(), now)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the cards of learner " + userId + " failed: " + e.getMessage(), e);
        }
        int perDay = Math.max(1, s.newCardsPerDay());
        if (studied.isEmpty() && newCards == 0) {
            newCards = perDay * RetentionSimulator.DAYS; // nothing studied yet: a year of new cards at the daily limit
        }
        List<RetentionSimulator.Point> points = RetentionSimulator.workload(FitService.parameters(s), studied,
                newCards, perDay, userId);
        return new Advice(points, RetentionSimulator.recommended(points), studied.size(), newCards);
    }
}
