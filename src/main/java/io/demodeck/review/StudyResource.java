package io.demodeck.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import io.demodeck.api.ApiLanguage;
import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.bank.BankViews;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.State;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** What to study next in a deck, with everything the app needs to show it and the four answer buttons. */
@Path("/api/v1/study")
@Tag(name = "Study", description = "The study queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class StudyResource {

    public static final int MAX_LIMIT = 100;

    /** Where the card goes if the learner answers with {@code rating} now. */
    public record Outcome(Rating rating, int grade, State state, Instant due, long intervalSeconds, int scheduledDays) {
    }

    public record QueueEntry(ApiCard card, BankViews.QuestionDetail question, List<Outcome> outcomes) {
    }

    /** @param counts what is left today: new questions, (re)learning and review cards; null when left out ({@code counts=false}) */
    public record StudyQueue(String deck, ReviewService.QueueCounts counts, List<QueueEntry> items) {
    }

    @Inject
    ReviewService reviews;

    @Inject
    StudyQueues queues;

    @Inject
    CurrentUser user;

    @Inject
    io.demodeck.deck.DeckAccess access;

    @GET
    @Path("queue")
    @Operation(summary = "The next cards to study",
            description = "Due (re)learning cards first, then due reviews, then new questions within today's "
                    + "new-card budget. Each entry has the card state, the question with its answer, and the four "
                    + "previewed outcomes (Again, Hard, Good, Easy) exactly as POST /api/v1/reviews would apply them "
                    + "now. Fetching the queue opens the new questions in it (their cards are created). "
                    + "With counts=false the day's counts are left out (null), which makes the call cheaper.")
    @APIResponse(responseCode = "200", description = "The queue",
            content = @Content(schema = @Schema(implementation = StudyQueue.class)))
    @APIResponse(responseCode = "404", description = "No such deck",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public StudyQueue queue(@QueryParam("deck") @Parameter(description = "the deck's externalId", required = true,
                                    example = "goroutines-threads-processes") @NotBlank String deck,
                            @QueryParam("limit") @Parameter(description = "1 to 100, default 10")
                            @Min(1) @Max(MAX_LIMIT) Integer limit,
                            @QueryParam("lang") @Parameter(description = "ru or en") String lang,
                            @QueryParam("counts") @Parameter(description = "false leaves out the day's counts; default true")
                            Boolean counts,
                            @Context HttpHeaders headers) {
        int size = limit == null ? 10 : limit;
        String language = ApiLanguage.pick(lang, headers);
        access.requireView(io.demodeck.deck.DeckAccess.Viewer.of(user), deck);
        ReviewService.StudyBatch batch = reviews.nextCards(user.id(), deck, Instant.now(), size, counts == null || counts)
                .orElseThrow(() -> ClientFacingException.notFound("Deck " + deck));
        return queues.view(batch, language);
    }
}
