package io.demodeck.editor;

import io.demodeck.account.AccountService;
import io.demodeck.bank.BankQueries;
import io.demodeck.bank.BankViews;
import io.demodeck.deck.Deck;
import io.demodeck.bank.DeckWriter;
import io.demodeck.bank.Question;
import io.demodeck.quiz.QuestionType;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.review.ReviewService;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.demodeck.editor.Drafts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class QuestionEditorTest {

    /** Reads as an admin would: these tests check what was written, not who may read it. */
    private static final io.demodeck.deck.DeckAccess.Viewer EVERYTHING = new io.demodeck.deck.DeckAccess.Viewer(null, true, true);


    @Inject
    QuestionEditor editor;

    @Inject
    AccountService accounts;

    @Inject
    DeckWriter writer;

    @Inject
    BankQueries bank;

    @Inject
    ReviewService reviews;

    EditorFixtures f;

    @BeforeEach
    void deck() {
        f = EditorFixtures.create(accounts, writer);
    }

    private EditorViews.QuestionView seed() {
        return editor.list(f.ownerViewer(), f.deck()).stream().filter(q -> q.externalId().equals(EditorFixtures.SEED))
                .findFirst().orElseThrow();
    }

    @Test
    void everyTypeIsCreatedAndLearnersSeeIt() {
        for (QuestionDraft draft : Drafts.everyType()) {
            EditorViews.QuestionView created = editor.create(f.ownerViewer(), f.deck(), draft);
            EditorViews.QuestionView read = editor.get(f.ownerViewer(), f.deck(), created.id());
            assertEquals(draft.type(), read.content().type());
            assertEquals(draft.texts().keySet(), read.content().texts().keySet(), draft.type());
            draft.texts().forEach((lang, t) -> {
                assertEquals(t.prompt(), read.content().texts().get(lang).prompt());
                assertEquals(t.options().size(), read.content().texts().get(lang).options().size());
            });
            BankViews.QuestionDetail seen = read(() -> bank.question(EVERYTHING, f.deck(), created.externalId(), "en")).orElseThrow();
            assertEquals(QuestionType.fromFileName(draft.type()).orElseThrow(), seen.type());
        }
        List<BankViews.QuestionSummary> active = read(() -> bank.questions(deckId(), "en"));
        assertEquals(1 + Drafts.everyType().size(), active.size());
        assertEquals(EditorFixtures.SEED, active.getFirst().externalId(), "new questions go to the end");

        EditorViews.QuestionView tf = editor.list(f.ownerViewer(), f.deck()).stream()
                .filter(q -> q.content().type().equals("true_false")).findFirst().orElseThrow();
        assertEquals(false, tf.content().correct());
        BankViews.QuestionDetail numerical = read(() -> bank.questionDetails(EVERYTHING, f.deck(), "en")).orElseThrow().stream()
                .filter(q -> q.type() == QuestionType.NUMERICAL).findFirst().orElseThrow();
        assertEquals(1024.0, numerical.correctMin());
        assertEquals(3072.0, numerical.correctMax());
        BankViews.QuestionDetail single = read(() -> bank.questionDetails(EVERYTHING, f.deck(), "ru")).orElseThrow().stream()
                .filter(q -> q.type() == QuestionType.SINGLE_CHOICE).findFirst().orElseThrow();
        assertEquals(List.of(true, false, false), single.choices().stream().map(BankViews.Choice::right).toList());
        assertEquals(-0.5, single.choices().get(2).credit());
    }

    @Test
    void anEditKeepsTheQuestionItsCardsAndItsHistory() {
        EditorViews.QuestionView before = seed();
        long learner = f.learnerId();
        reviews.grade(learner, before.id(), Rating.GOOD, Instant.now(), 3000, UUID.randomUUID(), "web");

        EditorViews.QuestionView after = editor.update(f.coEditorViewer(), f.deck(), before.id(), before.version(),
                Drafts.of("flashcard", Map.of("en", text("Seed question, sharper?", "A better answer."))));

        assertEquals(before.id(), after.id());
        assertEquals(EditorFixtures.SEED, after.externalId());
        assertNotEquals(before.version(), after.version());
        QuarkusTransaction.requiringNew().run(() -> {
            Question stored = Question.findById(before.id());
            assertEquals(DeckWriter.contentHash(QuestionDraft.contentOf(stored)), stored.contentHash,
                    "the hash is the bank's, so a re-import of the same content changes nothing");
            assertEquals("imported", stored.source, "what the editor does not show is kept");
        });
        assertEquals(1L, count("select count(*) from card where question_id = " + before.id() + " and user_id = " + learner));
        assertEquals(1L, count("select count(*) from review_log l join card c on c.id = l.card_id where c.question_id = " + before.id() + " and l.user_id = " + learner));
        assertEquals("Seed question, sharper?", read(() -> bank.question(EVERYTHING, f.deck(), EditorFixtures.SEED, "en")).orElseThrow()
                .promptHtml().replaceAll("</?p>", "").strip());
    }

    @Test
    void aStaleVersionIsRefusedAndNothingChanges() {
        EditorViews.QuestionView v1 = seed();
        EditorViews.QuestionView v2 = editor.update(f.ownerViewer(), f.deck(), v1.id(), v1.version(),
                Drafts.of("flashcard", Map.of("en", text("First editor's prompt?", "A."))));
        StaleVersion stale = assertThrows(StaleVersion.class, () -> editor.update(f.coEditorViewer(), f.deck(), v1.id(),
                v1.version(), Drafts.of("flashcard", Map.of("en", text("Second editor's prompt?", "B.")))));
        assertEquals(v2.version(), stale.current().version());
        assertEquals("First editor's prompt?", stale.current().content().texts().get("en").prompt());
        assertEquals("First editor's prompt?", editor.get(f.ownerViewer(), f.deck(), v1.id()).content().texts().get("en").prompt());
        assertThrows(StaleVersion.class, () -> editor.retire(f.ownerViewer(), f.deck(), v1.id(), v1.version()));
        assertThrows(StaleVersion.class, () -> editor.update(f.ownerViewer(), f.deck(), v1.id(), null, Drafts.essay()));
    }

    @Test
    void anInvalidDraftChangesNothing() {
        EditorViews.QuestionView v1 = seed();
        DraftRejected rejected = assertThrows(DraftRejected.class, () -> editor.update(f.ownerViewer(), f.deck(), v1.id(),
                v1.version(), Drafts.of("flashcard", Map.of("en", text("Changed?", "")))));
        assertEquals(List.of("texts.en.answer"), rejected.problems().stream().map(FieldProblem::field).toList());
        assertEquals("Required.", rejected.problems().getFirst().en());
        assertEquals("Обязательное поле.", rejected.problems().getFirst().ru());
        assertEquals(v1.version(), seed().version());
        assertEquals(0, editor.revisions(f.ownerViewer(), f.deck(), v1.id()).size());
        long questions = count("select count(*) from question where deck_id = " + deckId());
        assertThrows(DraftRejected.class, () -> editor.create(f.ownerViewer(), f.deck(), Drafts.of("essay", Map.of())));
        assertEquals(questions, count("select count(*) from question where deck_id = " + deckId()));
    }

    @Test
    void theIdOfAQuestionIsItsOwn() {
        EditorViews.QuestionView v1 = seed();
        QuestionDraft taken = new QuestionDraft("essay", EditorFixtures.SEED, null, List.of(), List.of(), null, null,
                null, null, null, null, Map.of("en", text("Q?", null)));
        DraftRejected dup = assertThrows(DraftRejected.class, () -> editor.create(f.ownerViewer(), f.deck(), taken));
        assertEquals(FieldProblem.Rule.ID_TAKEN, dup.problems().getFirst().rule());
        QuestionDraft renamed = new QuestionDraft("flashcard", "another-id", null, List.of(), List.of(), null, null,
                null, null, null, null, Map.of("en", text("Q?", "A.")));
        DraftRejected changed = assertThrows(DraftRejected.class,
                () -> editor.update(f.ownerViewer(), f.deck(), v1.id(), v1.version(), renamed));
        assertEquals(FieldProblem.Rule.ID_CHANGED, changed.problems().getFirst().rule());
        QuestionDraft named = new QuestionDraft("essay", "my-essay", null, List.of(), List.of(), null, null,
                null, null, null, null, Map.of("en", text("Q?", null)));
        assertEquals("my-essay", editor.create(f.ownerViewer(), f.deck(), named).externalId());
    }

    @Test
    void everySaveIsARevisionAndAnEarlierOneCanBeRestored() {
        EditorViews.QuestionView v1 = seed();
        EditorViews.QuestionView v2 = editor.update(f.ownerViewer(), f.deck(), v1.id(), v1.version(),
                Drafts.of("flashcard", Map.of("en", text("Second?", "Seed answer."))));
        EditorViews.QuestionView v3 = editor.update(f.coEditorViewer(), f.deck(), v1.id(), v2.version(),
                new QuestionDraft("flashcard", null, null, List.of("new-tag"), List.of(), null, null, null, null, null,
                        null, Map.of("en", text("Third?", "Third answer."))));
        List<EditorViews.RevisionView> revisions = editor.revisions(f.ownerViewer(), f.deck(), v1.id());
        assertEquals(List.of(3, 2, 1), revisions.stream().map(EditorViews.RevisionView::number).toList());
        assertEquals(List.of("edited", "edited", "baseline"), revisions.stream().map(EditorViews.RevisionView::action).toList());
        assertEquals("tags, texts.en.prompt", revisions.get(1).summary(), "the seed's tag was left out");
        assertEquals("tags, texts.en.answer, texts.en.prompt", revisions.get(0).summary());
        assertEquals(f.coEditor(), revisions.get(0).author());
        assertEquals(null, revisions.get(2).author(), "the imported content, before any edit");

        EditorViews.QuestionView restored = editor.revert(f.ownerViewer(), f.deck(), v1.id(), 1, v3.version());
        assertEquals("Seed question?", restored.content().texts().get("en").prompt());
        assertEquals(List.of("seed"), restored.content().tags());
        assertEquals(v1.version(), restored.version(), "the very content of revision 1, so the same version");
        EditorViews.RevisionView latest = editor.revisions(f.ownerViewer(), f.deck(), v1.id()).getFirst();
        assertEquals(4, latest.number());
        assertEquals("reverted", latest.action());
        assertTrue(latest.summary().startsWith("revision 1: "), latest.summary());
        assertThrows(ClientFacingException.class, () -> editor.revert(f.ownerViewer(), f.deck(), v1.id(), 99, restored.version()));
    }

    @Test
    void retiringTakesAQuestionOutOfStudyAndRestoringBringsItBack() {
        EditorViews.QuestionView v1 = seed();
        EditorViews.QuestionView retired = editor.retire(f.ownerViewer(), f.deck(), v1.id(), v1.version());
        assertTrue(retired.retired());
        assertTrue(read(() -> bank.question(EVERYTHING, f.deck(), EditorFixtures.SEED, "en")).isEmpty());
        assertEquals(0, read(() -> bank.questions(deckId(), "en")).size());
        EditorViews.QuestionView back = editor.restore(f.ownerViewer(), f.deck(), v1.id(), retired.version());
        assertFalse(back.retired());
        assertEquals(v1.version(), back.version());
        assertTrue(read(() -> bank.question(EVERYTHING, f.deck(), EditorFixtures.SEED, "en")).isPresent());
        assertEquals(List.of("restored", "retired", "baseline"), editor.revisions(f.ownerViewer(), f.deck(), v1.id())
                .stream().map(EditorViews.RevisionView::action).toList());
    }

    @Test
    void questionsMoveUpAndDown() {
        EditorViews.QuestionView a = editor.create(f.ownerViewer(), f.deck(), Drafts.essay());
        EditorViews.QuestionView b = editor.create(f.ownerViewer(), f.deck(), Drafts.description());
        editor.move(f.ownerViewer(), f.deck(), b.id(), -1);
        assertEquals(List.of(EditorFixtures.SEED, b.externalId(), a.externalId()), order());
        editor.move(f.ownerViewer(), f.deck(), b.id(), -5);
        assertEquals(List.of(b.externalId(), EditorFixtures.SEED, a.externalId()), order());
        editor.move(f.ownerViewer(), f.deck(), b.id(), 1);
        assertEquals(List.of(EditorFixtures.SEED, b.externalId(), a.externalId()), order());
    }

    private List<String> order() {
        return read(() -> bank.questions(deckId(), "en")).stream().map(BankViews.QuestionSummary::externalId).toList();
    }

    @Test
    void onlyTheOwnerCoEditorsAndAdminsEdit() {
        EditorViews.QuestionView v1 = seed();
        assertEquals(v1.id(), editor.get(f.coEditorViewer(), f.deck(), v1.id()).id());
        assertEquals(v1.id(), editor.get(f.adminViewer(), f.deck(), v1.id()).id());
        assertEquals(404, assertThrows(ClientFacingException.class, () -> editor.get(f.otherViewer(), f.deck(), v1.id())).status(),
                "a private deck does not exist for others");
        assertEquals(404, assertThrows(ClientFacingException.class,
                () -> editor.create(f.learnerViewer(), f.deck(), Drafts.essay())).status());
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update deck set visibility = 'public' where external_id = ?1")
                .setParameter(1, f.deck()).executeUpdate());
        assertEquals(403, assertThrows(ClientFacingException.class,
                () -> editor.update(f.otherViewer(), f.deck(), v1.id(), v1.version(), Drafts.essay())).status(),
                "seeing a public deck is not editing it");
        assertEquals(v1.version(), seed().version());
        assertEquals(404, assertThrows(ClientFacingException.class, () -> editor.get(f.ownerViewer(), "no-such-deck", 1)).status());
        assertEquals(404, assertThrows(ClientFacingException.class, () -> editor.get(f.ownerViewer(), f.deck(), Long.MAX_VALUE)).status());
    }

    /** A read in a fresh persistence context, as a learner's next request would see it. */
    private static <T> T read(java.util.function.Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }

    private long deckId() {
        return QuarkusTransaction.requiringNew().call(() -> Deck.findByExternalId(f.deck()).orElseThrow().id);
    }

    private static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) Panache.getEntityManager().createNativeQuery(sql).getSingleResult()).longValue());
    }
}
