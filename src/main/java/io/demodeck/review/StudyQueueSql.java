package io.demodeck.review;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The study queue's statements, shared by {@link ReviewService} and the plan test so the test checks exactly what
 * runs. {@link #DUE} returns, in one round trip, the due cards in order and today's counts:
 * <ol>
 *   <li>kind 0: (re)learning cards due now, earliest first;</li>
 *   <li>kind 1: review cards due before the next study day starts, most overdue relative to stability first
 *       (Anki's "relative overdueness"), at most as many as the learner's daily review limit leaves
 *       ({@link #REVIEWS_LEFT});</li>
 *   <li>kind 3: one row with the counts: (re)learning cards due today, review cards due today (at most what the
 *       daily review limit leaves), and the new questions available today (today's new-card budget, at most the deck's
 *       questions the learner has not started).</li>
 * </ol>
 * Only when fewer cards are due than asked for does {@link #NEW_QUESTIONS} list new questions in deck order.
 * Every part is a range of a small index over the learner's own rows: {@code card_queue_covering} carries the
 * question, stability and id, so both rankings (the due (re)learning cards, the due reviews), the counts (one pass over
 * the learner's cards of the deck) and the retired-question check read no table rows; only the cards that come back
 * are read from the table, by id.
 */
public final class StudyQueueSql {

    /** The {@code kind} column of {@link #DUE} and {@link #NEXT}: the constant's ordinal is the code. */
    enum Kind {
        LEARNING, REVIEW, NEW, COUNTS;

        private static final Kind[] BY_CODE = values();

        static Kind of(int code) {
            return BY_CODE[code];
        }
    }

    /**
     * Today's new-card budget of a learner's deck, computed inside the queue statement so that the queue stays one
     * round trip: the learner's own daily limit, lowered by the smallest limit of a (not archived) class of theirs
     * that assigns the deck with one, plus the extra new cards the learner asked for today ({@link ExtraNewCards}).
     * Binds: own limit, user, deck, user, day start.
     */
    private static final String NEW_BUDGET = """
            ((select least(?::int, min(cd.new_cards_per_day)) from class_deck cd
                join class_member m on m.class_id = cd.class_id and m.user_id = ?
                join study_class sc on sc.id = cd.class_id and sc.archived_at is null
              where cd.deck_id = ? and cd.new_cards_per_day is not null)
             + coalesce((select e.extra from extra_new_cards e where e.user_id = ? and e.day_start = ?), 0))""";

    /**
     * The review cards the queue may still offer today: the learner's daily review limit less today's answers on
     * review cards, all decks together (review ahead and custom sessions count too: they are reviews done today).
     * (Re)learning cards and new cards are outside it: a card in its steps always comes back, and the new-card budget
     * is a limit of its own. A CTE of the queue statement, so the limit costs no round trip: one range of the small
     * index {@code review_log_reviews_today}. Binds: limit, user, day start.
     */
    private static final String REVIEWS_LEFT = """
            reviews_left as materialized (
                select greatest(0, ?::int - count(*))::int as n from review_log today
                where today.user_id = ? and today.reviewed_at >= ? and today.state_before = 2 and today.undone_at is null)""";

    /** Columns: kind, card id, question id, state, step, stability, difficulty, due, last review, reps, lapses, learning, review, new. */
    public static final String DUE = """
            with retired as materialized (select id from question where deck_id = ? and retired),
            """ + REVIEWS_LEFT + """

            select kind, id, question_id, state, step, stability, difficulty, due, last_review, reps, lapses,
                   learning_count, review_count, new_count from (
                (select 0 as kind, ranked.key, c.id, c.question_id, c.state, c.step, c.stability, c.difficulty, c.due,
                        c.last_review, c.reps, c.lapses,
                        null::bigint as learning_count, null::bigint as review_count, null::bigint as new_count
                 from (select l.id, extract(epoch from l.due)::float8 as key
                       from card l
                       where l.user_id = ? and l.deck_id = ? and l.state in (1, 3) and l.due <= ? and not l.suspended
                             and l.question_id not in (select id from retired)
                       order by l.due, l.id limit ?) ranked
                 join card c on c.id = ranked.id)
                union all
                (select 1, ranked.key, c.id, c.question_id, c.state, c.step, c.stability, c.difficulty, c.due,
                        c.last_review, c.reps, c.lapses, null, null, null
                 from (select r.id, -(extract(epoch from (?::timestamptz - r.due)) / (r.stability * 86400))::float8 as key
                       from card r
                       where r.user_id = ? and r.deck_id = ? and r.state = 2 and r.due < ? and not r.suspended
                             and r.question_id not in (select id from retired)
                       order by key, r.id limit least(?::int, (select n from reviews_left))) ranked
                 join card c on c.id = ranked.id)
                union all
                select 3, 0, null, null, null, null, null, null, null, null, null, null, cards.learning,
                       least(cards.review, (select n from reviews_left)),
                       greatest(0, least(
                           """ + NEW_BUDGET + """
                            - (select count(*) from review_log
                                where user_id = ? and reviewed_at >= ? and state_before = 0 and undone_at is null),
                           (select count(*) from question q where q.deck_id = ? and not q.retired) - cards.started
                           - (select count(*) from card c
                              where c.user_id = ? and c.deck_id = ? and c.suspended
                                    and c.question_id not in (select id from retired))))
                from (select count(*) filter (where c.state in (1, 3) and c.due < ?) as learning,
                             count(*) filter (where c.state = 2 and c.due < ?) as review,
                             count(*) filter (where c.state <> 0) as started
                      from card c
                      where c.user_id = ? and c.deck_id = ? and not c.suspended
                            and c.question_id not in (select id from retired)) cards
            ) next order by kind, key, id""";

    /**
     * {@link #DUE} without the day's counts, for clients that leave them out: the same due cards (kinds 0 and 1, same
     * columns), and instead of the counts row one row of kind 3 whose last column is today's new-card budget left
     * (the budget less the new cards answered today). It reads only the index pages of the learner's next cards and
     * of today's first answers, not every card of the deck.
     */
    public static final String NEXT = """
            with retired as materialized (select id from question where deck_id = ? and retired),
            """ + REVIEWS_LEFT + """

            select kind, id, question_id, state, step, stability, difficulty, due, last_review, reps, lapses,
                   learning_count, review_count, new_count from (
                (select 0 as kind, ranked.key, c.id, c.question_id, c.state, c.step, c.stability, c.difficulty, c.due,
                        c.last_review, c.reps, c.lapses,
                        null::bigint as learning_count, null::bigint as review_count, null::bigint as new_count
                 from (select l.id, extract(epoch from l.due)::float8 as key
                       from card l
                       where l.user_id = ? and l.deck_id = ? and l.state in (1, 3) and l.due <= ? and not l.suspended
                             and l.question_id not in (select id from retired)
                       order by l.due, l.id limit ?) ranked
                 join card c on c.id = ranked.id)
                union all
                (select 1, ranked.key, c.id, c.question_id, c.state, c.step, c.stability, c.difficulty, c.due,
                        c.last_review, c.reps, c.lapses, null, null, null
                 from (select r.id, -(extract(epoch from (?::timestamptz - r.due)) / (r.stability * 86400))::float8 as key
                       from card r
                       where r.user_id = ? and r.deck_id = ? and r.state = 2 and r.due < ? and not r.suspended
                             and r.question_id not in (select id from retired)
                       order by key, r.id limit least(?::int, (select n from reviews_left))) ranked
                 join card c on c.id = ranked.id)
                union all
                select 3, 0, null, null, null, null, null, null, null, null, null, null, null, null,
                       greatest(0, """ + NEW_BUDGET + """
                            - (select count(*) from review_log
                                        where user_id = ? and reviewed_at >= ? and state_before = 0 and undone_at is null))
            ) next order by kind, key, id""";

    /**
     * Questions the learner has not started (no card yet, or a card still new), in deck order, skipping retired ones.
     * Columns: card id (null without a card), question id, then the card's state columns as in {@link #DUE}.
     */
    public static final String NEW_QUESTIONS = """
            select 2, c.id, q.id, c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses
            from question q
            left join card c on c.user_id = ? and c.question_id = q.id
            where q.deck_id = ? and not q.retired and (c.id is null or (c.state = 0 and not c.suspended))
            order by q.position, q.id limit ?""";

    /**
     * Today's counts of many decks at once, for deck lists (the home page): for each deck id of the array the same
     * numbers as the counts row of {@link #DUE} (kind 3), with the same rules: (re)learning and review cards due before
     * the next study day starts, not suspended, of questions not retired; new questions available today = today's
     * new-card budget (the learner's limit, or a smaller one of a class that assigns the deck (as {@link #NEW_BUDGET}),
     * plus the extra new cards asked for today ({@code ExtraNewCards})) less the new cards answered today, at most the
     * deck's questions the learner has not started; review cards at most what the daily review limit leaves
     * (as {@link #REVIEWS_LEFT}). Columns: deck_id, learning, review, new.
     */
    public static final String DECK_COUNTS = """
            with decks as (select distinct unnest(?::bigint[]) as deck_id),
            budget as (select ?::int as own,
                              coalesce((select e.extra from extra_new_cards e where e.user_id = ? and e.day_start = ?), 0)
                              as extra,
                              (select count(*) from review_log
                               where user_id = ? and reviewed_at >= ? and state_before = 0 and undone_at is null) as used,
                              greatest(0, ?::int - (select count(*) from review_log today
                                  where today.user_id = ? and today.reviewed_at >= ? and today.state_before = 2
                                        and today.undone_at is null)) as reviews_left)
            select d.deck_id, cards.learning, least(cards.review, b.reviews_left) as review,
                   greatest(0, least(
                       least(b.own, (select min(cd.new_cards_per_day) from class_deck cd
                                     join class_member m on m.class_id = cd.class_id and m.user_id = ?
                                     join study_class sc on sc.id = cd.class_id and sc.archived_at is null
                                     where cd.deck_id = d.deck_id and cd.new_cards_per_day is not null))
                       + b.extra - b.used,
                       (select count(*) from question q where q.deck_id = d.deck_id and not q.retired)
                       - cards.started - cards.suspended)) as new_count
            from decks d
            cross join budget b
            cross join lateral (
                select count(*) filter (where not c.suspended and c.state in (1, 3) and c.due < ?) as learning,
                       count(*) filter (where not c.suspended and c.state = 2 and c.due < ?) as review,
                       count(*) filter (where not c.suspended and c.state <> 0) as started,
                       count(*) filter (where c.suspended) as suspended
                from card c
                where c.user_id = ? and c.deck_id = d.deck_id
                      and c.question_id not in (select q.id from question q where q.deck_id = d.deck_id and q.retired)) cards
            order by d.deck_id""";

    /** Binds {@link #DECK_COUNTS}. */
    public static void bindDeckCounts(PreparedStatement ps, long userId, Long[] deckIds, int newCardsPerDay,
                                      int maxReviewsPerDay, Timestamp dayStart, Timestamp dayEnd) throws SQLException {
        ps.setArray(1, ps.getConnection().createArrayOf("bigint", deckIds));
        bindFrom(ps, 2,
                newCardsPerDay, userId, dayStart,      // the learner's limit, today's extra cards
                userId, dayStart,                      // new cards answered today
                maxReviewsPerDay, userId, dayStart,    // the daily review limit, review cards answered today
                userId,                                // class limits
                dayEnd, dayEnd, userId);               // counts of the learner's cards
    }

    /**
     * Binds {@link #DUE} for a learner's deck; at most {@code limit} cards of each kind come back.
     * {@code newCardsPerDay} is the learner's own limit: the statement applies class limits and today's extra cards;
     * {@code maxReviewsPerDay} is the daily review limit, less the review cards answered today.
     */
    public static void bindDue(PreparedStatement ps, long userId, long deckId, int newCardsPerDay, int maxReviewsPerDay,
                               Timestamp dayStart, Timestamp now, Timestamp dayEnd, int limit) throws SQLException {
        bind(ps,
                deckId,                                // retired
                maxReviewsPerDay, userId, dayStart,    // reviews left today (REVIEWS_LEFT)
                userId, deckId, now, limit,            // (re)learning due
                now, userId, deckId, dayEnd, limit,    // reviews due
                newCardsPerDay, userId, deckId, userId, dayStart, // new: today's budget (NEW_BUDGET)
                userId, dayStart,                      // new: new cards answered today
                deckId, userId, deckId,                // new: the deck's questions, suspended cards
                dayEnd, dayEnd, userId, deckId);       // counts of the learner's cards
    }

    /** Binds {@link #NEXT} for a learner's deck; at most {@code limit} cards of each kind come back. */
    public static void bindNext(PreparedStatement ps, long userId, long deckId, int newCardsPerDay, int maxReviewsPerDay,
                                Timestamp dayStart, Timestamp now, Timestamp dayEnd, int limit) throws SQLException {
        bind(ps,
                deckId,                                // retired
                maxReviewsPerDay, userId, dayStart,    // reviews left today (REVIEWS_LEFT)
                userId, deckId, now, limit,            // (re)learning due
                now, userId, deckId, dayEnd, limit,    // reviews due
                newCardsPerDay, userId, deckId, userId, dayStart, // new: today's budget (NEW_BUDGET)
                userId, dayStart);                     // new: new cards answered today
    }

    /** Binds {@link #NEW_QUESTIONS}. */
    public static void bindNewQuestions(PreparedStatement ps, long userId, long deckId, int limit) throws SQLException {
        bind(ps, userId, deckId, limit);
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        bindFrom(ps, 1, params);
    }

    private static void bindFrom(PreparedStatement ps, int first, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(first + i, params[i]);
        }
    }

    private StudyQueueSql() {
    }
}
