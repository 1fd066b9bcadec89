package io.demodeck.api;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

import java.util.Locale;

/**
 * The language of Bean Validation messages in an API problem: the one {@link ApiLanguage#ofMessages} picks from the
 * request, so {@code Accept-Language: ru} (or {@code ?lang=ru}) gives Russian field messages. Elsewhere (pages,
 * start-up checks) it says nothing and the other resolvers decide. The locales are listed in
 * {@code quarkus.locales}: Hibernate Validator loads only those bundles.
 */
@Singleton
@Priority(100) // before the extension's own Accept-Language resolver, which does not know ?lang=
public class ApiMessageLocale implements LocaleResolver {

    @Inject
    CurrentVertxRequest request;

    @Override
    public Locale resolve(LocaleResolverContext context) {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext current = request.getCurrent();
        if (current == null || !current.normalizedPath().startsWith("/api/")) {
            return null;
        }
        return Locale.forLanguageTag(ApiLanguage.ofMessages(current.request().getParam("lang"),
                current.request().getHeader("Accept-Language")));
    }
}
