package io.demodeck.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every {@code /api/v1} error
 * ({@code Content-Type: application/problem+json}).
 *
 * @param type     a URI naming the kind of error; clients switch on it
 * @param errors   for validation failures (422): each field and why it was refused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiProblem(String type, String title, int status, String detail, String instance,
                         List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://demodeck.dev/problems/";

    public record FieldError(String field, String message) {
    }
}
