import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Outcome;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.Scheduler;
import io.demodeck.review.scheduler.SchedulerSettings;
import io.demodeck.review.scheduler.State;
import io.quarkus.elytron.security.common.BcryptUtil;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills a DemoDeck database (schema already migrated by the app) with a realistic study load through COPY:
 * learners, one study deck, their cards and review histories. Every history is produced by the app's own FSRS
 * scheduler (default settings, fuzz on, as in production), so each card's state is exactly the replay of its
 * log, and answers arrive when cards are due (learners come a little late) with a typical button mix.
 *
 * <p>Run: {@code java -cp <app classes + dependencies> bench/LoadData.java <jdbc-url> <user> <password>
 * [learners] [cards per learner] [review rows] [questions in the deck]} (defaults 10000, 100, 5000000, 120).
 * About 65% of the cards are due at the end; the deck has more questions than each learner has cards, so
 * new questions remain too. Every learner's password is {@value #PASSWORD}; usernames are load00001, ….
 */
public class LoadData {

    static final String PASSWORD = "bench-password";
    static final String DECK = "bench-deck";
    private static final double DUE_SHARE = 0.65;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int learners = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int cardsPerLearner = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        long reviewRows = args.length > 5 ? Long.parseLong(args[5]) : 5_000_000L;
        int questions = args.length > 6 ? Integer.parseInt(args[6]) : 120;
        if (cardsPerLearner > questions) {
            throw new IllegalArgumentException("cards per learner (" + cardsPerLearner + ") > questions (" + questions + ")");
        }
        long cards = (long) learners * cardsPerLearner;
        // answers per card are uniform in 1..2m-1, so they average m = review rows / cards
        int meanReviews = (int) Math.max(1, Math.round((double) reviewRows / cards));
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setAutoCommit(false);
            long deckId = createDeck(c, questions);
            long[] questionIds = questionIds(c, deckId);
            long firstUser = nextId(c, "app_user");
            long firstCard = nextId(c, "card");
            long firstLog = nextId(c, "review_log");
            copyUsers(c, firstUser, learners);
            c.commit();
            Plan plan = new Plan(now, deckId, questionIds, firstUser, learners, cardsPerLearner, firstCard, firstLog, meanReviews);
            long cardRows = plan.copy(c, false);
            c.commit();
            long logRows = plan.copy(c, true);
            c.commit();
            for (String table : List.of("app_user", "card", "review_log", "question")) {
                try (Statement s = c.createStatement()) {
                    s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze app_user, card, review_log, question");
            }
            System.out.printf("deck %s (id %d, %d questions): %d learners (ids %d..%d), %d cards, %d review rows in %.1f s%n",
                    DECK, deckId, questions, learners, firstUser, firstUser + learners - 1, cardRows, logRows,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** The learners, their cards and histories: a pure function of the ids, so cards and logs can be streamed in two passes. */
    record Plan(Instant now, long deckId, long[] questionIds, long firstUser, int learners, int cardsPerLearner,
                long firstCard, long firstLog, int meanReviews) {

        long copy(Connection c, boolean logs) throws SQLException {
            String sql = logs
                    ? "copy review_log (id, card_id, user_id, client_review_id, rating, reviewed_at, duration_ms, state_before,"
                      + " step_before, stability_before, difficulty_before, due_before, last_review_before, reps_before,"
                      + " lapses_before, retrievability, state_after, step_after, stability_after, difficulty_after, due_after,"
                      + " elapsed_days, scheduled_days, origin, created_at) from stdin (format csv)"
                    : "copy card (id, user_id, question_id, deck_id, state, step, stability, difficulty, due, last_review, reps,"
                      + " lapses, version, created_at, updated_at) from stdin (format csv)";
            Scheduler scheduler = new Scheduler(SchedulerSettings.defaults());
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            StringBuilder out = new StringBuilder(1 << 20);
            long rows = 0;
            long logId = firstLog;
            int carried = 0; // answers a cut history could not hold go to the next card, so the total comes out as asked
            try {
                for (int u = 0; u < learners; u++) {
                    long userId = firstUser + u;
                    SplittableRandom picks = new SplittableRandom(userId);
                    int offset = picks.nextInt(questionIds.length); // each learner studies a different slice of the deck
                    for (int k = 0; k < cardsPerLearner; k++) {
                        long cardId = firstCard + (long) u * cardsPerLearner + k;
                        long questionId = questionIds[(offset + k) % questionIds.length];
                        List<Answer> history = history(scheduler, cardId, carried);
                        carried = Math.min(10, carried + plannedReviews(cardId) - history.size());
                        if (logs) {
                            for (Answer a : history) {
                                logRow(out, logId++, cardId, userId, a);
                                rows++;
                            }
                        } else {
                            cardRow(out, cardId, userId, questionId, history);
                            rows++;
                        }
                        if (out.length() > (1 << 20) - 4096) {
                            flush(copy, out);
                        }
                    }
                }
                flush(copy, out);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return rows;
        }

        private int plannedReviews(long cardId) {
            return 1 + new SplittableRandom(cardId * 0x9E3779B97F4A7C15L).nextInt(2 * meanReviews - 1);
        }

        /**
         * One card's answers. A first simulation from a fixed start gives the history's length in time; the real one
         * starts so that the last answer lands where this card should be (overdue by up to 30 days for
         * {@value #DUE_SHARE} of the cards, else due within its last interval), with the same random draws. Day
         * boundaries shift the real history a little, so an answer that would fall after now is given now (the learner
         * came early). A history of long intervals that would start more than three years back starts there instead
         * and loses the answers that would lie in the future.
         */
        List<Answer> history(Scheduler scheduler, long cardId, int extra) {
            SplittableRandom r = new SplittableRandom(cardId * 0x9E3779B97F4A7C15L);
            int count = 1 + r.nextInt(2 * meanReviews - 1) + extra;
            long seed = r.nextLong();
            boolean due = r.nextDouble() < DUE_SHARE;
            double where = r.nextDouble();
            Instant probeStart = now.minus(Duration.ofDays(3650));
            List<Answer> probe = simulate(scheduler, cardId, probeStart, count, seed, Instant.MAX, false);
            Answer last = probe.getLast();
            long lastWait = Duration.between(last.at, last.outcome.after().due()).toMillis();
            Instant lastAnswer = due ? now.minusMillis(lastWait + (long) (where * Duration.ofDays(30).toMillis()))
                    : now.minusMillis((long) (where * lastWait));
            Instant start = lastAnswer.minus(Duration.between(probeStart, last.at));
            Instant earliest = now.minus(Duration.ofDays(3 * 365));
            if (start.isBefore(earliest)) {
                return simulate(scheduler, cardId, earliest, count, seed, now, false);
            }
            return simulate(scheduler, cardId, start, count, seed, now, true);
        }

        private static List<Answer> simulate(Scheduler scheduler, long cardId, Instant start, int count, long seed,
                                             Instant until, boolean earlyAtUntil) {
            SplittableRandom r = new SplittableRandom(seed);
            List<Answer> answers = new ArrayList<>(count);
            CardState state = CardState.newCard(start);
            Instant at = start;
            for (int i = 0; i < count; i++) {
                if (at.isAfter(until)) {
                    if (!earlyAtUntil) {
                        break;
                    }
                    at = until;
                }
                int button = r.nextInt(100);
                Rating rating = button < 10 ? Rating.AGAIN : button < 22 ? Rating.HARD : button < 92 ? Rating.GOOD : Rating.EASY;
                Outcome o = scheduler.next(cardId, state, rating, at);
                answers.add(new Answer(at, rating, 2000 + r.nextInt(18_000), state, o, new UUID(r.nextLong(), r.nextLong())));
                state = o.after();
                // the next answer: when the card is due, plus a delay (minutes after a step, up to 20% of an interval)
                Duration wait = Duration.between(at, state.due());
                long lateMillis = state.state() == State.REVIEW ? (long) (r.nextDouble() * 0.2 * wait.toMillis())
                        : r.nextInt(5 * 60_000);
                at = state.due().plusMillis(lateMillis);
            }
            return answers;
        }

        private void cardRow(StringBuilder out, long cardId, long userId, long questionId, List<Answer> history) {
            CardState s = history.getLast().outcome.after();
            out.append(cardId).append(',').append(userId).append(',').append(questionId).append(',').append(deckId).append(',')
                    .append(s.state().code()).append(',').append(s.step() == null ? "" : s.step()).append(',')
                    .append(s.stability()).append(',').append(s.difficulty()).append(',').append(s.due()).append(',')
                    .append(s.lastReview()).append(',').append(s.reps()).append(',').append(s.lapses()).append(',')
                    .append(s.reps()).append(',').append(history.getFirst().at).append(',').append(s.lastReview()).append('\n');
        }

        private static void logRow(StringBuilder out, long id, long cardId, long userId, Answer a) {
            CardState b = a.before;
            CardState s = a.outcome.after();
            out.append(id).append(',').append(cardId).append(',').append(userId).append(',').append(a.clientId).append(',')
                    .append(a.rating.grade()).append(',').append(a.at).append(',').append(a.durationMs).append(',')
                    .append(b.state().code()).append(',').append(b.step() == null ? "" : b.step()).append(',')
                    .append(b.stability() == null ? "" : b.stability()).append(',')
                    .append(b.difficulty() == null ? "" : b.difficulty()).append(',').append(b.due()).append(',')
                    .append(b.lastReview() == null ? "" : b.lastReview()).append(',').append(b.reps()).append(',')
                    .append(b.lapses()).append(',')
                    .append(a.outcome.retrievability() == null ? "" : a.outcome.retrievability()).append(',')
                    .append(s.state().code()).append(',').append(s.step() == null ? "" : s.step()).append(',')
                    .append(s.stability()).append(',').append(s.difficulty()).append(',').append(s.due()).append(',')
                    .append(a.outcome.elapsedDays()).append(',').append(a.outcome.scheduledDays()).append(",api,")
                    .append(a.at).append('\n');
        }
    }

    record Answer(Instant at, Rating rating, int durationMs, CardState before, Outcome outcome, UUID clientId) {
    }

    private static void flush(CopyIn copy, StringBuilder out) throws SQLException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }

    private static long createDeck(Connection c, int questions) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("delete from deck where external_id = '" + DECK + "'");
        }
        long deckId;
        try (PreparedStatement ps = c.prepareStatement(
                "insert into deck (external_id, original_language, origin, visibility) values (?, 'en', 'import', 'public') returning id")) {
            ps.setString(1, DECK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                deckId = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into deck_text (deck_id, lang, title, description) values (?, 'en', 'Benchmark deck', 'Generated by bench/LoadData.java')")) {
            ps.setLong(1, deckId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                with q as (
                    insert into question (deck_id, external_id, type, position, original_language, content_hash, tags)
                    select ?, 'bench-' || g, 'FLASHCARD', g, 'en', md5('bench-' || g), '{bench}' from generate_series(1, ?) g
                    returning id, position)
                insert into question_text (question_id, lang, prompt, answer, key_points)
                select id, 'en', 'Benchmark question ' || position || ': what does a virtual thread do when it blocks?',
                       'It unmounts from its carrier thread, which runs another virtual thread meanwhile (question '
                       || position || ').', '{unmounts,carrier}'
                from q""")) {
            ps.setLong(1, deckId);
            ps.setInt(2, questions);
            ps.executeUpdate();
        }
        return deckId;
    }

    private static long[] questionIds(Connection c, long deckId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from question where deck_id = ? order by position")) {
            ps.setLong(1, deckId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static long nextId(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // One bcrypt hash for every learner, at a low cost: the load test signs in thousands of learners, and the cost
    // of a production hash (10) would make signing in the bottleneck of the setup, not what is measured.
    private static void copyUsers(Connection c, long firstId, int count) throws SQLException {
        String hash = BcryptUtil.bcryptHash(PASSWORD, 4);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy app_user (id, username, password_hash, roles, language) from stdin (format csv)");
        StringBuilder out = new StringBuilder(1 << 20);
        for (int i = 0; i < count; i++) {
            out.append(firstId + i).append(",load").append(String.format("%05d", i + 1)).append(',').append(hash)
                    .append(",learner,en\n");
        }
        flush(copy, out);
        copy.endCopy();
    }
}
