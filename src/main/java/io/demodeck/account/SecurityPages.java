package io.demodeck.account;

import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The signed-in user's own account: change the password, see and end browser sessions and app sign-ins. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class SecurityPages {

    public record SessionRow(long id, String device, String created, String lastSeen, String expires, boolean current) {
    }

    public record AppRow(String id, String created, String lastUsed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(List<SessionRow> sessions, List<AppRow> apps, Map<String, String> errors,
                                               String done);
    }

    @Inject
    AccountSecurity security;

    @Inject
    Sessions sessions;

    @Inject
    CurrentUser currentUser;

    @Inject
    io.demodeck.web.Ui ui;

    @GET
    public TemplateInstance show(@QueryParam("done") String done) {
        return page(Map.of(), done);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm("current_password") String current, @RestForm("new_password") String next,
                                   @RestForm("new_password_confirm") String confirm, @Context HttpServerRequest request) {
        try {
            if (next != null && !next.equals(confirm)) {
                throw ClientFacingException.validation("new_password_confirm", "the two passwords differ");
            }
            security.changePassword(currentUser.id(), current, next, currentUser.sessionId(),
                    SignInGuard.clientAddress(request));
        } catch (ClientFacingException e) {
            if (e.status() != 422) {
                throw e;
            }
            Map<String, String> errors = e.fieldErrors().stream()
                    .collect(Collectors.toMap(ApiProblem.FieldError::field, ApiProblem.FieldError::message, (a, b) -> a));
            return Response.status(422).entity(page(io.demodeck.platform.ErrorTexts.page(errors, ui.lang()), null)).build();
        }
        return done("password");
    }

    @POST
    @Path("sessions/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endSession(@PathParam("id") long id) {
        sessions.end(currentUser.id(), id);
        if (Long.valueOf(id).equals(currentUser.sessionId())) {
            return Response.seeOther(URI.create("/")).cookie(AccountPages.expired()).build();
        }
        return done("ended");
    }

    @POST
    @Path("apps/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endApp(@PathParam("id") String id) {
        UUID family;
        try {
            family = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ClientFacingException.notFound("App sign-in " + id);
        }
        security.endAppSignIn(currentUser.id(), family);
        return done("ended");
    }

    @POST
    @Path("sessions/end-others")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endOthers() {
        security.endOthers(currentUser.id(), currentUser.sessionId());
        return done("others");
    }

    private TemplateInstance page(Map<String, String> errors, String done) {
        long me = currentUser.id();
        Long current = currentUser.sessionId();
        List<SessionRow> rows = sessions.list(me).stream().map(s -> new SessionRow(s.id(), device(s.userAgent()),
                AdminPages.time(s.createdAt()), AdminPages.time(s.lastSeenAt()), AdminPages.time(s.expiresAt()),
                Long.valueOf(s.id()).equals(current))).toList();
        List<AppRow> apps = security.appSignIns(me).stream().map(a -> new AppRow(a.id().toString(),
                AdminPages.time(a.createdAt()), AdminPages.time(a.lastUsedAt()))).toList();
        return Templates.account(rows, apps, errors, done);
    }

    /** A short, readable name for a browser from its User-Agent (the full string is kept as the title). */
    static String device(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "?";
        }
        String browser = userAgent.contains("Edg/") ? "Edge" : userAgent.contains("Firefox/") ? "Firefox"
                : userAgent.contains("Chrome/") || userAgent.contains("Chromium/") ? "Chrome"
                : userAgent.contains("Safari/") ? "Safari" : null;
        String system = userAgent.contains("Android") ? "Android" : userAgent.contains("iPhone") || userAgent.contains("iPad")
                ? "iOS" : userAgent.contains("Windows") ? "Windows" : userAgent.contains("Mac OS") ? "macOS"
                : userAgent.contains("Linux") ? "Linux" : null;
        if (browser == null && system == null) {
            return userAgent.length() > 60 ? userAgent.substring(0, 60) + "…" : userAgent;
        }
        return (browser == null ? "" : browser) + (browser != null && system != null ? ", " : "") + (system == null ? "" : system);
    }

    private static Response done(String what) {
        return Response.seeOther(URI.create("/account?done=" + what)).build();
    }
}
