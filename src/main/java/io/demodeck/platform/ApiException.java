package io.demodeck.platform;

import java.util.List;
import java.util.Map;

/**
 * A failure a client can act on. Thrown by services and resources, turned into problem+json for the
 * API and into an error page for HTML by {@link ErrorMappers}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<ApiProblem.FieldError> fieldErrors;
    private final Map<String, String> headers;

    public ApiException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, List.of(), Map.of());
    }

    public ApiException(int status, String kind, String title, String detail,
                        List<ApiProblem.FieldError> fieldErrors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not Found", what + " was not found");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad Request", detail);
    }

    public static ApiException validation(List<ApiProblem.FieldError> errors) {
        return new ApiException(422, "validation", "Validation failed",
                "One or more fields are invalid", errors, Map.of());
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new ApiProblem.FieldError(field, message)));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "too-many-requests", "Too Many Requests", detail, List.of(),
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
