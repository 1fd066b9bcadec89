package io.demodeck.demo;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.BodyLimit;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** JSON API of the demos: what can be run, and one run. Anonymous access is allowed. */
@Path("/api/v1/demos")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demos", description = "Executable demos measured live on this server")
@PermitAll
@RunOnVirtualThread
public class DemoApi {

    /** One demo and what its presets run. */
    public record DemoInfo(String id, Text title, Text explanation, List<PresetInfo> presets) {
    }

    public record PresetInfo(String id, Map<String, Integer> sizes) {
    }

    /** The body of a run request; other fields are collected only to be refused by name. */
    public record RunRequest(@Schema(enumeration = {"small", "medium", "large"}, required = true) String preset,
                             @JsonAnySetter @Schema(hidden = true) Map<String, Object> otherFields) {
    }

    @Inject
    DemoService demos;

    @Inject
    HttpServerRequest request;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List the demos", description = "Every demo with its titles, explanation and the sizes of each preset.")
    @APIResponse(responseCode = "200", description = "The demos")
    @APIResponse(responseCode = "406", description = "The Accept header does not allow JSON")
    public List<DemoInfo> list() {
        return demos.catalog().stream().map(DemoApi::info).toList();
    }

    @POST
    @Path("{id}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a demo", description = "Measures the demo with a preset in a short-lived child JVM, "
            + "or returns a recent cached result (see measuredAt and cached).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RunRequest.class)))
    @APIResponse(responseCode = "200", description = "The measured result",
            content = @Content(schema = @Schema(implementation = DemoResult.class)))
    @APIResponse(responseCode = "400", description = "Unknown preset or unknown fields",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "Unknown demo",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "429", description = "The client already has a run, the line is full or the client's rate limit is reached; see Retry-After",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "503", description = "The demo could not be measured (the child JVM failed or timed out)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 4 KB",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @BodyLimit(4 * 1024) // {"preset":"medium"} is 19 bytes
    public DemoResult run(@PathParam("id") String id, RunRequest body) {
        DemoCatalog demo = DemoCatalog.byId(id).orElseThrow(() -> ClientFacingException.notFound("Demo '" + id + "'"));
        return demos.run(demo, presetOf(body), DemoClients.key(security, request));
    }

    @GET
    @Path("queue")
    @Operation(summary = "Where my demo run stands", description = "Runs wait in a fair line (one per client); "
            + "state is running, waiting (with a 1-based position) or none.")
    @APIResponse(responseCode = "200", description = "The caller's position in the line")
    @APIResponse(responseCode = "406", description = "The Accept header does not allow JSON")
    public RunGate.Position queue() {
        return demos.position(DemoClients.key(security, request));
    }

    /** Only {"preset": "small|medium|large"} is accepted; anything else is a 400 that says what is allowed. */
    static Preset presetOf(RunRequest body) {
        if (body == null) {
            throw ClientFacingException.badRequest("The body must be a JSON object {\"preset\": ...}; preset must be one of "
                    + Preset.allowed());
        }
        if (body.otherFields() != null && !body.otherFields().isEmpty()) {
            throw ClientFacingException.badRequest("Unknown field '" + body.otherFields().keySet().iterator().next()
                    + "': the only field is preset, one of " + Preset.allowed());
        }
        return Preset.parse(body.preset());
    }

    static DemoInfo info(DemoCatalog d) {
        return new DemoInfo(d.id(), d.titles(), d.explanation(), Arrays.stream(Preset.values())
                .map(p -> new PresetInfo(p.id(), d.sizes(p))).toList());
    }
}
