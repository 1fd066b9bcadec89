package io.demodeck.platform;

import java.util.List;
import java.util.Map;

/**
 * A failure the client is told about, with its status, kind and the fields at fault: thrown by services, JSON
 * resources and HTML pages alike, and turned into problem+json under /api and into an error page elsewhere by
 * {@code io.demodeck.web.ErrorMappers}.
 */
public class ClientFacingException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<ApiProblem.FieldError> fieldErrors;
    private final Map<String, String> headers;

    public ClientFacingException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, List.of(), Map.of());
    }

    public ClientFacingException(int status, String kind, String title, String detail,
                        List<ApiProblem.FieldError> fieldErrors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.headers = Map.copyOf(headers);
    }

    public static ClientFacingException notFound(String what) {
        return new ClientFacingException(404, "not-found", "Not Found", what + " was not found");
    }

    public static ClientFacingException badRequest(String detail) {
        return new ClientFacingException(400, "bad-request", "Bad Request", detail);
    }

    public static ClientFacingException validation(List<ApiProblem.FieldError> errors) {
        return new ClientFacingException(422, "validation", "Validation failed",
                "One or more fields are invalid", errors, Map.of());
    }

    public static ClientFacingException validation(String field, String message) {
        return validation(List.of(new ApiProblem.FieldError(field, message)));
    }

    public static ClientFacingException conflict(String detail) {
        return new ClientFacingException(409, "conflict", "Conflict", detail);
    }

    public static ClientFacingException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ClientFacingException(429, "too-many-requests", "Too Many Requests", detail, List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<ApiProblem.FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
