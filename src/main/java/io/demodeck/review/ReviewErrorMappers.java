package io.demodeck.review;

import io.demodeck.web.ErrorMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/**
 * The review engine's domain exceptions as responses: a page and the API answer the same status. Here rather than in
 * {@link ErrorMappers}, which the layers below the review engine use.
 */
public class ReviewErrorMappers {

    /** A card that changed under every retry of a grade or undo (other devices answering at the same moment). */
    @ServerExceptionMapper
    public Response reviewConflict(ReviewConflictException e, UriInfo uri) {
        return ErrorMappers.respond(uri, 409, "conflict", "Conflict", "The card was changed elsewhere at the same "
                + "moment (another device or tab); try again", List.of(), Map.of("Retry-After", "1"));
    }

    /** A client review id already used for an answer to another question: a client bug, named in the message. */
    @ServerExceptionMapper
    public Response reviewIdReused(ReviewIdReusedException e, UriInfo uri) {
        return ErrorMappers.respond(uri, 409, "conflict", "Conflict", e.getMessage(), List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response unknownQuestion(UnknownQuestionException e, UriInfo uri) {
        return ErrorMappers.respond(uri, 404, "not-found", "Not Found", e.getMessage(), List.of(), Map.of());
    }
}
