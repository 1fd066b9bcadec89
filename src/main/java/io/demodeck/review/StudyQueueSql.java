package io.demodeck.review;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The study queue as one statement, shared by {@link ReviewService} and the plan test so the test checks exactly
 * what runs. One round trip returns the next cards in order and today's counts:
 * <ol>
 *   <li>kind 0: (re)learning cards due now, earliest first;</li>
 *   <li>kind 1: review cards due before the next study day starts, most overdue relative to stability first
 *       (Anki's "relative overdueness");</li>
 *   <li>kind 2: questions the learner has not started (no card yet, or a card still new) in deck order, within
 *       what is left of today's new-card budget;</li>
 *   <li>kind 3: one row with the counts: (re)learning and review cards due today, new questions available today.</li>
 * </ol>
 * Each card branch is one range scan of the partial index {@code card_queue (user_id, deck_id, state, due) where not
 * suspended}; new questions walk {@code question_deck_position} and probe {@code card_user_question}; cards of
 * retired questions are left out through the small partial index {@code question_retired}.
 */
public final class StudyQueueSql {

    static final int KIND_LEARNING = 0;
    static final int KIND_REVIEW = 1;
    static final int KIND_NEW = 2;
    static final int KIND_COUNTS = 3;

    /** Columns: kind, card id, question id, state, step, stability, difficulty, due, last review, reps, lapses, learning, review, new. */
    public static final String NEXT = """
            with budget as materialized (
                select greatest(0, ? - count(*)) as n from review_log
                where user_id = ? and reviewed_at >= ? and state_before = 0 and undone_at is null),
            retired as materialized (
                select id from question where deck_id = ? and retired),
            fresh as materialized (
                select q.id as question_id, q.position, c.id as card_id from question q
                left join card c on c.user_id = ? and c.question_id = q.id
                where q.deck_id = ? and not q.retired and (c.id is null or (c.state = 0 and not c.suspended))
                order by q.position, q.id
                limit (select n from budget))
            select kind, id, question_id, state, step, stability, difficulty, due, last_review, reps, lapses,
                   learning_count, review_count, new_count from (
                (select 0 as kind, extract(epoch from c.due)::float8 as key, c.id, c.question_id, c.state, c.step,
                        c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses,
                        null::bigint as learning_count, null::bigint as review_count, null::bigint as new_count
                 from card c
                 where c.user_id = ? and c.deck_id = ? and c.state in (1, 3) and c.due <= ? and not c.suspended
                       and c.question_id not in (select id from retired)
                 order by c.due, c.id limit ?)
                union all
                (select 1, -(extract(epoch from (?::timestamptz - c.due)) / (c.stability * 86400))::float8 as key, c.id,
                        c.question_id, c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses,
                        null, null, null
                 from card c
                 where c.user_id = ? and c.deck_id = ? and c.state = 2 and c.due < ? and not c.suspended
                       and c.question_id not in (select id from retired)
                 order by key, c.id limit ?)
                union all
                (select 2, f.position, c.id, f.question_id, c.state, c.step, c.stability, c.difficulty, c.due,
                        c.last_review, c.reps, c.lapses, null, null, null
                 from fresh f left join card c on c.id = f.card_id
                 order by f.position, f.question_id limit ?)
                union all
                select 3, 0, null, null, null, null, null, null, null, null, null, null,
                       (select count(*) from card c
                        where c.user_id = ? and c.deck_id = ? and c.state in (1, 3) and c.due < ? and not c.suspended
                              and c.question_id not in (select id from retired)),
                       (select count(*) from card c
                        where c.user_id = ? and c.deck_id = ? and c.state = 2 and c.due < ? and not c.suspended
                              and c.question_id not in (select id from retired)),
                       (select count(*) from fresh)
            ) next order by kind, key, coalesce(id, question_id)""";

    /** Binds {@link #NEXT} for a learner's deck; at most {@code limit} rows of each card kind come back. */
    public static void bindNext(PreparedStatement ps, long userId, long deckId, int newCardsPerDay, Timestamp dayStart,
                                Timestamp now, Timestamp dayEnd, int limit) throws SQLException {
        Object[] params = {
                newCardsPerDay, userId, dayStart,   // budget
                deckId,                             // retired
                userId, deckId,                     // fresh
                userId, deckId, now, limit,         // (re)learning due
                now, userId, deckId, dayEnd, limit, // reviews due
                limit,                              // new
                userId, deckId, dayEnd,             // counts
                userId, deckId, dayEnd};
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private StudyQueueSql() {
    }
}
