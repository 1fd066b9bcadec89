package io.demodeck.api;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Answers from the app, online or synced later from offline sessions on several devices. */
@Path("/api/v1/reviews")
@Tag(name = "Reviews", description = "Send answers; safe to resend, safe to send late")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.LEARNER_NAME)
@io.demodeck.platform.BodyLimit(256 * 1024) // 500 answers, the most a batch may have, take about 80 KB
@RunOnVirtualThread
public class ReviewResource {

    public record ReviewBatch(List<ReviewSync.Review> reviews) {
    }

    public record ReviewBatchResult(List<ReviewSync.Result> results) {
    }

    @Inject
    ReviewSync sync;

    @Inject
    CurrentUser user;

    @POST
    @Operation(summary = "Send a batch of answers",
            description = "Up to 500 answers, each with a clientReviewId (a UUID the app chooses once per answer), "
                    + "questionId, rating 1-4 (Again, Hard, Good, Easy), reviewedAt (when the learner answered, "
                    + "ISO-8601) and durationMs. Resending an answer changes nothing (status DUPLICATE; the first answer stands even if the resend has another rating), so a batch "
                    + "can be retried after any network failure. Answers are applied per card in reviewedAt order, "
                    + "whatever order they arrive in: an answer older than ones already applied is slotted into the "
                    + "card's history and the later ones are replayed. The results follow the request order; "
                    + "`card` is the card's state after the whole batch.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReviewBatch.class),
            examples = @ExampleObject(name = "one answer", value = """
                    {"reviews":[{"clientReviewId":"0f8e1c3a-5a55-4c1e-9a43-7f2f5d1e2b10","questionId":17,
                                 "rating":3,"reviewedAt":"2026-03-02T09:15:30Z","durationMs":5400}]}""")))
    @APIResponse(responseCode = "200", description = "One result per answer: APPLIED, DUPLICATE (sent before; "
            + "nothing changed), REJECTED (unknown question, or a clientReviewId already used for another question; do not resend) or RETRY (the card kept changing "
            + "concurrently; resend)",
            content = @Content(schema = @Schema(implementation = ReviewBatchResult.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 256 KB",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "401", description = "No valid access token",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "A field of some answer is invalid (nothing was applied); "
            + "`errors` names each one, e.g. reviews[3].rating",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ReviewBatchResult submit(ReviewBatch batch) {
        return new ReviewBatchResult(sync.apply(user.id(), batch == null ? null : batch.reviews()));
    }
}
