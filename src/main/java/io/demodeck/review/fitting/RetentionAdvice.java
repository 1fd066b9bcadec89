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

/**
 * From a simulation of a learner's own cards with their parameters: the recommended desired retention, and the
 * expected workload at the retention they use.
 */
@ApplicationScoped
public class RetentionAdvice {

    /** Cards beyond this many are sampled evenly for the recommendation: the curve's shape does not need them all. */
    static final int MAX_STUDIED = 20_000;

    /**
     * Cards simulated at most for the expected workload, which the settings page shows on every visit: one retention
     * and a sample this size take milliseconds, however large the collection.
     */
    static final int WORKLOAD_SAMPLE = 4_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StudySettingsService settings;

    public record Advice(List<RetentionSimulator.Point> points, RetentionSimulator.Point recommended, int studiedCards,
                         int newCards) {
    }

    /**
     * The reviews and minutes a day a simulated year at the learner's desired retention takes.
     *
     * @param studiedCards the learner's studied cards (0: the year is one of new cards at the daily limit)
     */
    public record Workload(double retention, double reviewsPerDay, double minutesPerDay, long studiedCards,
                           int newCardsPerDay) {
    }

    public Advice advise(long userId) {
        StudySettings s = settings.get(userId);
        Cards cards = collection(userId, s, MAX_STUDIED);
        List<RetentionSimulator.Point> points = RetentionSimulator.workload(FitService.parameters(s), cards.studied(),
                cards.weight(), cards.newCards(), cards.newPerDay(), userId);
        return new Advice(points, RetentionSimulator.recommended(points), cards.studied().size(), cards.newCards());
    }

    public Workload workload(long userId) {
        StudySettings s = settings.get(userId);
        Cards cards = collection(userId, s, WORKLOAD_SAMPLE);
        RetentionSimulator.Point p = RetentionSimulator.at(FitService.parameters(s), cards.studied(), cards.weight(),
                cards.newCards(), cards.newPerDay(), s.desiredRetention(), userId);
        return new Workload(s.desiredRetention(), p.reviewsPerDay(), p.minutesPerDay(), cards.studiedTotal(),
                cards.newPerDay());
    }

    /**
     * The learner's cards as the simulation takes them: the studied ones (every {@code weight}-th, in id order), the
     * new ones, and the daily limit they come in at; {@code weight} keeps the simulated cards under {@code max}.
     */
    private record Cards(List<RetentionSimulator.StudiedCard> studied, long studiedTotal, int weight, int newCards,
                              int newPerDay) {
    }

    private Cards collection(long userId, StudySettings s, int max) {
        StudyDays days = new StudyDays(ZoneId.of(s.timeZone()), s.dayRolloverHour());
        Instant now = Instant.now();
        int perDay = Math.max(1, s.newCardsPerDay());
        List<RetentionSimulator.StudiedCard> studied = new ArrayList<>();
        long total;
        int newCards;
        int weight;
        try (Connection c = dataSource.getConnection()) {
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
            if (total == 0 && newCards == 0) {
                newCards = perDay * RetentionSimulator.DAYS; // nothing studied yet: a year of new cards at the daily limit
            }
            long simulated = total + Math.min(newCards, (long) perDay * RetentionSimulator.DAYS);
            weight = (int) Math.max(1, (simulated + max - 1) / max);
            // sampled in the database: only the sample crosses the wire
            try (PreparedStatement ps = c.prepareStatement("""
                    select stability, difficulty, last_review from (
                        select stability, difficulty, last_review, row_number() over (order by id) as n from card
                        where user_id = ? and not suspended and state <> 0 and stability is not null
                              and last_review is not null) studied
                    where (n - 1) % ? = 0""")) {
                ps.setLong(1, userId);
                ps.setInt(2, weight);
                ps.setFetchSize(2000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        studied.add(new RetentionSimulator.StudiedCard(rs.getDouble(1), rs.getDouble(2),
                                days.between(rs.getTimestamp(3).toInstant(), now)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the cards of learner " + userId + " failed: " + e.getMessage(), e);
        }
        return new Cards(studied, total, weight, newCards, perDay);
    }
}
