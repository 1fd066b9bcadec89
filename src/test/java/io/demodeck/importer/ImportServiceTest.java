package io.demodeck.importer;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.demodeck.importer.Fixtures.bytes;
import static io.demodeck.importer.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ImportServiceTest {

    @Inject
    ImportService imports;

    @Inject
    EntityManager em;

    @Inject
    io.demodeck.bank.DeckWriter writer;

    private static ImportRequest request(byte[] data, String name, String deck) {
        return new ImportRequest(data, name, null, new ImportOptions(deck, "en", null, null), null);
    }

    @Test
    void previewWritesOnlyTheAuditRecord() {
        ImportReport report = imports.preview(request(bytes("gift/all-types.gift"), "all-types.gift", "preview-only"));
        assertEquals("previewed", report.outcome());
        assertEquals(13, report.counts().created());
        assertEquals(Integer.valueOf(2), report.countsByType().get("single_choice"));
        assertNull(report.deckId());
        assertEquals(0, count("select count(*) from deck where external_id = 'preview-only'"));
        assertEquals(1, count("select count(*) from import_record where id = ?1 and dry_run and outcome = 'previewed' "
                + "and file_name = 'all-types.gift' and format = 'gift' and created = 13 "
                + "and report ->> 'deck' = 'preview-only'", report.importId()));
    }

    @Test
    void reImportUpdatesInPlaceAndKeepsTheLearnersHistory() {
        String v1 = "// [id:q1]\nWhat is 2+2?{=4}\n\n// [id:q2]\nThe sky is blue.{T}\n\n// [id:q3]\nGone soon?{T}";
        ImportReport first = imports.apply(request(utf8(v1), "v1.gift", "reimport"));
        assertEquals("applied", first.outcome(), first.problems()::toString);
        assertEquals(new ImportReport.Counts(3, 0, 0, 0, 0), first.counts());
        long q1 = count("select q.id from question q join deck d on d.id = q.deck_id where d.external_id = 'reimport' and q.external_id = 'q1'");
        long card = studied(q1);

        String v2 = "// [id:q1]\nWhat is 2+2, exactly?{=4 =four}\n\n// [id:q2]\nThe sky is blue.{T}\n\nBroken{=a ~";
        ImportReport preview = imports.preview(request(utf8(v2), "v2.gift", "reimport"));
        assertEquals(new ImportReport.Counts(0, 1, 1, 1, 1), preview.counts(), "the dry run compares with the database");
        ImportReport second = imports.apply(request(utf8(v2), "v2.gift", "reimport"));
        assertEquals(new ImportReport.Counts(0, 1, 1, 1, 1), second.counts());

        assertEquals(q1, count("select q.id from question q join deck d on d.id = q.deck_id where d.external_id = 'reimport' and q.external_id = 'q1'"));
        assertEquals(1, count("select count(*) from card where id = ?1 and question_id = ?2", card, q1));
        assertEquals(1, count("select count(*) from review_log where card_id = ?1", card));
        assertEquals(1, count("select count(*) from question q join deck d on d.id = q.deck_id "
                + "where d.external_id = 'reimport' and q.external_id = 'q3' and q.retired"));
        assertEquals(2, count("select count(*) from question_option o join question q on q.id = o.question_id where q.id = ?1", q1));

        ImportReport third = imports.apply(request(utf8(v2), "v2.gift", "reimport"));
        assertEquals(new ImportReport.Counts(0, 0, 2, 1, 0), third.counts(), "the same file again changes nothing");
    }

    @Test
    void anImportThatFailsMidwayLeavesNoRows() {
        // every check passes, then PostgreSQL refuses the third question's text: the rollback must be total
        execute("create function refuse_three() returns trigger language plpgsql as $$ begin "
                + "if new.prompt = 'Three' then raise exception 'refused by the test'; end if; return new; end $$");
        execute("create trigger refuse_three before insert on question_text for each row execute function refuse_three()");
        ImportReport report;
        try {
            report = imports.apply(new ImportRequest(bytes("json/three-questions.json"), "three.json", "json",
                    new ImportOptions("midway", null, null, null), null));
        } finally {
            execute("drop trigger refuse_three on question_text");
            execute("drop function refuse_three()");
        }
        assertEquals("rejected", report.outcome());
        assertTrue(report.problems().stream().anyMatch(p -> p.message().contains("nothing was stored")), report.problems()::toString);
        assertEquals(0, count("select count(*) from deck where external_id = 'midway'"));
        assertEquals(0, count("select count(*) from question where external_id in ('mid-1', 'mid-2', 'mid-3')"));
        assertEquals(1, count("select count(*) from import_record where id = ?1 and outcome = 'rejected' and not dry_run", report.importId()));
    }

    @Test
    void embeddedFilesAreStoredAsMedia() {
        ImportReport report = imports.apply(request(bytes("moodle/all-types.xml"), "moodle.xml", "moodle-media"));
        assertEquals("applied", report.outcome(), report.problems()::toString);
        assertEquals(1, report.mediaFiles());
        assertEquals(1, count("select count(*) from media m join deck d on d.id = m.deck_id "
                + "where d.external_id = 'moodle-media' and m.content_type = 'image/png' and m.size_bytes = 12"));
        assertEquals(3, report.counts().skipped()); // the cloze is read now
    }

    @Test
    void anApkgImportsThroughTheService() throws Exception {
        ImportReport report = imports.apply(request(io.demodeck.importer.anki.ApkgFixtures.modern(
                io.demodeck.importer.anki.ApkgFixtures.NOTES), "spanish.apkg", null));
        assertEquals("applied", report.outcome(), report.problems()::toString);
        assertEquals("spanish", report.deck());
        assertEquals(4, report.counts().created()); // the cloze note is one question
        assertNotNull(report.deckId());
    }

    @Test
    void aRejectedFileLeavesOnlyItsAuditRecord() {
        ImportReport report = imports.apply(request(bytes("moodle/xxe.xml"), "xxe.xml", "xxe"));
        assertEquals("rejected", report.outcome());
        assertEquals(0, count("select count(*) from deck where external_id = 'xxe'"));
        assertEquals(1, count("select count(*) from import_record where id = ?1 and outcome = 'rejected'", report.importId()));
    }

    @Test
    void aBankDeckIsNeverOverwrittenByAnImport() {
        var parsed = new io.demodeck.importer.markdown.MarkdownImportParser().parse(bytes("markdown/bank-deck.md"),
                "bank-deck.md", ImportOptions.defaults());
        writer.write(parsed.deck(), "bank", null);
        ImportReport report = imports.apply(request(utf8("Q?{T}"), "q.gift", "concurrency-basics"));
        assertEquals("rejected", report.outcome());
        assertTrue(report.problems().get(0).message().contains("question bank"));
        assertEquals(9, count("select count(*) from question q join deck d on d.id = q.deck_id "
                + "where d.external_id = 'concurrency-basics' and not q.retired"));
    }

    private long studied(long questionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Number userId = (Number) em.createNativeQuery("insert into app_user (username, password_hash) values (?1, 'x') returning id")
                    .setParameter(1, "u" + UUID.randomUUID().toString().substring(0, 8)).getSingleResult();
            Number cardId = (Number) em.createNativeQuery("insert into card (user_id, question_id, deck_id, state, due) "
                    + "select ?1, q.id, q.deck_id, 2, now() from question q where q.id = ?2 returning id")
                    .setParameter(1, userId.longValue()).setParameter(2, questionId).getSingleResult();
            em.createNativeQuery("insert into review_log (card_id, user_id, client_review_id, rating, reviewed_at, "
                            + "state_before, due_before, reps_before, lapses_before, state_after, stability_after, "
                            + "difficulty_after, due_after, elapsed_days, scheduled_days) "
                            + "values (?1, ?2, ?3, 3, ?4, 0, ?4, 0, 0, 2, 2.3, 2.1, ?4, 0, 2)")
                    .setParameter(1, cardId.longValue()).setParameter(2, userId.longValue())
                    .setParameter(3, UUID.randomUUID()).setParameter(4, Instant.now()).executeUpdate();
            return cardId.longValue();
        });
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
