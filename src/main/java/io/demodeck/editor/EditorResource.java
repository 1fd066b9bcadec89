package io.demodeck.editor;

import jakarta.validation.constraints.NotNull;
import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess;
import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.ClientFacingException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * The question editor for API clients: the deck's owner, co-editors and admins write questions through
 * {@link QuestionEditor}. Every question carries its version as an ETag; a change must name it in If-Match, so two
 * editors never overwrite each other silently.
 */
@Path("/api/v1")
@Tag(name = "Question editor", description = "Create, edit, retire, restore and reorder a deck's questions; revisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class EditorResource {

    /** @param by places to move: negative moves up (towards the start of the deck) */
    public record Move(@Schema(description = "places to move; negative moves up", example = "-1") Integer by) {
    }

    @Inject
    QuestionEditor editor;

    @Inject
    CurrentUser user;

    private DeckAccess.Viewer viewer() {
        return DeckAccess.Viewer.of(user);
    }

    @GET
    @Path("decks/{deck}/questions/{id}")
    @Operation(summary = "A question as its editors see it",
            description = "Every field of the question in both languages, with its version as the ETag.")
    @APIResponse(responseCode = "200", description = "The question; ETag = its version",
            content = @Content(schema = @Schema(implementation = EditorViews.QuestionView.class)))
    @APIResponse(responseCode = "403", description = "The caller may see the deck but not edit it",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck or question, or a deck the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response get(@PathParam("deck") @Parameter(description = "the deck's externalId") String deck,
                        @PathParam("id") @Parameter(description = "the question's id") long id) {
        return withVersion(Response.ok(), editor.get(viewer(), deck, id));
    }

    @POST
    @Path("decks/{deck}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a question",
            description = "Adds a question at the end of the deck. Every field is checked; all problems are "
                    + "listed at once, each with its field path (texts.en.options[1].fraction) and a message in the "
                    + "language of Accept-Language (English by default).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the new question",
            content = @Content(schema = @Schema(implementation = EditorViews.QuestionView.class)))
    @APIResponse(responseCode = "403", description = "The caller may see the deck but not edit it",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck, or one the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "A deck of the system's question bank (questions/): its file is changed, not the deck",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "The draft breaks rules: each field and why",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response create(@PathParam("deck") @Parameter(description = "the deck's externalId") String deck,
                           @NotNull QuestionDraft draft) {
        EditorViews.QuestionView created = editor.create(viewer(), deck, draft);
        return withVersion(Response.created(URI.create("/api/v1/decks/" + deck + "/questions/" + created.id())), created);
    }

    @PUT
    @Path("decks/{deck}/questions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a question",
            description = "Replaces the question's content; its id, its learners' cards and their history stay. "
                    + "If-Match must carry the ETag the edit was made from.")
    @APIResponse(responseCode = "200", description = "Saved (a new revision); ETag = the new version",
            content = @Content(schema = @Schema(implementation = EditorViews.QuestionView.class)))
    @APIResponse(responseCode = "403", description = "The caller may see the deck but not edit it",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck or question, or a deck the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "A deck of the system's question bank (questions/): its file is changed, not the deck",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "412", description = "The question changed since that version: nothing was written; "
            + "`current` is the question as stored now (and the ETag its version)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = EditorProblems.Stale.class)))
    @APIResponse(responseCode = "422", description = "The draft breaks rules: each field and why",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response update(@PathParam("deck") @Parameter(description = "the deck's externalId") String deck,
                           @PathParam("id") @Parameter(description = "the question's id") long id,
                           @HeaderParam("If-Match") @Parameter(description = "the ETag of the version edited") String ifMatch,
                           @NotNull QuestionDraft draft) {
        editor.writableDeck(viewer(), deck); // who may not edit (or a bank deck) learns that first, whatever they sent
        String version = version(ifMatch);
        return withVersion(Response.ok(), editor.update(viewer(), deck, id, version, draft));
    }

    @DELETE
    @Path("decks/{deck}/questions/{id}")
    @Operation(summary = "Retire a question",
            description = "Takes the question out of study. Nothing is deleted: learners' cards and history stay, "
                    + "and POST .../restore brings it back. If-Match must carry the current ETag.")
    @APIResponse(responseCode = "200", description = "Retired; ETag = the new version",
            content = @Content(schema = @Schema(implementation = EditorViews.QuestionView.class)))
    @APIResponse(responseCode = "403", description = "The caller may see the deck but not edit it",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck or question, or a deck the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "A deck of the system's question bank (questions/): its file is changed, not the deck",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "412", description = "The question changed since that version",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = EditorProblems.Stale.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response retire(@PathParam("deck") String deck, @PathParam("id") long id,
                           @HeaderParam("If-Match") @Parameter(description = "the current ETag") String ifMatch) {
        editor.writableDeck(viewer(), deck); // who may not edit (or a bank deck) learns that first, whatever they sent
        String version = version(ifMatch);
        return withVersion(Response.ok(), editor.retire(viewer(), deck, id, version));
    }

    @POST
    @Path("decks/{deck}/questions/{id}/restore")
    @Operation(summary = "Restore a retired question",
            description = "Brings the question back into study with its learners' cards as they were.")
    @APIResponse(responseCode = "200", description = "Active again; ETag = the new version",
            content = @Content(schema = @Schema(implementation = EditorViews.QuestionView.class)))
    @APIResponse(responseCode = "403", description = "The caller may see the deck but not edit it",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck or question, or a deck the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "A deck of the system's question bank (questions/): its file is changed, not the deck",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "412", description = "The question changed since that version",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = EditorProblems.Stale.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response restore(@PathParam("deck") String deck, @PathParam("id") long id,
                            @HeaderParam("If-Match") @Parameter(description = "the current ETag") String ifMatch) {
        editor.writableDeck(viewer(), deck); // who may not edit (or a bank deck) learns that first, whatever they sent
        String version = version(ifMatch);
        return withVersion(Response.ok(), editor.restore(viewer(), deck, id, version));
    }

    @POST
    @Path("decks/{deck}/questions/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a question in the deck",
            description = "Moves an active question `by` places among the deck's active questions (negative: up). "
                    + "The content does not change, so no version is needed.")
    @APIResponse(responseCode = "200", description = "The deck's active questions in their new order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EditorViews.QuestionView.class)))
    @APIResponse(responseCode = "403", description = "The caller may see the deck but not edit it",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck or question, or a deck the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "The question is retired, or the deck is one of the system's question bank (questions/)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "`by` is missing or zero",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public List<EditorViews.QuestionView> move(@PathParam("deck") String deck, @PathParam("id") long id, Move move) {
        if (move == null || move.by() == null || move.by() == 0) {
            throw ClientFacingException.validation("by", "a whole number of places, not 0 (negative moves up)");
        }
        return editor.move(viewer(), deck, id, move.by());
    }

    @GET
    @Path("decks/{deck}/questions/{id}/revisions")
    @Operation(summary = "A question's revisions", description = "Every save: who, when, what changed; newest first.")
    @APIResponse(responseCode = "200", description = "The revisions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EditorViews.RevisionView.class)))
    @APIResponse(responseCode = "403", description = "The caller may see the deck but not edit it",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck or question, or a deck the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public List<EditorViews.RevisionView> revisions(@PathParam("deck") String deck, @PathParam("id") long id) {
        return editor.revisions(viewer(), deck, id);
    }

    @POST
    @Path("decks/{deck}/questions/{id}/revisions/{number}/restore")
    @Operation(summary = "Restore an earlier revision",
            description = "The question gets the content of that revision back; the restore is itself a new revision. "
                    + "If-Match must carry the current ETag.")
    @APIResponse(responseCode = "200", description = "Restored; ETag = the new version",
            content = @Content(schema = @Schema(implementation = EditorViews.QuestionView.class)))
    @APIResponse(responseCode = "403", description = "The caller may see the deck but not edit it",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such deck, question or revision",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "A deck of the system's question bank (questions/): its file is changed, not the deck",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "412", description = "The question changed since that version",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = EditorProblems.Stale.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response revert(@PathParam("deck") String deck, @PathParam("id") long id,
                           @PathParam("number") @Parameter(description = "the revision's number") int number,
                           @HeaderParam("If-Match") @Parameter(description = "the current ETag") String ifMatch) {
        editor.writableDeck(viewer(), deck); // who may not edit (or a bank deck) learns that first, whatever they sent
        String version = version(ifMatch);
        return withVersion(Response.ok(), editor.revert(viewer(), deck, id, number, version));
    }

    static Response withVersion(Response.ResponseBuilder response, EditorViews.QuestionView view) {
        return response.entity(view).tag(new EntityTag(view.version())).build();
    }


    /** The version If-Match names: {@code "abc"}, {@code W/"abc"} or bare {@code abc}; 428 without one. */
    static String version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ClientFacingException(428, "precondition-required", "Precondition Required",
                    "Send If-Match with the question's ETag (from GET or the last write), so a change made meanwhile "
                            + "by another editor is never overwritten");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }
}
