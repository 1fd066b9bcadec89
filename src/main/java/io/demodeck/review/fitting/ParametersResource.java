package io.demodeck.review.fitting;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.UUID;
import java.util.function.Supplier;

/** The learner's own FSRS parameters: fitting them to their answers, applying or keeping a fit, the history. */
@Path("/api/v1/me/parameters")
@Tag(name = "Me", description = "The signed-in learner's settings, statistics and review log")
@RolesAllowed(Role.LEARNER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ParametersResource {

    @Inject
    CurrentUser user;

    @Inject
    FitService fits;

    @GET
    @Operation(summary = "Personal FSRS parameters",
            description = "The vector in use (the defaults until one is applied), which vector was used from when "
                    + "(latest first), the number of answers, and whether a new fit is suggested (every 1,000 new "
                    + "answers).")
    @APIResponse(responseCode = "200", description = "The parameters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitViews.Parameters.class)))
    public FitViews.Parameters parameters() {
        return fits.parameters(user.id());
    }

    @POST
    @Path("optimize")
    @Operation(summary = "Fit the parameters to my answers",
            description = "Starts a fit in the background and answers at once with its id; poll GET "
                    + "optimize/{id}. One fit per learner at a time: while one runs, this returns it again. Nothing "
                    + "changes until the fit is applied.")
    @APIResponse(responseCode = "202", description = "The fit, running (Location: where to poll it)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitViews.Fit.class)))
    @APIResponse(responseCode = "429", description = "Every optimizer slot is busy with other learners' fits; see Retry-After",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response optimize() {
        FitViews.Fit fit = call(() -> fits.start(user.id()));
        return Response.accepted(fit).location(URI.create("/api/v1/me/parameters/optimize/" + fit.id())).build();
    }

    @GET
    @Path("optimize/{id}")
    @Operation(summary = "A fit",
            description = "While running: its progress (0-1). When done: the current and the fitted parameters, and "
                    + "both judged on held-out answers (log loss and RMSE(bins); each held-out answer is predicted by a "
                    + "fit on the answers before it), and whether applying is recommended.")
    @APIResponse(responseCode = "200", description = "The fit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitViews.Fit.class)))
    @APIResponse(responseCode = "404", description = "No such fit of this learner",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public FitViews.Fit fit(@PathParam("id") String id) {
        return call(() -> fits.view(user.id(), uuid(id)));
    }

    @POST
    @Path("optimize/{id}/apply")
    @Operation(summary = "Use the fitted parameters",
            description = "From now on intervals are computed with the fitted vector; cards keep their due dates. "
                    + "Logged in the history, so POST restore goes back.")
    @APIResponse(responseCode = "200", description = "The parameters now in use",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitViews.Parameters.class)))
    @APIResponse(responseCode = "404", description = "No such fit of this learner",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "The fit is not done, was already applied or kept, or was not "
            + "better than the current parameters on held-out answers",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public FitViews.Parameters apply(@PathParam("id") String id) {
        return call(() -> fits.apply(user.id(), uuid(id)));
    }

    @POST
    @Path("optimize/{id}/keep")
    @Operation(summary = "Keep my parameters", description = "Records that the learner keeps their vector.")
    @APIResponse(responseCode = "200", description = "The fit, with decision kept",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitViews.Fit.class)))
    @APIResponse(responseCode = "404", description = "No such fit of this learner",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "The fit is not done or was already answered",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public FitViews.Fit keep(@PathParam("id") String id) {
        return call(() -> fits.keep(user.id(), uuid(id)));
    }

    @POST
    @Path("restore")
    @Operation(summary = "Restore the previous parameters",
            description = "Goes back to the vector used before the latest change (the defaults if there was none).")
    @APIResponse(responseCode = "200", description = "The parameters now in use",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FitViews.Parameters.class)))
    @APIResponse(responseCode = "409", description = "The parameters were never changed",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public FitViews.Parameters restore() {
        return call(() -> fits.restorePrevious(user.id()));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ClientFacingException.notFound("fit " + id);
        }
    }

    static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (FitProblem e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> new ClientFacingException(404, "not-found", "Not Found", e.getMessage());
                case CONFLICT -> ClientFacingException.conflict(e.getMessage());
                case BUSY -> ClientFacingException.tooManyRequests(e.getMessage(), e.retryAfterSeconds());
            };
        }
    }
}
