package io.demodeck.bank;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BankLoadingTest {

    static final String BANK_DECK = "goroutines-threads-processes";

    @Inject
    BankLoader loader;

    @Inject
    EntityManager em;

    @Test
    void thePackagedBankIsLoadedAtStartInBothLanguages() {
        List<BankLoader.FileReport> report = loader.startupReport();
        // the start-up load reported the packaged deck file (an empty or missing report would mean nothing was read)
        assertTrue(report.stream().anyMatch(r -> r.deckId().equals(BANK_DECK)), report::toString);
        assertTrue(report.stream().allMatch(BankLoader.FileReport::ok), report::toString);
        long deckId = deckId(BANK_DECK);
        long questions = count("select count(*) from question where deck_id = ?1 and not retired", deckId);
        assertTrue(questions >= 45, "at least 45 questions, found " + questions);
        for (String lang : List.of("ru", "en")) {
            long translated = count("select count(*) from question q join question_text t on t.question_id = q.id "
                    + "where q.deck_id = ?1 and t.lang = '" + lang + "' and t.prompt <> '' and t.answer <> ''", deckId);
            assertEquals(questions, translated, "every question has a prompt and an answer in " + lang);
        }
        long quiz = count("select count(*) from question where deck_id = ?1 and type <> 'FLASHCARD'", deckId);
        assertTrue(quiz >= 5, "at least 5 auto-gradable questions, found " + quiz);
        for (String lang : List.of("ru", "en")) {
            long withWrongAnswers = count("select count(distinct w.question_id) from question_wrong_answer w join question q "
                    + "on q.id = w.question_id where q.deck_id = ?1 and w.lang = '" + lang + "'", deckId);
            assertTrue(withWrongAnswers >= 10, "common wrong answers in " + lang + " on at least 10 questions, found " + withWrongAnswers);
        }
        long withFollowUps = count("select count(*) from question where deck_id = ?1 and cardinality(follow_ups) > 0", deckId);
        assertTrue(withFollowUps >= 20, "follow-ups on at least 20 questions, found " + withFollowUps);
    }

    @Test
    void loadingTheSameBankAgainChangesNothing() {
        long deckId = deckId(BANK_DECK);
        String before = snapshot(deckId);
        List<BankLoader.FileReport> again = loader.load(BankFiles.packaged());
        assertTrue(again.stream().allMatch(r -> r.ok() && r.sync().changedNothing()), again::toString);
        assertEquals(before, snapshot(deckId), "no row was created or rewritten");
    }

    @Test
    void anEditedQuestionIsUpdatedInPlaceAndKeepsItsReviewHistory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("edit-me.md");
        Files.writeString(file, deck("edit-me", "The first answer."));
        assertEquals(2, loader.load(BankFiles.fromDirectory(dir)).get(0).sync().created());
        long questionId = questionId("edit-me", "q-one");
        long cardId = studied(questionId);

        Files.writeString(file, deck("edit-me", "A better answer."));
        BankLoader.FileReport report = loader.load(BankFiles.fromDirectory(dir)).get(0);

        assertEquals(new SyncReport(deckId("edit-me"), 0, 1, 1, 0), report.sync());
        assertEquals(questionId, questionId("edit-me", "q-one"), "same row, same id");
        assertEquals("A better answer.", text("select answer from question_text where question_id = ?1 and lang = 'en'", questionId));
        assertEquals(1, count("select count(*) from card where id = ?1 and question_id = ?2", cardId, questionId));
        assertEquals(1, count("select count(*) from review_log where card_id = ?1", cardId));
    }

    @Test
    void aQuestionRemovedFromTheFileIsRetiredNotDeleted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shrink.md");
        Files.writeString(file, deck("shrink", "answer"));
        loader.load(BankFiles.fromDirectory(dir));
        long removed = questionId("shrink", "q-two");
        Files.writeString(file, deck("shrink", "answer").replaceAll("(?s)## q-two.*", ""));

        assertEquals(1, loader.load(BankFiles.fromDirectory(dir)).get(0).sync().retired());
        assertEquals(1, count("select count(*) from question where id = ?1 and retired", removed));
        assertEquals(1, count("select count(*) from question q join deck d on d.id = q.deck_id "
                + "where d.external_id = 'shrink' and not q.retired"));
    }

    @Test
    void aMalformedFileIsReportedWithItsLineAndTheOthersStillLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-broken.md"), deck("broken-deck", "x").replace("type: single_choice", "type: riddle"));
        Files.writeString(dir.resolve("b-fine.md"), deck("fine-deck", "x"));
        Files.write(dir.resolve("c-binary.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        List<BankLoader.FileReport> report = loader.load(BankFiles.fromDirectory(dir));

        assertEquals(List.of("a-broken.md", "b-fine.md", "c-binary.md"), report.stream().map(BankLoader.FileReport::file).toList());
        assertFalse(report.get(0).ok());
        assertTrue(report.get(0).problems().stream().anyMatch(p -> p.line() == 19 && p.message().contains("riddle")),
                report.get(0).problems()::toString);
        assertEquals(0, count("select count(*) from deck where external_id = 'broken-deck'"), "nothing of a broken file is stored");
        assertTrue(report.get(1).ok());
        assertEquals(2, count("select count(*) from question q join deck d on d.id = q.deck_id where d.external_id = 'fine-deck'"));
        assertFalse(report.get(2).ok());
        assertEquals(0, report.get(2).problems().get(0).line());
    }

    @Test
    void theRawSeedDocumentLoadsAsADeck(@TempDir Path dir) throws IOException {
        try (InputStream seed = getClass().getResourceAsStream("/bank/seed-answer.md")) {
            Files.copy(seed, dir.resolve("seed-answer.md"));
        }
        BankLoader.FileReport report = loader.load(BankFiles.fromDirectory(dir)).get(0);
        assertTrue(report.ok(), report::toString);
        assertEquals("seed-answer", report.deckId());
        assertEquals(1, report.sync().created());
        assertTrue(text("select t.answer from question q join question_text t on t.question_id = q.id "
                + "where q.deck_id = ?1", deckId("seed-answer")).contains("Процессы требуют IPC"));
    }

    // ---------------------------------------------------------------------------------------------

    static String deck(String id, String answer) {
        return """
                # deck: %s
                title.en: Deck %s
                language: en

                ## q-one
                type: flashcard

                ### en: prompt
                What is a process?

                ### en: answer
                %s

                ### en: key points
                - own address space
                - needs IPC

                ## q-two
                type: single_choice

                ### en: prompt
                Pick one

                ### en: answer
                b

                ### en: choices
                - [ ] a
                - [x] b
                """.formatted(id, id, answer);
    }

    /** A learner studied the question: one card and one review log row point at it. */
    private long studied(long questionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String name = "u" + UUID.randomUUID().toString().substring(0, 8);
            Number userId = (Number) em.createNativeQuery(
                    "insert into app_user (username, password_hash) values (?1, 'x') returning id")
                    .setParameter(1, name).getSingleResult();
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

    private String snapshot(long deckId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select string_agg(q.id || ':' || q.updated_at || ':' || q.content_hash, ',' order by q.id) "
                        + "from question q where q.deck_id = ?1").setParameter(1, deckId).getSingleResult().toString()
                + em.createNativeQuery("select updated_at::text from deck where id = ?1").setParameter(1, deckId).getSingleResult());
    }

    private long deckId(String externalId) {
        return count("select id from deck where external_id = ?1", externalId);
    }

    private long questionId(String deck, String question) {
        return count("select q.id from question q join deck d on d.id = q.deck_id where d.external_id = ?1 and q.external_id = ?2",
                deck, question);
    }

    private long count(String sql, Object... params) {
        return ((Number) single(sql, params)).longValue();
    }

    private String text(String sql, Object... params) {
        return (String) single(sql, params);
    }

    private Object single(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getSingleResult();
        });
    }
}
