package io.demodeck.review;

import io.demodeck.testsupport.MigrationDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V242: the lapses that early Agains (review ahead, custom sessions) counted before issue 15 are taken back out of the
 * card and of the before-states of the answers given after them; lapses of the normal queue stay.
 */
class EarlyLapsesMigrationTest {

    @RegisterExtension
    static final MigrationDatabase db = new MigrationDatabase();

    @Test
    void theLapsesEarlyAgainsCountedAreTakenBackOut() throws SQLException {
        db.migrateTo("241");
        // one card: Good (to review), Again (a lapse), Good, Again ahead (counted before V242), Good,
        // Again in a custom session (undone), Again (a lapse); and a second card with only a normal lapse
        db.execute("""
                insert into app_user (id, username, password_hash) values (1, 'learner', 'x');
                insert into deck (id, external_id) values (1, 'deck');
                insert into question (id, deck_id, external_id, type, position, content_hash) values
                    (1, 1, 'q1', 'FLASHCARD', 1, 'h1'), (2, 1, 'q2', 'FLASHCARD', 2, 'h2');
                insert into card (id, user_id, question_id, deck_id, state, step, stability, difficulty, due,
                                  last_review, reps, lapses, version) values
                    (1, 1, 1, 1, 3, 0, 1.0, 7.0, '2026-01-08T10:10:00Z', '2026-01-08T10:00:00Z', 7, 3, 7),
                    (2, 1, 2, 1, 3, 0, 1.0, 7.0, '2026-01-08T10:10:00Z', '2026-01-08T10:00:00Z', 2, 1, 2);
                insert into review_log (id, card_id, user_id, client_review_id, rating, reviewed_at, state_before,
                                        due_before, reps_before, lapses_before, state_after, stability_after,
                                        difficulty_after, due_after, elapsed_days, scheduled_days, origin, undone_at)
                select id, card_id, 1, ('00000000-0000-0000-0000-00000000000' || id)::uuid, rating,
                       ('2026-01-0' || id || 'T10:00:00Z')::timestamptz, state_before, '2026-01-01T10:00:00Z',
                       id - 1, lapses_before, 2, 3.0, 6.0, '2026-01-20T10:00:00Z', 1, 5, origin,
                       case when undone then now() end
                from (values (1, 1, 3, 0, 0, 'web', false), (2, 1, 1, 2, 0, 'web', false),
                             (3, 1, 3, 3, 1, 'web', false), (4, 1, 1, 2, 1, 'ahead', false),
                             (5, 1, 3, 3, 2, 'web', false), (6, 1, 1, 2, 2, 'custom', true),
                             (7, 1, 1, 2, 2, 'web', false), (8, 2, 1, 2, 0, 'web', false))
                     as r(id, card_id, rating, state_before, lapses_before, origin, undone);
                """);
        db.migrateToLatest();
        assertEquals(List.of("1:0", "2:0", "3:1", "4:1", "5:1", "6:1", "7:1", "8:0"),
                db.rows("select id || ':' || lapses_before from review_log order by id"),
                "the answers after the early Again start from one lapse fewer");
        assertEquals(List.of("1:2:8", "2:1:2"), db.rows("select id || ':' || lapses || ':' || version from card order by id"),
                "the card keeps its two real lapses and is marked changed; the other card is left alone");
    }
}
