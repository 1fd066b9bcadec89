import io.demodeck.review.StudyQueueSql;
import io.demodeck.review.scheduler.StudyDays;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Prints EXPLAIN (ANALYZE, BUFFERS) of the study-queue statements exactly as the app binds them for a learner with the
 * default settings (20 new cards a day, UTC, 4 a.m. rollover), after one unmeasured run: the next card without the
 * day's counts ({@code counts=false}, what a grade with {@code next=1} runs), then the queue with the counts.
 * Run: java -cp <app classes + dependencies> bench/ExplainNext.java <jdbc-url> <user> <password> <learner id> <deck id>
 */
public class ExplainNext {

    public static void main(String[] args) throws Exception {
        long learner = Long.parseLong(args[3]);
        long deck = Long.parseLong(args[4]);
        Instant now = Instant.now();
        StudyDays days = new StudyDays(ZoneOffset.UTC, 4);
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            Timestamp dayStart = Timestamp.from(days.startOfDay(now));
            Timestamp dayEnd = Timestamp.from(days.startOfNextDay(now));
            for (boolean counts : new boolean[]{false, true}) {
                System.out.println(counts ? "-- with the day's counts (StudyQueueSql.DUE)" : "-- the next card only (StudyQueueSql.NEXT)");
                for (String prefix : new String[]{"", "explain (analyze, buffers) "}) {
                    try (PreparedStatement ps = c.prepareStatement(prefix + (counts ? StudyQueueSql.DUE : StudyQueueSql.NEXT))) {
                        if (counts) {
                            StudyQueueSql.bindDue(ps, learner, deck, 20, 200, dayStart, Timestamp.from(now), dayEnd, 1);
                        } else {
                            StudyQueueSql.bindNext(ps, learner, deck, 20, 200, dayStart, Timestamp.from(now), dayEnd, 1);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                if (!prefix.isEmpty()) {
                                    System.out.println(rs.getString(1));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
