package io.demodeck.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page is rendered in the language the visitor chose ({@link Ui}: cookie, then browser), so no page
 * has to remember it. Qute takes a page's locale from Accept-Language, so a page request's header is replaced
 * by the resolved choice; the response's Content-Language says which language was used. The JSON API under
 * {@code /api/} is left alone: it negotiates its language from the header exactly as the client sent it
 * ({@code ?lang=}, then Accept-Language with its q-values), and the page cookie never reaches it.
 */
public class TemplateLocaleFilter {

    @Inject
    Ui ui;

    @ServerRequestFilter(preMatching = true)
    public void chooseLanguage(ContainerRequestContext request) {
        if (!isApi(request.getUriInfo().getPath())) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, ui.lang());
        }
    }

    @ServerResponseFilter
    public void labelLanguage(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, ui.lang());
            response.getHeaders().add(HttpHeaders.VARY, "Cookie");
        }
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
