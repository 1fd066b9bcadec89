package io.demodeck.deck;

import io.demodeck.testsupport.MigrationDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A database filled by the schema as of V40 (before decks had owners) is migrated to the latest version: every deck,
 * question, its texts and options, card, review and import record is still there, unchanged, and V70's rule holds:
 * the bank's decks became public decks of the system, imported decks private decks of their uploader.
 */
class MigrationFromV40Test {

    @RegisterExtension
    static final MigrationDatabase db = new MigrationDatabase();

    /** What must survive, as it was written at V40: each query reads one table's rows in the columns V40 had. */
    private static final Map<String, String> FINGERPRINTS = new LinkedHashMap<>();

    static {
        FINGERPRINTS.put("app_user", "select count(*) || ':' || md5(coalesce(string_agg(row(id, username, roles, language)::text, ',' order by id), '')) from app_user");
        FINGERPRINTS.put("deck", "select count(*) || ':' || md5(coalesce(string_agg(row(id, external_id, original_language, source, origin, created_by)::text, ',' order by id), '')) from deck");
        FINGERPRINTS.put("deck_text", "select count(*) || ':' || md5(coalesce(string_agg(row(deck_id, lang, title, description)::text, ',' order by deck_id, lang), '')) from deck_text");
        FINGERPRINTS.put("question", "select count(*) || ':' || md5(coalesce(string_agg(row(id, deck_id, external_id, type, position, tags, demo_ids, retired, title, follow_ups, content_hash)::text, ',' order by id), '')) from question");
        FINGERPRINTS.put("question_text", "select count(*) || ':' || md5(coalesce(string_agg(row(question_id, lang, prompt, answer, key_points)::text, ',' order by question_id, lang), '')) from question_text");
        FINGERPRINTS.put("question_option", "select count(*) || ':' || md5(coalesce(string_agg(row(id, question_id, lang, position, text, fraction)::text, ',' order by id), '')) from question_option");
        FINGERPRINTS.put("card", "select count(*) || ':' || md5(coalesce(string_agg(row(id, user_id, question_id, deck_id, state, step, stability, difficulty, due, last_review, reps, lapses, suspended, version)::text, ',' order by id), '')) from card");
        FINGERPRINTS.put("review_log", "select count(*) || ':' || md5(coalesce(string_agg(row(id, card_id, user_id, client_review_id, rating, reviewed_at, state_before, state_after, stability_after, difficulty_after, due_after, undone_at)::text, ',' order by id), '')) from review_log");
        FINGERPRINTS.put("import_record", "select count(*) || ':' || md5(coalesce(string_agg(row(id, user_id, deck_id, file_name, outcome, created)::text, ',' order by id), '')) from import_record");
    }

    @Test
    void everyDeckQuestionCardAndReviewSurvivesAndImportedDecksBecomeTheirUploadersPrivateDecks() throws SQLException {
        db.migrateTo("40");
        assertEquals("40", db.version(), "the schema as of V40");

        db.execute("""
                insert into app_user (id, username, password_hash, roles) values
                    (1, 'uploader', 'x', 'learner,instructor'), (2, 'learner', 'x', 'learner'),
                    (3, 'other-instructor', 'x', 'learner,instructor');
                insert into deck (id, external_id, origin, created_by) values
                    (1, 'bank-deck', 'bank', null), (2, 'imported-deck', 'import', 1),
                    (3, 'imported-by-other', 'import', 3), (4, 'imported-orphan', 'import', null);
                insert into deck_text (deck_id, lang, title, description) values
                    (1, 'ru', 'Банк', null), (1, 'en', 'Bank', 'The bank'), (2, 'en', 'Imported', null),
                    (3, 'en', 'Other', null), (4, 'en', 'Orphan', null);
                insert into question (id, deck_id, external_id, type, position, tags, content_hash, retired, title) values
                    (1, 1, 'b1', 'FLASHCARD', 1, '{go,runtime}', 'h1', false, null),
                    (2, 2, 'i1', 'SINGLE_CHOICE', 1, '{net}', 'h2', false, 'Ports'),
                    (3, 2, 'i2', 'FLASHCARD', 2, '{}', 'h3', true, null),
                    (4, 3, 'o1', 'TRUE_FALSE', 1, '{}', 'h4', false, null),
                    (5, 4, 'x1', 'FLASHCARD', 1, '{}', 'h5', false, null);
                insert into question_text (question_id, lang, prompt, answer, key_points)
                    select id, 'en', 'Prompt ' || id, 'Answer ' || id, '{one,two}' from question;
                insert into question_option (question_id, lang, position, text, fraction) values
                    (2, 'en', 1, '80', 1), (2, 'en', 2, '443', 0);
                insert into card (id, user_id, question_id, deck_id, state, step, stability, difficulty, due, last_review, reps, lapses) values
                    (1, 2, 1, 1, 2, null, 4.5, 5.1, '2026-01-10T04:00:00Z', '2026-01-05T10:00:00Z', 2, 0),
                    (2, 2, 2, 2, 1, 1, 0.4, 6.0, '2026-01-05T10:10:00Z', '2026-01-05T10:00:00Z', 1, 0),
                    (3, 2, 3, 2, 3, 0, 1.2, 7.0, '2026-01-06T10:00:00Z', '2026-01-05T09:00:00Z', 4, 1),
                    (4, 1, 4, 3, 0, null, null, null, '2026-01-05T10:00:00Z', null, 0, 0);
                insert into review_log (id, card_id, user_id, client_review_id, rating, reviewed_at, state_before,
                                        due_before, reps_before, lapses_before, state_after, stability_after,
                                        difficulty_after, due_after, elapsed_days, scheduled_days, undone_at) values
                    (1, 1, 2, '00000000-0000-0000-0000-000000000001', 3, '2026-01-01T10:00:00Z', 0,
                     '2026-01-01T10:00:00Z', 0, 0, 1, 2.3, 5.1, '2026-01-01T10:10:00Z', 0, 0, null),
                    (2, 1, 2, '00000000-0000-0000-0000-000000000002', 3, '2026-01-05T10:00:00Z', 1,
                     '2026-01-01T10:10:00Z', 1, 0, 2, 4.5, 5.1, '2026-01-10T04:00:00Z', 4, 5, null),
                    (3, 2, 2, '00000000-0000-0000-0000-000000000003', 1, '2026-01-05T10:00:00Z', 0,
                     '2026-01-05T10:00:00Z', 0, 0, 1, 0.4, 6.0, '2026-01-05T10:10:00Z', 0, 0, '2026-01-05T10:01:00Z');
                insert into import_record (id, user_id, deck_id, file_name, file_sha256, format, dry_run, outcome, created, report) values
                    (1, 1, 2, 'net.gift', 'abc', 'GIFT', false, 'applied', 2, '{}'),
                    (2, 3, 3, 'other.xml', 'def', 'MOODLE_XML', false, 'applied', 1, '{}');
                """);
        Map<String, String> before = fingerprints();

        db.migrateToLatest();
        assertNotEquals("40", db.version(), "migrated past V40");
        assertEquals(before, fingerprints(), "every row written at V40 is still there, unchanged");

        assertEquals(List.of(
                "bank-deck public system active",
                "imported-deck private 1 active",
                "imported-by-other private 3 active",
                "imported-orphan private system active"), db.rows("""
                select external_id || ' ' || visibility || ' ' || coalesce(owner_id::text, 'system') || ' '
                       || case when archived_at is null then 'active' else 'archived' end
                from deck order by id"""));
        assertEquals(List.of("0"), db.rows("select count(*) from deck_editor"), "nobody became a co-editor by the migration");
    }

    private static Map<String, String> fingerprints() throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        for (var e : FINGERPRINTS.entrySet()) {
            found.put(e.getKey(), db.rows(e.getValue()).get(0));
        }
        return found;
    }
}
