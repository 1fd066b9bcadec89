package io.demodeck.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.Valid;
import io.demodeck.api.ApiLanguage;
import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.bank.BankQueries;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    public record ReviewBatch(@NotEmpty @Size(max = ReviewSync.MAX_BATCH) List<ReviewSync.@NotNull @Valid Review> reviews) {
    }

    /**
     * @param next the next cards of the deck after these answers, as GET /api/v1/study/queue returns them; null unless
     *             asked for with {@code next=N}
     */
    public record ReviewBatchResult(List<ReviewSync.Result> results, StudyResource.StudyQueue next) {
    }

    public static final int MAX_NEXT = 50;

    @Inject
    ReviewSync sync;

    @Inject
    StudyQueues queues;

    @Inject
    BankQueries bank;

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
                    + "`card` is the card's state after the whole batch. "
                    + "With next=N the response also carries, as `next`, the next N cards of the deck exactly as "
                    + "GET /api/v1/study/queue returns them after these answers (card, question, four previewed outcomes): "
                    + "one request per answer in an online study session. The deck is `deck` if given, else the deck "
                    + "of the last answer that was not rejected; counts=false leaves the day's counts out (cheaper).")
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
    @APIResponse(responseCode = "404", description = "No deck with the externalId given as `deck` (nothing was applied)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ReviewBatchResult submit(@NotNull @Valid ReviewBatch batch,
                                    @QueryParam("next") @Parameter(description = "0 to " + MAX_NEXT
                                            + ": also return the next N cards to study; default 0")
                                    @Min(0) @Max(MAX_NEXT) Integer next,
                                    @QueryParam("deck") @Parameter(description = "the deck of the next cards (its "
                                            + "externalId); default: the deck of the last answer") String deck,
                                    @QueryParam("counts") @Parameter(description = "with next: false leaves out the "
                                            + "day's counts; default true") Boolean counts,
                                    @QueryParam("lang") @Parameter(description = "with next: ru or en") String lang,
                                    @Context HttpHeaders headers) {
        int size = next == null ? 0 : next;
        String language = size == 0 ? null : ApiLanguage.pick(lang, headers);
        if (size > 0 && deck != null && bank.visibleDeck(io.demodeck.deck.DeckAccess.Viewer.of(user), deck, language).isEmpty()) {
            throw ClientFacingException.notFound("Deck " + deck);
        }
        List<ReviewSync.Review> answers = batch.reviews();
        long userId = user.id();
        List<ReviewSync.Result> results = sync.apply(userId, answers);
        if (size == 0) {
            return new ReviewBatchResult(results, null);
        }
        return new ReviewBatchResult(results,
                queues.after(userId, answers, results, deck, size, counts == null || counts, language).orElse(null));
    }
}
