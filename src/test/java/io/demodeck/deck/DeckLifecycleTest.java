package io.demodeck.deck;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of a deck's life, on {@link DeckLifecycle} itself: who may do what (owner, co-editor, another instructor,
 * learner, admin), bank decks refused, delete versus archive, purge only by an admin who typed the id, every change
 * recorded.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DeckLifecycleTest {

    static final String GIFT = """
            // [id:q1]
            ::One::Which is one?{=one ~two}

            // [id:q2]
            ::Two::Which is two?{=two ~three}
            """;

    @Inject
    DeckLifecycle decks;

    @Inject
    AccountService accounts;

    @Inject
    EntityManager em;

    record Account(String name, Viewer viewer) {
    }

    private Account account(String prefix, Role role) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long id = accounts.create(name, ApiClient.PASSWORD, role, "en").id();
        return new Account(name, new Viewer(id, role != Role.LEARNER, role == Role.ADMIN));
    }

    private static String newId() {
        return "life-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, DeckLifecycle.Text> title(String en) {
        return Map.of("en", new DeckLifecycle.Text(en, "About " + en));
    }

    private static ClientFacingException refused(int status, Executable call) {
        ClientFacingException e = assertThrows(ClientFacingException.class, call);
        assertEquals(status, e.status(), e.getMessage());
        return e;
    }

    private Deck stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Deck.findByExternalId(id).orElse(null));
    }

    @Test
    void anInstructorCreatesAnEmptyPrivateDeckAndTheIdFollowsTheRules() {
        Account owner = account("own", Role.INSTRUCTOR);
        String id = newId();
        assertEquals(id, decks.create(owner.viewer(), id, "en", Map.of(
                "en", new DeckLifecycle.Text("SQL joins", "Inner, outer"),
                "ru", new DeckLifecycle.Text("Соединения в SQL", ""))));
        DeckLifecycle.Manage m = decks.manage(owner.viewer(), id);
        assertEquals("private", m.visibility());
        assertEquals(owner.name(), m.owner());
        assertEquals("SQL joins", m.title("en"));
        assertEquals("Соединения в SQL", m.title("ru"));
        assertEquals(0, m.learners());
        assertEquals("created", m.changes().getFirst().action());
        assertEquals(owner.name(), m.changes().getFirst().username());

        ClientFacingException bad = refused(422, () -> decks.create(owner.viewer(), "SQL Joins!", "en", title("x")));
        assertEquals("id", bad.fieldErrors().getFirst().field());
        assertTrue(bad.fieldErrors().getFirst().message().contains("sql-joins"), bad.fieldErrors().toString());
        refused(409, () -> decks.create(owner.viewer(), id, "en", title("again")));
        refused(409, () -> decks.create(owner.viewer(), "goroutines-threads-processes", "en", title("bank")));
        assertEquals("texts.en.title", refused(422, () -> decks.create(owner.viewer(), newId(), "en", Map.of()))
                .fieldErrors().getFirst().field());
        assertEquals("language", refused(422, () -> decks.create(owner.viewer(), newId(), "de", title("x")))
                .fieldErrors().getFirst().field());
        refused(403, () -> decks.create(account("lrn", Role.LEARNER).viewer(), newId(), "en", title("x")));
    }

    @Test
    void theIdSuggestedFromATitleIsAValidId() {
        assertEquals("sql-joins-in-practice", DeckLifecycle.suggestId("  SQL joins: in practice! "));
        assertEquals("soedineniya-v-sql", DeckLifecycle.suggestId("Соединения в SQL"));
        assertEquals("cafe-creme", DeckLifecycle.suggestId("Café crème"));
        assertTrue(DeckLifecycle.DECK_ID.matcher(DeckLifecycle.suggestId("Очень ".repeat(40))).matches());
    }

    @Test
    void aCoEditorEditsButNeitherDeletesNorNamesCoEditors() {
        Account owner = account("own", Role.INSTRUCTOR);
        Account coEditor = account("co", Role.INSTRUCTOR);
        Account other = account("oth", Role.INSTRUCTOR);
        Account learner = account("lrn", Role.LEARNER);
        String id = decks.create(owner.viewer(), newId(), "en", title("Shared"));

        assertEquals("username", refused(422, () -> decks.addEditor(owner.viewer(), id, learner.name()))
                .fieldErrors().getFirst().field()); // not an instructor
        refused(422, () -> decks.addEditor(owner.viewer(), id, "nobody-" + UUID.randomUUID()));
        refused(422, () -> decks.addEditor(owner.viewer(), id, owner.name()));
        refused(404, () -> decks.manage(other.viewer(), id)); // a private deck does not exist for them
        decks.addEditor(owner.viewer(), id, coEditor.name());
        assertEquals(List.of(coEditor.name()), decks.manage(owner.viewer(), id).editors());

        decks.describe(coEditor.viewer(), id, Map.of("en", new DeckLifecycle.Text("Shared, edited", ""),
                "ru", new DeckLifecycle.Text("Общая", "")));
        decks.setVisibility(coEditor.viewer(), id, "class");
        String renamed = decks.rename(coEditor.viewer(), id, id + "-2");
        assertEquals("Shared, edited", decks.manage(coEditor.viewer(), renamed).title("en"));
        assertEquals("class", stored(renamed).visibility);

        refused(403, () -> decks.delete(coEditor.viewer(), renamed));
        refused(403, () -> decks.archive(coEditor.viewer(), renamed));
        refused(403, () -> decks.addEditor(coEditor.viewer(), renamed, other.name()));
        refused(403, () -> decks.removeEditor(coEditor.viewer(), renamed, coEditor.name()));
        refused(403, () -> decks.purge(coEditor.viewer(), renamed, renamed));
        refused(403, () -> decks.setVisibility(coEditor.viewer(), renamed, "public"));
        refused(404, () -> decks.rename(other.viewer(), renamed, newId()));

        refused(403, () -> decks.transfer(coEditor.viewer(), renamed, coEditor.name())); // no owner change either

        decks.removeEditor(owner.viewer(), renamed, coEditor.name());
        refused(404, () -> decks.manage(coEditor.viewer(), renamed)); // class deck assigned to no class: not theirs now
        List<String> actions = decks.manage(owner.viewer(), renamed).changes().stream().map(DeckChanges.Change::action).toList();
        assertEquals(List.of("editor-removed", "renamed", "visibility", "described", "editor-added", "created"), actions);
        DeckChanges.Change rename = decks.manage(owner.viewer(), renamed).changes().get(1);
        assertEquals(coEditor.name(), rename.username());
        assertEquals(id + " → " + renamed, rename.detail());
    }

    @Test
    void theOwnerGivesTheDeckAwayAndStaysOnAsCoEditor() {
        Account owner = account("own", Role.INSTRUCTOR);
        Account next = account("nxt", Role.INSTRUCTOR);
        Account admin = account("adm", Role.ADMIN);
        String id = decks.create(owner.viewer(), newId(), "en", title("Handed over"));
        decks.addEditor(owner.viewer(), id, next.name());
        assertEquals("username", refused(422, () -> decks.transfer(owner.viewer(), id, account("lrn", Role.LEARNER).name()))
                .fieldErrors().getFirst().field());
        decks.transfer(owner.viewer(), id, next.name());
        DeckLifecycle.Manage m = decks.manage(next.viewer(), id);
        assertEquals(next.name(), m.owner());
        assertEquals(List.of(owner.name()), m.editors());
        assertEquals("own", m.level());
        assertEquals(owner.name() + " → " + next.name(), m.changes().getFirst().detail());
        refused(403, () -> decks.delete(owner.viewer(), id)); // a co-editor now
        refused(409, () -> decks.transfer(admin.viewer(), "goroutines-threads-processes", next.name()));
        assertEquals(null, stored("goroutines-threads-processes").ownerId);
    }

    @Test
    void onlyAdminsPublishOrUnpublish() {
        Account owner = account("own", Role.INSTRUCTOR);
        Account admin = account("adm", Role.ADMIN);
        String id = decks.create(owner.viewer(), newId(), "en", title("Public one"));
        ClientFacingException e = refused(403, () -> decks.setVisibility(owner.viewer(), id, "public"));
        assertTrue(e.getMessage().contains("Only admins"), e.getMessage());
        decks.setVisibility(admin.viewer(), id, "public");
        assertEquals("public", stored(id).visibility);
        refused(403, () -> decks.setVisibility(owner.viewer(), id, "private"));
        assertEquals("visibility", refused(422, () -> decks.setVisibility(owner.viewer(), id, "everyone"))
                .fieldErrors().getFirst().field());
        decks.setVisibility(admin.viewer(), id, "private");
        assertEquals("private", stored(id).visibility);
    }

    @Test
    void bankDecksCannotBeRenamedArchivedOrDeletedEvenByAdmins() {
        Account admin = account("adm", Role.ADMIN);
        String bank = "goroutines-threads-processes";
        ClientFacingException rename = refused(409, () -> decks.rename(admin.viewer(), bank, "other-name"));
        assertTrue(rename.getMessage().contains("questions/"), rename.getMessage());
        refused(409, () -> decks.delete(admin.viewer(), bank));
        refused(409, () -> decks.archive(admin.viewer(), bank));
        refused(409, () -> decks.purge(admin.viewer(), bank, bank));
        assertTrue(decks.manage(admin.viewer(), bank).bank());
        assertEquals(null, stored(bank).archivedAt);
        refused(403, () -> decks.rename(account("ins", Role.INSTRUCTOR).viewer(), bank, "other-name"));
    }

    @Test
    void archiveHidesTheDeckFromLearnersAndRestoreBringsItBack() {
        Account owner = account("own", Role.INSTRUCTOR);
        Account admin = account("adm", Role.ADMIN);
        Account learner = account("lrn", Role.LEARNER);
        String id = decks.create(owner.viewer(), newId(), "en", title("Archived"));
        decks.setVisibility(admin.viewer(), id, "public");
        assertTrue(decks.canEdit(owner.viewer(), id));
        DeckAccess access = io.quarkus.arc.Arc.container().instance(DeckAccess.class).get();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> access.canView(learner.viewer(), access.idOf(id).orElseThrow())));
        decks.archive(owner.viewer(), id);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> access.canView(learner.viewer(), access.idOf(id).orElseThrow())));
        assertTrue(decks.manage(owner.viewer(), id).archived());
        decks.restore(owner.viewer(), id);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> access.canView(learner.viewer(), access.idOf(id).orElseThrow())));
        assertEquals(List.of("restored", "archived"), decks.manage(owner.viewer(), id).changes().stream()
                .map(DeckChanges.Change::action).limit(2).toList());
    }

    @Test
    void deleteRemovesADeckWithoutHistoryAndArchivesOneWithHistoryUntilAnAdminPurgesIt() {
        Account owner = account("own", Role.INSTRUCTOR);
        Account admin = account("adm", Role.ADMIN);
        Account learner = account("lrn", Role.LEARNER);

        String empty = decks.create(owner.viewer(), newId(), "en", title("Empty"));
        assertEquals(DeckLifecycle.Deleted.DELETED, decks.delete(owner.viewer(), empty));
        assertEquals(null, stored(empty));
        long recorded = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from deck_change where deck_external_id = ?1 and action = 'deleted' and deck_id is null")
                .setParameter(1, empty).getSingleResult()).longValue());
        assertEquals(1, recorded, "the change log outlives the deck");

        String studied = newId();
        given().header("Authorization", "Bearer " + ApiClient.signIn(owner.name()).accessToken())
                .multiPart("file", "d.gift", GIFT.getBytes(StandardCharsets.UTF_8))
                .multiPart("dryRun", "false").multiPart("deck", studied)
                .post("/api/v1/imports").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into card (user_id, question_id, deck_id, due) "
                        + "select ?1, q.id, q.deck_id, now() from question q join deck d on d.id = q.deck_id "
                        + "where d.external_id = ?2 limit 1")
                .setParameter(1, learner.viewer().userId()).setParameter(2, studied).executeUpdate());
        assertEquals(1, decks.manage(owner.viewer(), studied).learners());

        assertEquals(DeckLifecycle.Deleted.ARCHIVED, decks.delete(owner.viewer(), studied));
        assertTrue(stored(studied).archivedAt != null, "archived, not deleted");
        refused(403, () -> decks.purge(owner.viewer(), studied, studied)); // the owner is not an admin
        ClientFacingException untyped = refused(422, () -> decks.purge(admin.viewer(), studied, "something-else"));
        assertEquals("confirm", untyped.fieldErrors().getFirst().field());
        refused(422, () -> decks.purge(admin.viewer(), studied, null));
        assertTrue(stored(studied) != null);

        decks.purge(admin.viewer(), studied, " " + studied + " ");
        assertEquals(null, stored(studied));
        long cards = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from card where user_id = ?1").setParameter(1, learner.viewer().userId())
                .getSingleResult()).longValue());
        assertEquals(0, cards, "the learner's history in the purged deck is gone");
    }
}
