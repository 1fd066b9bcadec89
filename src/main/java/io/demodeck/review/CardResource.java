package io.demodeck.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The learner's own cards: one by question, or every change since the app last synced. */
@Path("/api/v1/cards")
@Tag(name = "Cards", description = "Scheduling state of the learner's cards, for incremental sync")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class CardResource {

    static final int MAX_CHANGES = 1000;

    @Inject
    ReviewService reviews;

    @Inject
    CardChanges changes;

    @Inject
    CurrentUser user;

    @GET
    @Path("changes")
    @Operation(summary = "Cards changed since a cursor",
            description = "Start without `since` for every card; store `nextCursor` and pass it as `since` next "
                    + "time to get only the cards that changed (answers from any device, undo). While `hasMore` is "
                    + "true, call again at once. Changes from the last couple of seconds are held back until they "
                    + "have settled, so none is ever skipped.")
    @APIResponse(responseCode = "200", description = "Changed cards, oldest change first",
            content = @Content(schema = @Schema(implementation = CardChanges.Changes.class)))
    @APIResponse(responseCode = "400", description = "Malformed cursor",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public CardChanges.Changes changes(@QueryParam("since") @Parameter(description = "nextCursor of the last call") String since,
                                       @QueryParam("limit") @Parameter(description = "1 to 1000, default 500")
                                       @Min(1) @Max(MAX_CHANGES) Integer limit) {
        int size = limit == null ? 500 : limit;
        return changes.since(user.id(), since, size);
    }

    @GET
    @Path("{questionId}")
    @Operation(summary = "The card of one question",
            description = "state (NEW, LEARNING, REVIEW, RELEARNING), learning step, FSRS stability and "
                    + "difficulty, due, lastReview, reps and lapses.")
    @APIResponse(responseCode = "200", description = "The card",
            content = @Content(schema = @Schema(implementation = ApiCard.class)))
    @APIResponse(responseCode = "404", description = "The learner has not opened or answered this question",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiCard card(@PathParam("questionId") long questionId) {
        return reviews.card(user.id(), questionId).map(ApiCard::of)
                .orElseThrow(() -> ClientFacingException.notFound("Card for question " + questionId));
    }
}
