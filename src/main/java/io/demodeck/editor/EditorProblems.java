package io.demodeck.editor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.demodeck.platform.ApiProblem;
import io.demodeck.web.ErrorPage;
import io.demodeck.web.Languages;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Locale;

/**
 * The editor's refusals as answers: a rejected draft is 422 with every field and its message (in the language of
 * Accept-Language, English by default), a stale version is 412 with the question as it is now.
 */
public class EditorProblems {

    static final String TYPE_BASE = "https://demodeck.dev/problems/";

    /** The 412 body: a problem document with the question as stored now. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stale(String type, String title, int status, String detail, String instance,
                        EditorViews.QuestionView current) {
    }

    @ServerExceptionMapper
    public Response rejected(DraftRejected e, UriInfo uri, io.vertx.core.http.HttpServerRequest request) {
        String lang = language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        List<ApiProblem.FieldError> errors = e.problems().stream()
                .map(p -> new ApiProblem.FieldError(p.field(), p.message(lang))).toList();
        String detail = "One or more fields are invalid";
        if (!isApi(uri)) {
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE)
                    .entity(ErrorPage.render(422, "Validation failed", detail, errors)).build();
        }
        return Response.status(422).type(ApiProblem.MEDIA_TYPE)
                .entity(new ApiProblem(TYPE_BASE + "validation", "Validation failed", 422, detail, uri.getPath(), errors))
                .header("Content-Language", lang).build();
    }

    @ServerExceptionMapper
    public Response stale(StaleVersion e, UriInfo uri) {
        String detail = "The question was changed meanwhile (now at version " + e.current().version()
                + "); nothing was written. Apply your change to the current version and send it again.";
        if (!isApi(uri)) {
            return Response.status(412).type(MediaType.TEXT_HTML_TYPE)
                    .entity(ErrorPage.render(412, "Precondition Failed", detail, List.of())).build();
        }
        return Response.status(412).type(ApiProblem.MEDIA_TYPE)
                .entity(new Stale(TYPE_BASE + "stale-version", "Precondition Failed", 412, detail, uri.getPath(),
                        e.current()))
                .tag(new EntityTag(e.current().version())).build();
    }

    /**
     * The most preferred supported language of an Accept-Language header as the client sent it (pages rewrite the
     * header to the visitor's chosen language, which the API does not use); English when none is.
     */
    static String language(String acceptLanguage) {
        if (acceptLanguage == null) {
            return "en";
        }
        String best = "en";
        double bestQ = -1;
        for (String part : acceptLanguage.split(",")) {
            String[] pieces = part.strip().split(";");
            String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException ignored) {
                        q = 0;
                    }
                }
            }
            if (q > 0 && q > bestQ && Languages.isSupported(primary)) {
                best = primary;
                bestQ = q;
            }
        }
        return best;
    }

    private static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }
}
