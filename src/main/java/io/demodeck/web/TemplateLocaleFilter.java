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
 * has to remember it. Qute takes a page's locale from Accept-Language, so the request's header is replaced
 * by the resolved choice; the response's Content-Language says which language was used.
 */
public class TemplateLocaleFilter {

    @Inject
    Ui ui;

    @ServerRequestFilter(preMatching = true)
    public void chooseLanguage(ContainerRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, ui.lang());
    }

    @ServerResponseFilter
    public void labelLanguage(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, ui.lang());
            response.getHeaders().add(HttpHeaders.VARY, "Cookie");
        }
    }
}
