package io.demodeck.account;

import io.demodeck.web.ErrorMappers;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Signing in is needed: the API answers a problem document, a page sends the visitor to the sign-in form. Here, beside
 * the session cookie it reads, rather than in {@link ErrorMappers}, which the accounts use.
 */
public class SignInRequired {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        if (!ErrorMappers.isApi(uri)) {
            // a session cookie that no longer signs in: the session expired, and the sign-in page says so
            var stale = headers.getCookies().get(SessionAuthentication.COOKIE);
            boolean expired = stale != null && stale.getValue() != null && !stale.getValue().isBlank();
            return Response.seeOther(URI.create(expired ? "/login?expired=true" : "/login")).build();
        }
        return ErrorMappers.respond(uri, 401, "unauthorized", "Unauthorized",
                "A valid bearer access token is required (Authorization: Bearer <token>)", List.of(),
                Map.of("WWW-Authenticate", "Bearer"));
    }
}
