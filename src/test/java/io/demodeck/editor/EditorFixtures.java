package io.demodeck.editor;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.DeckWriter;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.deck.DeckAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The people around one instructor's deck: its owner, a co-editor, another instructor, an admin and a learner,
 * and the deck itself (imported by the owner, one flashcard).
 */
record EditorFixtures(String deck, long ownerId, long coEditorId, long otherId, long adminId, long learnerId,
                      String owner, String coEditor, String other, String admin, String learner) {

    static final String SEED = "seed-1";

    static EditorFixtures create(AccountService accounts, DeckWriter writer) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long owner = accounts.create("ed-owner-" + suffix, ApiClient.PASSWORD, Role.INSTRUCTOR, "en").id();
        long coEditor = accounts.create("ed-co-" + suffix, ApiClient.PASSWORD, Role.INSTRUCTOR, "en").id();
        long other = accounts.create("ed-other-" + suffix, ApiClient.PASSWORD, Role.INSTRUCTOR, "en").id();
        long admin = accounts.create("ed-admin-" + suffix, ApiClient.PASSWORD, Role.ADMIN, "en").id();
        long learner = accounts.create("ed-learner-" + suffix, ApiClient.PASSWORD, Role.LEARNER, "en").id();
        String deck = "editor-" + suffix;
        QuestionContent seed = new QuestionContent(SEED, QuestionType.FLASHCARD, List.of("seed"), List.of(), "imported",
                "en", null, null, null, Map.of("en", new QuestionContent.Text("Seed question?", "Seed answer.",
                List.of(), null, null)), List.of(), 1);
        writer.write(new DeckContent(deck, "en", null, Map.of("en", new DeckContent.Text("Editor deck", null)),
                List.of(seed)), "import", owner);
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "insert into deck_editor (deck_id, user_id, added_by) select id, ?1, ?2 from deck where external_id = ?3")
                .setParameter(1, coEditor).setParameter(2, owner).setParameter(3, deck).executeUpdate());
        return new EditorFixtures(deck, owner, coEditor, other, admin, learner, "ed-owner-" + suffix,
                "ed-co-" + suffix, "ed-other-" + suffix, "ed-admin-" + suffix, "ed-learner-" + suffix);
    }

    DeckAccess.Viewer ownerViewer() {
        return new DeckAccess.Viewer(ownerId, true, false);
    }

    DeckAccess.Viewer coEditorViewer() {
        return new DeckAccess.Viewer(coEditorId, true, false);
    }

    DeckAccess.Viewer otherViewer() {
        return new DeckAccess.Viewer(otherId, true, false);
    }

    DeckAccess.Viewer adminViewer() {
        return new DeckAccess.Viewer(adminId, true, true);
    }

    DeckAccess.Viewer learnerViewer() {
        return new DeckAccess.Viewer(learnerId, false, false);
    }
}
