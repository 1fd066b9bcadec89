package io.demodeck.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** Accounts for admins: list and search, set the role, disable and re-enable; every change is recorded. */
@Path("/api/v1/admin/users")
@Tag(name = "Admin", description = "Accounts, roles and who changed them (admins only)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@RunOnVirtualThread
public class AdminUsersResource {

    public record AdminUser(long id, String username,
                            @Schema(description = "the highest role: learner, instructor or admin (each includes the ones below)",
                                    examples = "instructor") String role,
                            boolean disabled, Instant createdAt) {
        static AdminUser of(AccountAdmin.Listed u) {
            return new AdminUser(u.id(), u.username(), u.role().roleName(), u.disabled(), u.createdAt());
        }
    }

    public record UserPage(List<AdminUser> items, @Schema(description = "accounts matching the search") long total,
                           @Schema(description = "from 0") int page, int size) {
    }

    public record RoleRequest(@Schema(examples = "instructor", description = "learner, instructor or admin")
                              @NotNull(message = "{demodeck.role}") @Pattern(regexp = "learner|instructor|admin",
                                      message = "{demodeck.role}") String role) {
    }

    public record AccountChange(String actor, String target,
                                @Schema(description = "role, disable or enable") String action,
                                @Schema(description = "for role: the role before") String oldValue,
                                @Schema(description = "for role: the role after") String newValue, Instant at) {
    }

    @Inject
    AccountAdmin admin;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "List accounts", description = "Accounts whose name contains `q` (any case), sorted by name, a page at a time.")
    @APIResponse(responseCode = "200", description = "One page of accounts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserPage.class)))
    public UserPage list(@QueryParam("q") @Parameter(description = "part of the name") String q,
                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(AccountAdmin.MAX_PAGE_SIZE) int size) {
        AccountAdmin.Page found = admin.list(q, page, size);
        return new UserPage(found.items().stream().map(AdminUser::of).toList(), found.total(), found.page(), found.size());
    }

    @PUT
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an account's role",
            description = "Grants or removes the instructor and admin roles. The account's access tokens stop working at "
                    + "once (its apps refresh them and get the new role).")
    @APIResponse(responseCode = "200", description = "The account as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminUser.class)))
    @APIResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "It is the last admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public AdminUser setRole(@PathParam("id") long id, @NotNull @Valid RoleRequest body) {
        return AdminUser.of(admin.setRole(currentUser.id(), id, Role.named(body.role())));
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable an account",
            description = "It can no longer sign in; its sessions, refresh tokens and access tokens end at once. "
                    + "Its history stays.")
    @APIResponse(responseCode = "200", description = "The account as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminUser.class)))
    @APIResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "409", description = "Your own account, or the last admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public AdminUser disable(@PathParam("id") long id) {
        return AdminUser.of(admin.setDisabled(currentUser.id(), id, true));
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Re-enable an account", description = "It can sign in again (earlier sessions and tokens stay ended).")
    @APIResponse(responseCode = "200", description = "The account as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminUser.class)))
    @APIResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public AdminUser enable(@PathParam("id") long id) {
        return AdminUser.of(admin.setDisabled(currentUser.id(), id, false));
    }

    @GET
    @Path("changes")
    @Operation(summary = "Changes made to accounts", description = "Who changed which account how and when, newest first.")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountChange[].class)))
    public List<AccountChange> changes(@QueryParam("user") @Parameter(description = "only this account's (its id)") Long user,
                                       @QueryParam("limit") @DefaultValue("100") int limit) {
        return admin.changes(user, limit).stream().map(c -> new AccountChange(c.actor(), c.target(), c.action(),
                c.oldValue(), c.newValue(), c.at())).toList();
    }
}
