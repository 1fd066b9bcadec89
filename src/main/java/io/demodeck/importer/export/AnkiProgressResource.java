package io.demodeck.importer.export;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A learner takes a deck and their own progress on it to Anki. Thin: the work is in {@link DeckExports}. */
@Path("/api/v1/me/decks/{deck}/progress.apkg")
@Tag(name = "Me", description = "The signed-in learner's settings, statistics and review log")
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class AnkiProgressResource {

    @Inject
    DeckExports exports;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "The deck as an Anki package with my progress",
            description = "An .apkg for Anki 2.1.50+ (see GET /api/v1/decks/{deck}/export?format=apkg) whose cards carry "
                    + "the signed-in learner's own state (new, learning, review, relearning, suspended; due; interval; "
                    + "FSRS stability and difficulty in the card's data) and whose review log holds their answers still "
                    + "in effect. Nobody else's progress is ever in it. What Anki cannot hold is counted in the "
                    + "X-Export-Warnings header")
    @APIResponse(responseCode = "200", description = "the package, with a Content-Disposition file name")
    @APIResponse(responseCode = "404", description = "no such deck, or not one this learner may see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response export(@PathParam("deck") String deck) {
        Exported exported = exports.ankiWithProgress(deck, DeckAccess.Viewer.of(user))
                .orElseThrow(() -> ClientFacingException.notFound("Deck " + deck));
        return download(deck, exported);
    }

    /** The package as a download named after the deck. */
    static Response download(String deck, Exported exported) {
        String fileName = io.demodeck.importer.MediaFile.storedName(deck) + "-progress." + exported.extension();
        jakarta.ws.rs.core.StreamingOutput body = exported.body()::writeTo;
        return Response.ok(body, exported.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("X-Export-Warnings", exported.warnings().size())
                .build();
    }
}
