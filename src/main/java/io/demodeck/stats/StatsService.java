package io.demodeck.stats;

import io.demodeck.platform.SqlRow;
import io.demodeck.review.StudySettings;
import io.demodeck.review.StudySettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers behind the stats page and {@code /api/v1/me/stats}, computed in SQL over the review log and
 * the cards. Days are the learner's study days (time zone and rollover hour from their settings).
 */
@ApplicationScoped
public class StatsService {

    static final int HEATMAP_DAYS = 365;
    static final int FORECAST_DAYS = 30;
    static final int RETENTION_WEEKS = 12;

    @Inject
    EntityManager em;

    @Inject
    StudySettingsService settings;

    /**
     * @param reviewsPerDay   reviews (undone ones excluded) per study day over the last year
     * @param duePerDay       cards due per study day for the next 30 days; overdue cards count today
     * @param retentionByWeek true retention: share of reviews of cards in review state that were not "Again",
     *                        per week (Monday), null for a week without such reviews
     * @param cardsByState    new (never opened), learning, review, relearning
     * @param streak          consecutive study days with a review, up to today (or yesterday, if none yet today)
     */
    public record Stats(LocalDate today, Map<LocalDate, Integer> reviewsPerDay, Map<LocalDate, Integer> duePerDay,
                        Map<LocalDate, Double> retentionByWeek, Map<String, Long> cardsByState, int streak,
                        long totalReviews) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stats of(long userId, Instant now) {
        StudySettings s = settings.get(userId);
        ZoneId zone = ZoneId.of(s.timeZone());
        int rollover = s.dayRolloverHour();
        LocalDate today = now.atZone(zone).minusHours(rollover).toLocalDate();
        String studyDay = "((%s at time zone :zone) - make_interval(hours => :rollover))::date";

        Map<LocalDate, Integer> reviews = new TreeMap<>();
        for (SqlRow row : rows("select " + studyDay.formatted("reviewed_at") + " as day, count(*) as reviews from review_log "
                + "where user_id = :user and undone_at is null and reviewed_at >= :since group by 1",
                userId, zone, rollover, now.minusSeconds(86_400L * (HEATMAP_DAYS + 1)))) {
            LocalDate day = row.getDate("day");
            if (!day.isBefore(today.minusDays(HEATMAP_DAYS - 1))) {
                reviews.put(day, row.getInt("reviews"));
            }
        }

        Map<LocalDate, Integer> due = new TreeMap<>();
        for (int i = 0; i < FORECAST_DAYS; i++) {
            due.put(today.plusDays(i), 0);
        }
        for (SqlRow row : rows("select greatest(" + studyDay.formatted("due") + ", cast(:today as date)) as day, count(*) as cards "
                + "from card where user_id = :user and state <> 0 and not suspended and due < :until group by 1",
                userId, zone, rollover, null, today, now.plusSeconds(86_400L * (FORECAST_DAYS + 1)))) {
            LocalDate day = row.getDate("day");
            if (due.containsKey(day)) {
                due.merge(day, row.getInt("cards"), Integer::sum);
            }
        }

        LocalDate firstWeek = today.minusWeeks(RETENTION_WEEKS - 1).with(java.time.DayOfWeek.MONDAY);
        Map<LocalDate, Double> retention = new LinkedHashMap<>();
        for (int i = 0; i < RETENTION_WEEKS; i++) {
            retention.put(firstWeek.plusWeeks(i), null);
        }
        for (SqlRow row : rows("select date_trunc('week', " + studyDay.formatted("reviewed_at") + ")::date as week, "
                + "count(*) filter (where rating > 1) as passed, count(*) as total from review_log where user_id = :user "
                + "and undone_at is null and state_before = 2 and not early and reviewed_at >= :since group by 1",
                userId, zone, rollover, now.minusSeconds(86_400L * 7 * (RETENTION_WEEKS + 1)))) {
            LocalDate week = row.getDate("week");
            long total = row.getLong("total");
            if (retention.containsKey(week) && total > 0) {
                retention.put(week, row.getDouble("passed") / total);
            }
        }

        Map<String, Long> states = new LinkedHashMap<>();
        SqlRow counts = SqlRow.single(em.createNativeQuery("""
                select (select count(*) from question q where not q.retired and q.type <> 'DESCRIPTION'
                          and not exists (select 1 from card c where c.user_id = :user and c.question_id = q.id))
                       + count(*) filter (where c.state = 0) as new_cards,
                       count(*) filter (where c.state = 1) as learning, count(*) filter (where c.state = 2) as review,
                       count(*) filter (where c.state = 3) as relearning
                from card c where c.user_id = :user""", Tuple.class).setParameter("user", userId));
        states.put("new", counts.getLong("new_cards"));
        for (String state : List.of("learning", "review", "relearning")) {
            states.put(state, counts.getLong(state));
        }

        long total = ((Number) em.createNativeQuery("select count(*) from review_log where user_id = :user and undone_at is null")
                .setParameter("user", userId).getSingleResult()).longValue();
        return new Stats(today, reviews, due, retention, states, streak(reviews, today), total);
    }

    static int streak(Map<LocalDate, Integer> reviewsPerDay, LocalDate today) {
        LocalDate day = reviewsPerDay.containsKey(today) ? today : today.minusDays(1);
        int streak = 0;
        while (reviewsPerDay.getOrDefault(day, 0) > 0) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    private List<SqlRow> rows(String sql, long userId, ZoneId zone, int rollover, Instant since, Object... extra) {
        var query = em.createNativeQuery(sql, Tuple.class).setParameter("user", userId).setParameter("zone", zone.getId())
                .setParameter("rollover", rollover);
        if (since != null) {
            query.setParameter("since", since);
        }
        if (extra.length == 2) {
            query.setParameter("today", extra[0]).setParameter("until", extra[1]);
        }
        return SqlRow.list(query);
    }
}
