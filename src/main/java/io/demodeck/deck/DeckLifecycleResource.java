package io.demodeck.deck;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A deck's lifecycle through the API: the same {@link DeckLifecycle} as the manage pages. */
@Path("/api/v1")
@Tag(name = "Deck lifecycle", description = "Create, rename, describe, share, archive, restore, delete and purge decks; the change log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class DeckLifecycleResource {

    public record CreateDeckRequest(
            @Schema(description = "1-100 lower-case Latin letters, digits and hyphens, starting with a letter or digit",
                    examples = "sql-joins") String id,
            @Schema(description = "en (default) or ru: the language the deck is written in") String language,
            @Schema(description = "title and description per language (en, ru); at least one title") Map<String, DeckLifecycle.Text> texts) {
    }

    public record RenameRequest(@Schema(description = "the deck's new id (same rules as at creation)") String newId) {
    }

    public record TextsRequest(@Schema(description = "title and description per language (en, ru); a language left "
            + "out is removed; at least one title") Map<String, DeckLifecycle.Text> texts) {
    }

    public record VisibilityRequest(@Schema(description = "private, class or public (admins only publish or unpublish)")
                                    String visibility) {
    }

    public record PurgeRequest(@Schema(description = "the deck id, typed again to confirm") String confirm) {
    }

    public record DeleteResult(@Schema(description = "deleted, or archived when learners have history in the deck")
                               String outcome, String deck) {
    }

    public record ApiChange(Instant at, String username,
                            @Schema(description = "created, renamed, described, visibility, owner, editor-added, "
                                    + "editor-removed, archived, restored, deleted, purged; imported; question-created, "
                                    + "question-edited, question-retired, question-restored, question-reverted") String action,
                            @Schema(description = "imported: the file; question-edited: the fields changed; "
                                    + "question-reverted: the revision restored; else the old and new value") String detail,
                            @Schema(description = "the question's id, for the editor's changes") String question,
                            @Schema(description = "imported: questions created") Integer created,
                            @Schema(description = "imported: questions updated") Integer updated,
                            @Schema(description = "imported: questions retired (left out of the file)") Integer retired) {
        static ApiChange of(DeckChanges.Change c) {
            return new ApiChange(c.at(), c.username(), c.action(), c.detail(), c.question(), c.created(), c.updated(),
                    c.retired());
        }
    }

    public record ApiDeck(String id, String language, Map<String, DeckLifecycle.Text> texts, String visibility,
                          boolean archived, Instant archivedAt,
                          @Schema(description = "the owner's username; null for the system's decks") String owner,
                          List<String> coEditors,
                          @Schema(description = "a deck of questions/: cannot be renamed or deleted") boolean bank,
                          @Schema(description = "learners with history (cards, answers) in the deck") long learners,
                          @Schema(description = "your level: edit (co-editor) or own (owner, admin)") String access,
                          List<ApiChange> changes) {
        static ApiDeck of(DeckLifecycle.Manage m) {
            return new ApiDeck(m.externalId(), m.originalLanguage(), m.texts(), m.visibility(), m.archived(),
                    m.archivedAt(), m.owner(), m.editors(), m.bank(), m.learners(), m.level(),
                    m.changes().stream().map(ApiChange::of).toList());
        }
    }

    @Inject
    DeckLifecycle decks;

    @Inject
    CurrentUser user;

    private Viewer viewer() {
        return Viewer.of(user);
    }

    private ApiDeck current(String deck) {
        return ApiDeck.of(decks.manage(viewer(), deck));
    }

    @POST
    @Path("decks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an empty deck", description = "Instructors and admins. The deck starts private, owned by the caller.")
    @APIResponse(responseCode = "201", description = "The deck",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiDeck.class)))
    @APIResponse(responseCode = "409", description = "The id is taken",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "An invalid id, language, title or description (the field is named)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response create(CreateDeckRequest body) {
        CreateDeckRequest b = body == null ? new CreateDeckRequest(null, null, null) : body;
        String id = decks.create(viewer(), b.id(), b.language(), b.texts());
        return Response.created(URI.create("/api/v1/decks/" + id + "/manage")).entity(current(id)).build();
    }

    @GET
    @Path("decks/{deck}/manage")
    @Operation(summary = "A deck's settings, co-editors and change log", description = "Its owner, co-editors and admins.")
    @APIResponse(responseCode = "200", description = "The deck",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiDeck.class)))
    @APIResponse(responseCode = "403", description = "Not an editor of the deck",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck, or one the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiDeck manage(@PathParam("deck") String deck) {
        return current(deck);
    }

    @GET
    @Path("decks/{deck}/changes")
    @Operation(summary = "Who changed what in a deck, and when", description = "Newest first; its editors.")
    @APIResponse(responseCode = "200", description = "The changes")
    @APIResponse(responseCode = "403", description = "Not an editor of the deck",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public List<ApiChange> changes(@PathParam("deck") String deck) {
        return decks.changes(viewer(), deck).stream().map(ApiChange::of).toList();
    }

    @PUT
    @Path("decks/{deck}/id")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a deck (give it a new id)", description = "Its editors. The decks of questions/ cannot be renamed (409).")
    @APIResponse(responseCode = "200", description = "The deck under its new id")
    @APIResponse(responseCode = "409", description = "A bank deck, or the new id is taken",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "Not a deck id (field newId)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiDeck rename(@PathParam("deck") String deck, RenameRequest body) {
        return current(decks.rename(viewer(), deck, body == null ? null : body.newId()));
    }

    @PUT
    @Path("decks/{deck}/texts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a deck's titles and descriptions (English, Russian)", description = "Its editors.")
    @APIResponse(responseCode = "200", description = "The deck")
    @APIResponse(responseCode = "409", description = "A deck of the system's question bank (questions/): its file holds its texts",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "A title or description missing or too long (the field is named)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiDeck describe(@PathParam("deck") String deck, TextsRequest body) {
        decks.describe(viewer(), deck, body == null ? null : body.texts());
        return current(deck);
    }

    @PUT
    @Path("decks/{deck}/visibility")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change who sees a deck", description = "private or class: its editors; public: admins only (publish and unpublish).")
    @APIResponse(responseCode = "200", description = "The deck")
    @APIResponse(responseCode = "403", description = "Publishing or unpublishing without being an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "Not private, class or public",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiDeck visibility(@PathParam("deck") String deck, VisibilityRequest body) {
        decks.setVisibility(viewer(), deck, body == null ? null : body.visibility());
        return current(deck);
    }

    @PUT
    @Path("decks/{deck}/editors/{username}")
    @Operation(summary = "Name an instructor as a co-editor", description = "The owner and admins.")
    @APIResponse(responseCode = "200", description = "The deck")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin (co-editors do not name co-editors)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "No such account, or not an instructor (field username)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiDeck addEditor(@PathParam("deck") String deck, @PathParam("username") String username) {
        decks.addEditor(viewer(), deck, username);
        return current(deck);
    }

    @PUT
    @Path("decks/{deck}/owner/{username}")
    @Operation(summary = "Give a deck to another instructor", description = "The owner and admins; the former owner "
            + "stays on as a co-editor. The decks of questions/ belong to the system (409).")
    @APIResponse(responseCode = "200", description = "The deck")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin (co-editors do not change the owner)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "A deck of questions/",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "No such account, or not an instructor (field username)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiDeck transfer(@PathParam("deck") String deck, @PathParam("username") String username) {
        decks.transfer(viewer(), deck, username);
        return current(deck);
    }

    @DELETE
    @Path("decks/{deck}/editors/{username}")
    @Operation(summary = "Take a co-editor off a deck", description = "The owner and admins.")
    @APIResponse(responseCode = "200", description = "The deck")
    @APIResponse(responseCode = "422", description = "Not a co-editor of the deck (field username)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiDeck removeEditor(@PathParam("deck") String deck, @PathParam("username") String username) {
        decks.removeEditor(viewer(), deck, username);
        return current(deck);
    }

    @POST
    @Path("decks/{deck}/archive")
    @Operation(summary = "Archive a deck", description = "Hidden from learners, their history kept, restorable. The owner and admins.")
    @APIResponse(responseCode = "200", description = "The deck")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin (co-editors do not archive)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "A deck of questions/",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiDeck archive(@PathParam("deck") String deck) {
        decks.archive(viewer(), deck);
        return current(deck);
    }

    @POST
    @Path("decks/{deck}/restore")
    @Operation(summary = "Restore an archived deck", description = "The owner and admins.")
    @APIResponse(responseCode = "200", description = "The deck")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin (co-editors do not archive)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiDeck restore(@PathParam("deck") String deck) {
        decks.restore(viewer(), deck);
        return current(deck);
    }

    @DELETE
    @Path("decks/{deck}")
    @Operation(summary = "Delete a deck", description = "The owner and admins. A deck without learner history is deleted; "
            + "one with learner history is archived instead (outcome: archived); an admin may then purge it. The decks "
            + "of questions/ cannot be deleted (409).")
    @APIResponse(responseCode = "200", description = "What happened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeleteResult.class)))
    @APIResponse(responseCode = "409", description = "A deck of questions/",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public DeleteResult delete(@PathParam("deck") String deck) {
        DeckLifecycle.Deleted outcome = decks.delete(viewer(), deck);
        return new DeleteResult(outcome.name().toLowerCase(java.util.Locale.ROOT), deck);
    }

    @POST
    @Path("decks/{deck}/purge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete a deck with its learners' history", description = "Admins only, with the deck id typed "
            + "again as confirm. Export the deck first (GET /api/v1/decks/{deck}/export): nothing brings it back.")
    @APIResponse(responseCode = "200", description = "Purged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeleteResult.class)))
    @APIResponse(responseCode = "422", description = "confirm is not the deck id",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public DeleteResult purge(@PathParam("deck") String deck, PurgeRequest body) {
        decks.purge(viewer(), deck, body == null ? null : body.confirm());
        return new DeleteResult("purged", deck);
    }
}
