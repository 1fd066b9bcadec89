package io.demodeck.account;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * Signs page requests in from the session cookie ({@value #COOKIE}, see {@link Sessions}). It replaces
 * Quarkus' form authentication, whose encrypted cookie cannot be ended before it expires. Selected for pages
 * by {@code quarkus.http.auth.permission.web.auth-mechanism=session}; {@code /api} takes bearer tokens only.
 */
@ApplicationScoped
public class SessionAuthentication implements HttpAuthenticationMechanism {

    public static final String COOKIE = "demodeck-session";
    public static final String SCHEME = "session";
    /** Identity attributes: the account's id and the session's id. */
    public static final String USER_ID = "demodeck.user-id";
    public static final String SESSION_ID = "demodeck.session-id";

    private static final Uni<SecurityIdentity> NONE = Uni.createFrom().nullItem();

    /** The credential: the cookie's value. */
    static final class SessionRequest extends BaseAuthenticationRequest {
        final String token;

        SessionRequest(String token) {
            this.token = token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return NONE;
        }
        // a cookie the server no longer knows (an expired session) signs nobody in, without failing the request:
        // a page that needs a learner sends to the sign-in page (which says the session expired), and an answer
        // posted meanwhile reaches the study page, which keeps it (io.demodeck.study.PendingAnswers)
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new SessionRequest(cookie.getValue()), context))
                .onFailure(io.quarkus.security.AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // a session cookie the server no longer knows: the session expired (or ended elsewhere), the sign-in page says so
        Cookie stale = context.request().getCookie(COOKIE);
        boolean expired = stale != null && !stale.getValue().isBlank();
        return Uni.createFrom().item(new ChallengeData(302, "Location", expired ? "/login?expired=true" : "/login"));
    }

    @Override
    public Set<Class<? extends io.quarkus.security.identity.request.AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, COOKIE, SCHEME));
    }

    /** Looks the session up (blocking: a database query) and builds the identity with the account's current roles. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<SessionRequest> {

        @Inject
        Sessions sessions;

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.find(request.token).map(Provider::identity).orElse(null));
        }

        private static SecurityIdentity identity(Sessions.Active session) {
            var builder = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(session.username()))
                    .addAttribute(USER_ID, session.userId()).addAttribute(SESSION_ID, session.sessionId());
            Role.parse(session.roles()).forEach(r -> builder.addRole(r.roleName()));
            return builder.build();
        }
    }
}
