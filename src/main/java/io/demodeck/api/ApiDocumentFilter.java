package io.demodeck.api;

import io.demodeck.platform.ApiProblem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.List;
import java.util.Map;

/**
 * Keeps the OpenAPI document to the JSON API, and adds the problem responses every operation shares, so resources
 * annotate only what is particular to an operation (a 404 or a 409 and what it means there):
 * <ul>
 *     <li>401 and 403 on secured operations (a bearer token is required, the token's role decides);</li>
 *     <li>422 on operations with a body or query parameters (Bean Validation and the hand checks), 413 with a body
 *     (every body has a limit, {@link io.demodeck.platform.BodyLimit});</li>
 *     <li>429 on {@code /api/v1/auth/**} (the per-address throttle).</li>
 * </ul>
 * Each is an {@code application/problem+json} {@link ApiProblem}. A response an operation declares itself (with its
 * content) keeps its meaning.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "ApiProblem";

    private static final Map<String, String> SHARED = Map.of(
            "401", "No valid access token (Authorization: Bearer <token>)",
            "403", "The token's role does not allow this operation",
            "413", "The body is larger than this operation accepts",
            "422", "Invalid input: `errors` names each field as the client sent it (a query parameter by its name, a "
                    + "body property by its JSON path such as reviews[3].rating) and says why, in the request's "
                    + "language (?lang= or Accept-Language; English by default)",
            "429", "Too many requests from this address; see Retry-After");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // the HTML pages are JAX-RS resources too (in several feature packages), so excluding packages would also
        // drop API resources that live next to them
        List<String> pages = openAPI.getPaths().getPathItems().keySet().stream()
                .filter(path -> !path.startsWith("/api/")).toList();
        pages.forEach(openAPI.getPaths()::removePathItem);
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (secured(operation, securedByDefault)) {
                shared(operation, "401");
                shared(operation, "403");
            }
            if (operation.getRequestBody() != null) {
                shared(operation, "413");
                shared(operation, "422");
            } else if (hasQueryParameters(operation)) {
                shared(operation, "422");
            }
            if (path.startsWith("/api/v1/auth/")) {
                shared(operation, "429");
            }
        }));
    }

    private static boolean secured(Operation operation, boolean securedByDefault) {
        List<SecurityRequirement> security = operation.getSecurity();
        return security == null ? securedByDefault : !security.isEmpty();
    }

    private static boolean hasQueryParameters(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    }

    /** The shared response for {@code code}, unless the operation declares its own; either way with the problem. */
    private static void shared(Operation operation, String code) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(code, response);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            // none, or the bare default the security extension adds ("Not Authorized", "Not Allowed"): every
            // response a resource declares has its content
            response.description(SHARED.get(code)).setContent(problem());
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(ApiProblem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
