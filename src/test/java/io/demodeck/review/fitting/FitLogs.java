package io.demodeck.review.fitting;

import io.agroal.api.AgroalDataSource;
import io.demodeck.review.optimizer.LogEntry;
import io.demodeck.review.optimizer.SimulatedLogs;
import io.demodeck.review.scheduler.FsrsParameters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes a simulated learner's review log into the database for a real account (cards on a deck of their own). */
public final class FitLogs {

    private FitLogs() {
    }

    public static long userId(AgroalDataSource ds, String username) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from app_user where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts about {@code reviews} answers drawn from {@code truth}; returns how many. */
    public static int insert(AgroalDataSource ds, long userId, FsrsParameters truth, int reviews, long seed) throws Exception {
        List<LogEntry> log = SimulatedLogs.simulate(truth, reviews, seed);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long deckId;
            try (PreparedStatement ps = c.prepareStatement("insert into deck (external_id) values (?) returning id")) {
                ps.setString(1, "fit-" + UUID.randomUUID());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    deckId = rs.getLong(1);
                }
            }
            // a deck like any other (titles, question texts): pages listing every deck must show it
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into deck_text (deck_id, lang, title) values (?, 'ru', 'Симуляция'), (?, 'en', 'Simulated learner')")) {
                ps.setLong(1, deckId);
                ps.setLong(2, deckId);
                ps.executeUpdate();
            }
            Map<Long, Long> cards = new HashMap<>();
            try (PreparedStatement question = c.prepareStatement("""
                    insert into question (deck_id, external_id, type, position, content_hash)
                    values (?, ?, 'FLASHCARD', ?, md5(?)) returning id""");
                 PreparedStatement card = c.prepareStatement("""
                    insert into card (user_id, question_id, deck_id, state, due) values (?, ?, ?, 2, now()) returning id""")) {
                for (LogEntry e : log) {
                    if (cards.containsKey(e.cardId())) {
                        continue;
                    }
                    question.setLong(1, deckId);
                    question.setString(2, "q" + e.cardId());
                    question.setInt(3, (int) e.cardId());
                    question.setString(4, "q" + e.cardId());
                    long questionId;
                    try (ResultSet rs = question.executeQuery()) {
                        rs.next();
                        questionId = rs.getLong(1);
                    }
                    try (PreparedStatement text = c.prepareStatement(
                            "insert into question_text (question_id, lang, prompt, answer) values (?, 'ru', ?, ?)")) {
                        text.setLong(1, questionId);
                        text.setString(2, "Question " + e.cardId());
                        text.setString(3, "Answer " + e.cardId());
                        text.executeUpdate();
                    }
                    card.setLong(1, userId);
                    card.setLong(2, questionId);
                    card.setLong(3, deckId);
                    try (ResultSet rs = card.executeQuery()) {
                        rs.next();
                        cards.put(e.cardId(), rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into review_log (card_id, user_id, client_review_id, rating, reviewed_at, state_before,
                        due_before, reps_before, lapses_before, state_after, stability_after, difficulty_after,
                        due_after, elapsed_days, scheduled_days, origin)
                    values (?, ?, ?, ?, ?, ?, ?, 0, 0, 2, 1, 5, ?, 0, 0, 'import')""")) {
                for (LogEntry e : log) {
                    Timestamp at = Timestamp.from(e.reviewedAt());
                    ps.setLong(1, cards.get(e.cardId()));
                    ps.setLong(2, userId);
                    ps.setObject(3, UUID.randomUUID());
                    ps.setShort(4, (short) e.rating());
                    ps.setTimestamp(5, at);
                    ps.setShort(6, (short) (e.firstReview() ? 0 : 2));
                    ps.setTimestamp(7, at);
                    ps.setTimestamp(8, at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return log.size();
    }
}
