package io.demodeck.settings;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.BodyLimit;
import io.demodeck.review.InvalidSettingsException;
import io.demodeck.review.ReviewService;
import io.demodeck.review.StudySettings;
import io.demodeck.review.StudySettingsService;
import io.demodeck.stats.StatsService;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The signed-in learner's own settings, statistics and review history. */
@Path("/api/v1/me")
@Tag(name = "Me", description = "The signed-in learner's settings, statistics and review log")
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class MeResource {

    @Inject
    CurrentUser user;

    @Inject
    StudySettingsService settings;

    @Inject
    StatsService stats;

    @Inject
    ReviewService reviews;

    @GET
    @Path("settings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Study settings",
            description = "Desired retention, new cards per day, time zone and day rollover hour, learning and "
                    + "relearning steps, maximum interval, the personal FSRS parameters (null: the defaults) and the "
                    + "maximum number of review cards per day (maxReviewsPerDay, all decks together).")
    @APIResponse(responseCode = "200", description = "The settings (defaults until changed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudySettings.class)))
    public StudySettings settings() {
        return settings.get(user.id());
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the study settings",
            description = "Replaces every setting; send the full document as GET returns it. A client written before "
                    + "maxReviewsPerDay existed may leave it out: the stored value stays.")
    @APIResponse(responseCode = "200", description = "The stored settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StudySettings.class)))
    @APIResponse(responseCode = "422", description = "A setting is out of range; `errors` names it and says why",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class),
                    examples = @ExampleObject(name = "retention", value = """
                            {"type":"https://demodeck.dev/problems/validation","title":"Validation failed","status":422,
                             "detail":"One or more fields are invalid","instance":"/api/v1/me/settings",
                             "errors":[{"field":"desiredRetention","message":"must be between 0.70 and 0.99, got 0.5"}]}""")))
    @BodyLimit(16 * 1024) // the full document is under 1 KB
    public StudySettings updateSettings(StudySettings body) {
        try {
            return settings.update(user.id(), body);
        } catch (InvalidSettingsException e) {
            String why = e.getMessage().substring(e.field().length() + 2); // the message is "field: why"
            throw ClientFacingException.validation(e.field(), why);
        }
    }

    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statistics",
            description = "The numbers behind the stats page, in the learner's study days: reviews per day for "
                    + "the last year, cards due per day for the next 30 days, true retention per week (share of "
                    + "review-state answers that were not Again; null for a week without any), cards by state, "
                    + "the current streak and the total number of reviews.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsService.Stats.class)))
    public StatsService.Stats stats() {
        return stats.of(user.id(), Instant.now());
    }

    @GET
    @Path("reviews.csv")
    @Produces("text/csv")
    @Operation(summary = "Review log export",
            description = "Every answer still in effect, oldest first, as CSV in the layout FSRS optimizers read: "
                    + "card_id,review_time (epoch ms),review_rating (1-4),review_state (before the answer),"
                    + "review_duration (ms).")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = """
                    card_id,review_time,review_rating,review_state,review_duration
                    17,1764201600000,3,0,5400""")))
    public Response reviewLog() {
        long userId = user.id();
        StreamingOutput csv = out -> reviews.exportReviewLogCsv(userId,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"demodeck-reviews.csv\"").build();
    }
}
