package io.demodeck.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.OversizeBodies;
import io.demodeck.platform.RequestIds;
import io.demodeck.platform.ViolationFields;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns exceptions into responses: {@code application/problem+json} under {@code /api/}, an HTML error page
 * elsewhere. Nothing internal (class names, stack traces) reaches the client. The exceptions of a feature above
 * {@code web} are mapped in that feature through {@link #respond} (the review engine's {@code ReviewErrorMappers},
 * the sign-in redirect of {@code account.SignInRequired}), so that every response is built here.
 */
public class ErrorMappers {

    @jakarta.inject.Inject
    OversizeBodies oversize;

    @jakarta.inject.Inject
    CurrentVertxRequest request;

    @ServerExceptionMapper
    public Response api(ClientFacingException e, UriInfo uri) {
        return respond(uri, e.status(), e.kind(), e.title(), e.getMessage(), e.fieldErrors(), e.headers());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(ViolationFields.of(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        return respond(uri, 422, "validation", "Validation failed", "One or more fields are invalid", errors, Map.of());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return respond(uri, 400, "json-too-complex", "JSON over a limit",
                        "The request body is over a JSON limit: " + readable(limit), List.of(), Map.of());
            }
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(uri, 400, "malformed-json", "Malformed JSON", "The request body is not valid JSON" + where,
                List.of(), Map.of());
    }

    /** JSON that parses but does not fit the expected document: says where, without Java type names. */
    @ServerExceptionMapper
    public Response misshapenJson(MismatchedInputException e, UriInfo uri) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String expected = jsonKind(e.getTargetType());
        return respond(uri, 400, "malformed-json", "Malformed JSON", "The request body does not have the expected shape"
                + (path.isEmpty() ? "" : " at " + path) + (expected == null ? "" : ": expected " + expected),
                List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException shape ? misshapenJson(shape, uri) : unreadableJson(json, uri);
        }
        if (status < 400) {
            return original; // redirects thrown by the security layer keep their meaning
        }
        if (status == 413) {
            return api(oversize.tooLarge(null), uri); // the multipart reader's limit: a body that came without a length
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "Method not allowed on " + uri.getPath();
            case 415 -> "Unsupported content type";
            case 406 -> "Not acceptable";
            default -> e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        };
        return respond(uri, status, kindOf(status), title, detail, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(uri, 403, "forbidden", "Forbidden", "your account's role does not allow this", List.of(), Map.of());
    }

    /**
     * The multipart reader fails with an IOException on a body that is empty or ends early: the client's request is
     * at fault, not the server (a failure reading a stored upload is an UncheckedIOException, a 500 below).
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
            return respond(uri, 400, "malformed-multipart", "Malformed upload", "The multipart body is empty or cut "
                    + "short: send the file to import as the form part 'file', complete", List.of(), Map.of());
        }
        return incident(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (e.getClass().getName().startsWith("io.quarkus.security.")) {
            return null; // other security failures keep Quarkus' own handling
        }
        return incident(e, uri);
    }

    /** A 500: the incident number is the request's id, the same as in the access log line and the log record. */
    private Response incident(Exception e, UriInfo uri) {
        String requestId = RequestIds.of(request.getCurrent());
        String incident = requestId != null ? requestId : UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s on %s", incident, uri.getPath());
        return respond(uri, 500, "internal", "Internal Server Error",
                "Something went wrong on our side (incident " + incident + ")", List.of(), Map.of());
    }

    /** A problem document under /api, the error page elsewhere, with the given extra headers. */
    public static Response respond(UriInfo uri, int status, String kind, String title, String detail,
                                   List<ApiProblem.FieldError> errors, Map<String, String> headers) {
        Response.ResponseBuilder builder;
        if (isApi(uri)) {
            ApiProblem problem = new ApiProblem(ApiProblem.TYPE_BASE + kind, title, status, detail,
                    uri.getPath(), errors.isEmpty() ? null : errors);
            builder = Response.status(status).type(ApiProblem.MEDIA_TYPE).entity(problem);
        } else {
            builder = Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                    .entity(ErrorPage.render(status, title, detail, errors));
        }
        headers.forEach(builder::header);
        return builder.build();
    }

    public static boolean isApi(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/api/") || path.equals("/api");
    }

    private static String kindOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> "http-" + status;
        };
    }

    private static String jsonKind(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == String.class || type.isEnum() || type.getName().startsWith("java.time.")) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** Jackson's message without its pointer into Jackson's own API. */
    private static String readable(StreamConstraintsException e) {
        return e.getOriginalMessage().replaceAll(",? ?from `[^`]*`", "").strip();
    }
}
