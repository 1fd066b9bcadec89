package io.demodeck.study;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;

/**
 * A page form refused by the CSRF filter (a page left open too long, a token from another tab or browser) answers
 * with a readable page in the learner's language and a link back to the page the form came from, never a bare 400.
 */
public class StaleForm {

    @CheckedTemplate(basePath = "StaleForm")
    static class Templates {
        static native TemplateInstance stale(String back);
    }

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !"POST".equals(request.getMethod())
                || request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        response.setEntity(Templates.stale(back(request)), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /** The page the form was on, when it is one of this site's (the Referer's path); otherwise the home page. */
    static String back(ContainerRequestContext request) {
        String referer = request.getHeaderString("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String host = request.getUriInfo().getRequestUri().getHost();
                if (uri.getPath() != null && uri.getPath().startsWith("/") && !uri.getPath().startsWith("//")
                        && (uri.getHost() == null || uri.getHost().equals(host))) {
                    return uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException e) {
                // not an address: the home page
            }
        }
        return "/";
    }
}
