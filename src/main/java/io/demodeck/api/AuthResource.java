package io.demodeck.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.account.SignInGuard;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.BodyLimit;
import io.smallrye.common.annotation.RunOnVirtualThread;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Accounts and tokens for mobile clients. Every call here counts against the caller's address budget. */
@Path("/api/v1/auth")
@Tag(name = "Authentication", description = "Register, sign in for tokens, refresh them, sign out")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@RunOnVirtualThread
@BodyLimit(4 * 1024) // a name and a password, or a refresh token
public class AuthResource {

    public record RegisterRequest(
            @Schema(examples = "anna.k", description = "3-64 characters: Latin letters, digits, '.', '_', '-'") String username,
            @Schema(examples = "correct horse battery", description = "at least 10 characters, at most 72 bytes of "
                    + "UTF-8, not only spaces, not a common password") String password,
            @Schema(examples = "en", description = "ru or en; ru when absent") String language) {
    }

    public record Account(long id, String username, List<String> roles, String language) {
    }

    public record TokenRequest(@Schema(examples = "anna.k") @NotBlank String username,
                               @Schema(examples = "correct horse battery") @NotEmpty String password) {
    }

    public record RefreshRequest(@Schema(description = "the refresh token from the last token or refresh response")
                                 @NotBlank String refreshToken) {
    }

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    @Inject
    AuthThrottle throttle;

    @Inject
    SignInGuard guard;

    @POST
    @Path("register")
    @Operation(summary = "Create a learner account",
            description = "Creates an account with the learner role. Sign in with POST /api/v1/auth/token afterwards.")
    @APIResponse(responseCode = "201", description = "The new account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Account.class)))
    @APIResponse(responseCode = "422", description = "Invalid or taken username, invalid password or language; "
            + "`errors` lists each field and why",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class),
                    examples = @ExampleObject(name = "taken", value = """
                            {"type":"https://demodeck.dev/problems/validation","title":"Validation failed","status":422,
                             "detail":"One or more fields are invalid","instance":"/api/v1/auth/register",
                             "errors":[{"field":"username","message":"this username is taken"}]}""")))
    @APIResponse(responseCode = "429", description = "Too many auth requests or registrations from this address "
            + "(the registration page shares the budget), or too many failed registrations; see Retry-After",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response register(RegisterRequest body, @Context HttpServerRequest request) {
        throttle.checkAddress(request);
        String address = SignInGuard.clientAddress(request);
        guard.checkRegistration(address);
        RegisterRequest r = body == null ? new RegisterRequest(null, null, null) : body;
        AccountService.NewAccount created;
        try {
            created = accounts.register(r.username() == null ? null : r.username().strip(), r.password(), r.language());
        } catch (ClientFacingException e) {
            guard.registrationFailed(address);
            throw e;
        }
        List<String> roles = Role.parse(created.roles()).stream().map(Role::roleName).toList();
        return Response.status(Response.Status.CREATED).entity(new Account(created.id(), created.username(), roles, created.language())).build();
    }

    @POST
    @Path("token")
    @Operation(summary = "Sign in for tokens",
            description = "Exchanges a username and password for a short-lived access token (a JWT for the "
                    + "Authorization: Bearer header, about 15 minutes) and a refresh token (opaque, single use, "
                    + "30 days). Keep the refresh token secret; every refresh returns a new one.")
    @APIResponse(responseCode = "200", description = "The tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenService.Tokens.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "403", description = "The account is disabled",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "429", description = "Too many attempts from this address, or too many wrong "
            + "passwords for this account from this address (growing delays); see Retry-After",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public TokenService.Tokens token(@NotNull @Valid TokenRequest body, @Context HttpServerRequest request) {
        throttle.checkAddress(request); // after validation: a request refused there costs no password check
        String username = body.username().strip();
        String address = SignInGuard.clientAddress(request);
        guard.checkSignIn(username, address);
        var user = accounts.authenticate(username, body.password());
        if (user.isEmpty()) {
            guard.signInFailed(username, address);
            throw new ClientFacingException(401, "invalid-credentials", "Unauthorized", "Wrong username or password");
        }
        guard.signInSucceeded(username, address);
        if (user.get().disabled()) {
            throw disabled();
        }
        return tokens.signIn(user.get());
    }

    @POST
    @Path("refresh")
    @Operation(summary = "Rotate the refresh token",
            description = "Returns a new access token and a new refresh token; the presented refresh token stops "
                    + "working. Presenting a refresh token that was already used revokes every token of that "
                    + "sign-in (it may have been stolen): the app must sign in again.")
    @APIResponse(responseCode = "200", description = "New tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenService.Tokens.class)))
    @APIResponse(responseCode = "401", description = "Unknown, expired, used or revoked refresh token",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public TokenService.Tokens refresh(@NotNull @Valid RefreshRequest body, @Context HttpServerRequest request) {
        throttle.checkAddress(request);
        return tokens.refresh(body.refreshToken());
    }

    @POST
    @Path("logout")
    @Operation(summary = "Sign out",
            description = "Revokes the refresh token and every token of the same sign-in. Access tokens already "
                    + "issued stay valid until they expire (at most 15 minutes); the app should drop them. (Ending an "
                    + "app's sign-in from the account page, or a password change, stops its access token at once.)")
    @APIResponse(responseCode = "204", description = "Signed out (also for an unknown token)")
    public Response logout(@NotNull @Valid RefreshRequest body, @Context HttpServerRequest request) {
        throttle.checkAddress(request);
        tokens.signOut(body.refreshToken());
        return Response.noContent().build();
    }

    static ClientFacingException disabled() {
        return new ClientFacingException(403, "account-disabled", "Forbidden", "This account is disabled; ask an admin");
    }
}
