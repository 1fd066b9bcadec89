package io.demodeck.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page is rendered in the language the visitor chose ({@link Ui}), so no page has to remember it;
 * the {@code Content-Language} header says which one was used.
 */
public class TemplateLocaleFilter {

    @Inject
    Ui ui;

    @ServerResponseFilter
    public void localize(ContainerResponseContext response) {
        if (response.getEntity() instanceof TemplateInstance page) {
            page.setLocale(ui.locale());
            response.getHeaders().putSingle("Content-Language", ui.lang());
            response.getHeaders().putSingle("Vary", "Accept-Language, Cookie");
        }
    }
}
