package io.demodeck.review;

/**
 * The study-queue queries, shared by {@link ReviewService} and the queue-latency benchmark so the
 * benchmark measures exactly what runs. Each card query is one range scan of the partial index
 * {@code card_queue (user_id, deck_id, state, due) where not suspended}; new questions walk
 * {@code question_deck_position} and probe {@code card_user_question}.
 */
public final class StudyQueueSql {

    /** (re)learning cards due now, earliest first. Params: user, deck, now, limit. */
    public static final String LEARNING_DUE = """
            select c.id, c.question_id, c.state, c.due from card c
            where c.user_id = ? and c.deck_id = ? and c.state in (1, 3) and c.due <= ? and not c.suspended
            order by c.due, c.id limit ?""";

    /**
     * Review cards due before the next study day starts, most overdue relative to stability first
     * (Anki's "relative overdueness"). Params: user, deck, end of study day, now, limit.
     */
    public static final String REVIEW_DUE = """
            select c.id, c.question_id, c.state, c.due from card c
            where c.user_id = ? and c.deck_id = ? and c.state = 2 and c.due < ? and not c.suspended
            order by extract(epoch from (?::timestamptz - c.due)) / (c.stability * 86400) desc, c.id limit ?""";

    /**
     * Questions the learner has not started (no card yet, or a card still new), in deck order,
     * skipping retired ones. Params: user, deck, limit.
     */
    public static final String NEW_QUESTIONS = """
            select q.id, c.id from question q
            left join card c on c.user_id = ? and c.question_id = q.id
            where q.deck_id = ? and not q.retired and (c.id is null or (c.state = 0 and not c.suspended))
            order by q.position, q.id limit ?""";

    /** New cards first answered since the study day began (the daily limit is per learner). Params: user, day start. */
    public static final String INTRODUCED_TODAY = """
            select count(*) from review_log
            where user_id = ? and reviewed_at >= ? and state_before = 0 and undone_at is null""";

    /** (re)learning cards still due today. Params: user, deck, end of study day. */
    public static final String LEARNING_COUNT = """
            select count(*) from card c
            where c.user_id = ? and c.deck_id = ? and c.state in (1, 3) and c.due < ? and not c.suspended""";

    /** Review cards due today. Params: user, deck, end of study day. */
    public static final String REVIEW_COUNT = """
            select count(*) from card c
            where c.user_id = ? and c.deck_id = ? and c.state = 2 and c.due < ? and not c.suspended""";

    /** New questions available, counted up to the remaining budget. Params: user, deck, limit. */
    public static final String NEW_COUNT = "select count(*) from (" + NEW_QUESTIONS + ") n";

    private StudyQueueSql() {
    }
}
