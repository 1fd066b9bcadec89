package io.demodeck.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Locale;

/**
 * The interface language of the current request: the {@code lang} cookie, else the browser's
 * Accept-Language, else Russian (the language of the first question bank). Templates read it as
 * {@code {inject:ui.lang}}.
 */
@Named("ui")
@RequestScoped
public class Ui {

    public static final String COOKIE = "lang";

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    private String lang;

    public String lang() {
        if (lang == null) {
            lang = resolve();
        }
        return lang;
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }

    /** The signed-in user's name, or null for an anonymous visitor. */
    public String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public boolean instructor() {
        return identity.hasRole("instructor") || identity.hasRole("admin");
    }

    public boolean admin() {
        return identity.hasRole("admin");
    }

    /**
     * Whether this response can carry forms: the CSRF filter ran and left a token. It did not when the request
     * was refused before reaching the page (a 403 from the security layer), and then the layout leaves out the
     * sign-out form rather than failing.
     */
    public boolean formsAllowed() {
        return routing.get("csrf_token") != null; // the attribute quarkus-rest-csrf sets
    }


    /** The current path and query, for "come back here" links (always local). */
    public String here() {
        String uri = request.uri();
        return uri == null || !uri.startsWith("/") || uri.startsWith("//") ? "/" : uri;
    }

    /** {@link #here()}, URL-encoded for a {@code back=} query parameter. */
    public String hereEncoded() {
        return java.net.URLEncoder.encode(here(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private String resolve() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && Languages.isSupported(cookie.getValue())) {
            return cookie.getValue();
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null) {
            for (String part : accept.split(",")) {
                String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
                if (Languages.isSupported(primary)) {
                    return primary;
                }
            }
        }
        return Languages.DEFAULT;
    }
}
