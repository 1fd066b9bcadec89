package io.demodeck.api;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.account.User;
import io.demodeck.platform.ApiException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.RateLimiter;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** Accounts and access tokens for API clients (mobile apps). Pages use form login instead. */
@Path("/api/v1/auth")
@Tag(name = "auth", description = "Accounts and bearer tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@RunOnVirtualThread
public class AuthResource {

    public record Credentials(@Schema(examples = "learner1") String username,
                              @Schema(examples = "correct horse battery") String password) {
    }

    public record Registration(@Schema(examples = "learner1") String username,
                               @Schema(examples = "correct horse battery") String password,
                               @Schema(examples = "ru", description = "ru or en; default ru") String language) {
    }

    public record Account(long id, String username, Set<String> roles, String language) {
    }

    /** @param expiresIn seconds until the access token expires */
    public record Token(String accessToken, String tokenType, long expiresIn) {
    }

    static final String ISSUER = "demodeck";

    private final RateLimiter limiter;

    @Inject
    AccountService accounts;

    @ConfigProperty(name = "demodeck.api.token-lifetime", defaultValue = "PT15M")
    Duration tokenLifetime;

    AuthResource(@ConfigProperty(name = "demodeck.api.auth-requests-per-minute", defaultValue = "20") int perMinute) {
        this.limiter = new RateLimiter(perMinute, Duration.ofMinutes(1));
    }

    @POST
    @Path("register")
    @Operation(summary = "Create a learner account",
            description = "Registers a learner. Usernames are 3 to 64 Latin letters, digits, '.', '_' or '-', unique "
                    + "regardless of case; passwords 8 to 72 characters.")
    @APIResponse(responseCode = "201", description = "the account",
            content = @Content(schema = @Schema(implementation = Account.class)))
    @APIResponse(responseCode = "422", description = "a field is invalid or the username is taken",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "429", description = "too many attempts from this address; see Retry-After")
    public Response register(Registration body, @Context HttpServerRequest request) {
        throttle(request);
        if (body == null) {
            throw ApiException.badRequest("send a JSON object with username, password and language");
        }
        AccountService.NewAccount account = accounts.register(body.username(), body.password(), body.language());
        return Response.status(201).entity(new Account(account.id(), account.username(),
                Role.parse(account.roles()).stream().map(Role::roleName).collect(Collectors.toSet()),
                account.language())).build();
    }

    @POST
    @Path("token")
    @Operation(summary = "Get an access token",
            description = "Exchanges a username and password for a short-lived bearer token (JWT). Send it as "
                    + "'Authorization: Bearer <token>' on every other /api/v1 call.")
    @APIResponse(responseCode = "200", description = "the token",
            content = @Content(schema = @Schema(implementation = Token.class)))
    @APIResponse(responseCode = "401", description = "wrong username or password",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "429", description = "too many attempts from this address; see Retry-After")
    public Token token(Credentials body, @Context HttpServerRequest request) {
        throttle(request);
        if (body == null || body.username() == null || body.password() == null) {
            throw ApiException.badRequest("send a JSON object with username and password");
        }
        User user = accounts.authenticate(body.username(), body.password()).orElseThrow(() ->
                new ApiException(401, "unauthorized", "Unauthorized", "wrong username or password"));
        String jwt = Jwt.issuer(ISSUER).upn(user.username).subject(Long.toString(user.id))
                .groups(Role.parse(user.roles).stream().map(Role::roleName).collect(Collectors.toSet()))
                .expiresIn(tokenLifetime).sign();
        return new Token(jwt, "Bearer", tokenLifetime.toSeconds());
    }

    private void throttle(HttpServerRequest request) {
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long retryAfter = limiter.acquire(client);
        if (retryAfter > 0) {
            throw ApiException.tooManyRequests("too many account requests from this address", retryAfter);
        }
    }
}
