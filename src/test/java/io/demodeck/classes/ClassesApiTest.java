package io.demodeck.classes;

import io.agroal.api.AgroalDataSource;
import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.api.ApiClient;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static io.demodeck.classes.ClassFixtures.account;
import static io.demodeck.classes.ClassFixtures.createClass;
import static io.demodeck.classes.ClassFixtures.deckOf;
import static io.demodeck.classes.ClassFixtures.invite;
import static io.demodeck.classes.ClassFixtures.join;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 "Classes and what the class knows", through the API: who may do what with a class. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ClassesApiTest {

    static final String PUBLIC_DECK = "goroutines-threads-processes";

    @Inject
    AccountService accounts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onlyInstructorsCreateClassesAndOnlyTheOwnerAndAdminsManageThem() {
        ApiClient owner = account(accounts, "own", Role.INSTRUCTOR);
        ApiClient other = account(accounts, "oth", Role.INSTRUCTOR);
        ApiClient learner = account(accounts, "lrn", Role.LEARNER);
        ApiClient admin = account(accounts, "adm", Role.ADMIN);

        learner.request().body(Map.of("name", "Mine")).post("/api/v1/classes").then().statusCode(403);
        given().contentType("application/json").body(Map.of("name", "x")).post("/api/v1/classes").then().statusCode(401);
        owner.request().body(Map.of("name", "  ")).post("/api/v1/classes").then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        long id = createClass(owner, "Go, spring");

        other.request().get("/api/v1/classes/" + id).then().statusCode(403);
        other.request().body(Map.of("name", "Taken")).put("/api/v1/classes/" + id).then().statusCode(403);
        other.request().body("{}").post("/api/v1/classes/" + id + "/invites").then().statusCode(403);
        learner.request().post("/api/v1/classes/" + id + "/archive").then().statusCode(403);
        admin.request().body(Map.of("name", "Go, autumn")).put("/api/v1/classes/" + id).then().statusCode(200)
                .body("name", equalTo("Go, autumn"));
        owner.request().get("/api/v1/classes/" + id).then().statusCode(200).body("access", equalTo("manage"));
        owner.request().get("/api/v1/classes/999999999").then().statusCode(404);
        owner.request().get("/api/v1/classes").then().statusCode(200).body("teaching.name", org.hamcrest.Matchers.hasItem("Go, autumn"));
        other.request().get("/api/v1/classes").then().statusCode(200).body("teaching.id", not(org.hamcrest.Matchers.hasItem((int) id)));
    }

    @Test
    void assigningAPrivateDeckMakesItAClassDeckAndOthersDecksAreRefused() throws Exception {
        ApiClient owner = account(accounts, "own", Role.INSTRUCTOR);
        ApiClient other = account(accounts, "oth", Role.INSTRUCTOR);
        String deck = deckOf(owner);
        String othersDeck = deckOf(other);
        long id = createClass(owner, "Assign");
        assertEquals("private", visibility(deck));

        owner.request().body(Map.of("newCardsPerDay", 2)).put("/api/v1/classes/" + id + "/decks/" + deck)
                .then().statusCode(200).body("newCardsPerDay", equalTo(2));
        assertEquals("class", visibility(deck));
        owner.request().body("{}").put("/api/v1/classes/" + id + "/decks/" + othersDeck).then().statusCode(403);
        assertEquals("private", visibility(othersDeck));
        owner.request().body("{}").put("/api/v1/classes/" + id + "/decks/" + PUBLIC_DECK).then().statusCode(200);
        assertEquals("public", visibility(PUBLIC_DECK));
        owner.request().body("{}").put("/api/v1/classes/" + id + "/decks/no-such-deck-at-all").then().statusCode(422)
                .body("errors[0].field", equalTo("deck"));
        owner.request().body(Map.of("newCardsPerDay", 10000)).put("/api/v1/classes/" + id + "/decks/" + deck)
                .then().statusCode(422).body("errors[0].field", equalTo("newCardsPerDay"));
        other.request().body("{}").put("/api/v1/classes/" + id + "/decks/" + othersDeck).then().statusCode(403);
        owner.request().get("/api/v1/classes/" + id).then().body("assignedDecks.externalId", equalTo(List.of(deck, PUBLIC_DECK)));
        owner.request().delete("/api/v1/classes/" + id + "/decks/" + PUBLIC_DECK).then().statusCode(204);
        owner.request().delete("/api/v1/classes/" + id + "/decks/" + PUBLIC_DECK).then().statusCode(404);
    }

    @Test
    void onlyTheOwnerOrAnAdminAssignsADeckAndACoEditorIsToldWhy() throws Exception {
        ApiClient owner = account(accounts, "own", Role.INSTRUCTOR);
        ApiClient coEditor = account(accounts, "coe", Role.INSTRUCTOR);
        ApiClient admin = account(accounts, "adm", Role.ADMIN);
        String deck = deckOf(owner);
        owner.request().put("/api/v1/decks/" + deck + "/editors/" + coEditor.username()).then().statusCode(200);
        long coEditorsClass = createClass(coEditor, "Co-editor's own class");

        // the co-editor edits the deck but may not hand it to their own class's learners
        coEditor.request().body("{}").put("/api/v1/classes/" + coEditorsClass + "/decks/" + deck).then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/not-deck-owner"))
                .body("detail", containsString("Only the owner of deck '" + deck + "' and admins may assign it"));
        assertEquals("private", visibility(deck), "a refused assignment changes nothing");
        coEditor.request().get("/api/v1/classes/" + coEditorsClass).then().body("assignedDecks", empty());
        // a public deck stays assignable by any instructor
        coEditor.request().body("{}").put("/api/v1/classes/" + coEditorsClass + "/decks/" + PUBLIC_DECK).then().statusCode(200);

        long ownersClass = createClass(owner, "Owner's class");
        owner.request().body("{}").put("/api/v1/classes/" + ownersClass + "/decks/" + deck).then().statusCode(200);
        long adminsClass = createClass(admin, "Admin's class");
        admin.request().body("{}").put("/api/v1/classes/" + adminsClass + "/decks/" + deck).then().statusCode(200);
        // once it is a class deck, the co-editor still may not add it to another class
        coEditor.request().body("{}").put("/api/v1/classes/" + coEditorsClass + "/decks/" + deck).then().statusCode(403)
                .body("type", endsWith("/not-deck-owner"));
    }

    @Test
    void learnersJoinByCodeSeeTheClassButNotEachOtherAndLeave() {
        ApiClient owner = account(accounts, "own", Role.INSTRUCTOR);
        ApiClient first = account(accounts, "lrn", Role.LEARNER);
        ApiClient second = account(accounts, "lrn", Role.LEARNER);
        ApiClient outsider = account(accounts, "out", Role.LEARNER);
        String deck = deckOf(owner);
        long id = createClass(owner, "Members");
        owner.request().body("{}").put("/api/v1/classes/" + id + "/decks/" + deck).then().statusCode(200);
        String code = invite(owner, id);
        assertTrue(code.length() >= 22, "128 random bits: " + code);

        join(first, code);
        join(first, code); // again: changes nothing
        join(second, code);
        outsider.request().get("/api/v1/classes/" + id).then().statusCode(403);

        first.request().get("/api/v1/classes/" + id).then().statusCode(200).body("access", equalTo("member"))
                .body("members", equalTo(2)).body("memberList", hasSize(0)).body("invites", hasSize(0))
                .body("assignedDecks.externalId", equalTo(List.of(deck)));
        first.request().get("/api/v1/classes").then().body("learning.id", equalTo(List.of((int) id)));
        owner.request().get("/api/v1/classes/" + id).then().body("memberList.username",
                equalTo(List.of(first.username(), second.username()).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList()));

        // members never see each other's numbers, nor does another class's outsider
        first.request().get("/api/v1/classes/" + id + "/dashboard").then().statusCode(403);
        first.request().get("/api/v1/classes/" + id + "/dashboard/learners.csv").then().statusCode(403);
        outsider.request().get("/api/v1/classes/" + id + "/dashboard").then().statusCode(403);
        owner.request().get("/api/v1/classes/" + id + "/dashboard").then().statusCode(200)
                .body("learners.username", hasSize(2));

        first.request().delete("/api/v1/classes/" + id + "/membership").then().statusCode(204);
        first.request().get("/api/v1/classes/" + id).then().statusCode(403);
        first.request().delete("/api/v1/classes/" + id + "/membership").then().statusCode(403);
        owner.request().get("/api/v1/classes/" + id + "/dashboard").then().statusCode(200)
                .body("learners.username", equalTo(List.of(second.username())));
    }

    @Test
    void revokedAndExpiredCodesAreRefusedClearly() throws Exception {
        ApiClient owner = account(accounts, "own", Role.INSTRUCTOR);
        ApiClient learner = account(accounts, "lrn", Role.LEARNER);
        long id = createClass(owner, "Codes");
        var revoked = owner.request().body("{}").post("/api/v1/classes/" + id + "/invites").then().statusCode(201)
                .extract().jsonPath();
        owner.request().delete("/api/v1/classes/" + id + "/invites/" + revoked.getLong("id")).then().statusCode(204);
        learner.request().body(Map.of("code", revoked.getString("code"))).post("/api/v1/classes/join").then()
                .statusCode(410).body("detail", containsString("withdrawn"));

        String expiring = owner.request().body(Map.of("expiresInDays", 1)).post("/api/v1/classes/" + id + "/invites")
                .then().statusCode(201).body("expiresAt", not(equalTo(null))).extract().jsonPath().getString("code");
        sql("update class_invite set expires_at = now() - interval '1 minute' where code = ?", expiring);
        learner.request().body(Map.of("code", expiring)).post("/api/v1/classes/join").then()
                .statusCode(410).body("detail", containsString("expired"));
        learner.request().body(Map.of("code", "no-such-code")).post("/api/v1/classes/join").then().statusCode(404);
        owner.request().body(Map.of("expiresInDays", 0)).post("/api/v1/classes/" + id + "/invites").then().statusCode(422);

        String archivedCode = invite(owner, id);
        owner.request().post("/api/v1/classes/" + id + "/archive").then().statusCode(200).body("archived", equalTo(true));
        learner.request().body(Map.of("code", archivedCode)).post("/api/v1/classes/join").then().statusCode(410);
        owner.request().post("/api/v1/classes/" + id + "/restore").then().statusCode(200);
        join(learner, archivedCode);
    }

    @Test
    void theClassLimitCapsTheNewCardsOfItsDeckOnly() {
        ApiClient owner = account(accounts, "own", Role.INSTRUCTOR);
        ApiClient learner = account(accounts, "lrn", Role.LEARNER);
        String deck = deckOf(owner);
        long id = createClass(owner, "Limits");
        owner.request().body(Map.of("newCardsPerDay", 2)).put("/api/v1/classes/" + id + "/decks/" + deck).then().statusCode(200);
        join(learner, invite(owner, id));

        learner.request().get("/api/v1/study/queue?deck=" + deck + "&limit=10").then().statusCode(200)
                .body("counts.newCards", equalTo(2)).body("items", hasSize(2));
        // the instructor is no member: their own limit (20) applies, so all five questions are new today
        owner.request().get("/api/v1/study/queue?deck=" + deck + "&limit=10").then().statusCode(200)
                .body("counts.newCards", equalTo(5));
        // a lower limit of the learner's own wins
        learner.request().body("""
                {"desiredRetention":0.9,"newCardsPerDay":1,"timeZone":"UTC","dayRolloverHour":4,
                 "learningStepsSeconds":[60,600],"relearningStepsSeconds":[600],"maximumIntervalDays":36500,
                 "fsrsParameters":null}""").put("/api/v1/me/settings").then().statusCode(200);
        learner.request().get("/api/v1/study/queue?deck=" + deck + "&limit=10").then().body("counts.newCards", equalTo(1));
        // leaving the class ends the access its class-only deck gave (the learner's cards stay theirs)
        learner.request().delete("/api/v1/classes/" + id + "/membership").then().statusCode(204);
        learner.request().get("/api/v1/study/queue?deck=" + deck + "&limit=10").then().statusCode(404);
    }

    private String visibility(String deck) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select visibility from deck where external_id = ?")) {
            ps.setString(1, deck);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), deck);
                return rs.getString(1);
            }
        }
    }

    private void sql(String statement, String value) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, value);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
