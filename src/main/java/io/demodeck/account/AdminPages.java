package io.demodeck.account;

import io.demodeck.platform.ClientFacingException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The admins' page of accounts: search, set roles, disable and re-enable; the latest changes below. */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
@RunOnVirtualThread
public class AdminPages {

    static final int PAGE_SIZE = 25;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One account row: the role as its name, the creation time formatted. */
    public record Row(long id, String username, String role, boolean disabled, boolean self, String created) {
    }

    public record ChangeRow(String at, String actor, String target, String action, String oldValue, String newValue) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(String q, List<Row> rows, int page, int pages, long total,
                                             List<ChangeRow> changes, String done, String error, List<String> roles);
    }

    @Inject
    AccountAdmin admin;

    @Inject
    CurrentUser currentUser;

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("done") String done) {
        return render(q, page, done, null, 200);
    }

    @POST
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setRole(@PathParam("id") long id, @RestForm String role, @RestForm String q, @RestForm int page) {
        try {
            admin.setRole(currentUser.id(), id, Role.named(role));
        } catch (ClientFacingException e) {
            return refused(q, page, e);
        }
        return back(q, page, "role");
    }

    @POST
    @Path("{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("id") long id, @RestForm String q, @RestForm int page) {
        try {
            admin.setDisabled(currentUser.id(), id, true);
        } catch (ClientFacingException e) {
            return refused(q, page, e);
        }
        return back(q, page, "disabled");
    }

    @POST
    @Path("{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") long id, @RestForm String q, @RestForm int page) {
        try {
            admin.setDisabled(currentUser.id(), id, false);
        } catch (ClientFacingException e) {
            return refused(q, page, e);
        }
        return back(q, page, "enabled");
    }

    private Response render(String q, int page, String done, String error, int status) {
        String query = q == null ? "" : q.strip();
        int shown = Math.max(1, page);
        AccountAdmin.Page found = admin.list(query, shown - 1, PAGE_SIZE);
        long me = currentUser.id();
        List<Row> rows = found.items().stream().map(u -> new Row(u.id(), u.username(), u.role().roleName(),
                u.disabled(), u.id() == me, time(u.createdAt()))).toList();
        List<ChangeRow> changes = admin.changes(null, 20).stream().map(c -> new ChangeRow(time(c.at()), c.actor(),
                c.target(), c.action(), c.oldValue(), c.newValue())).toList();
        List<String> roles = List.of(Role.LEARNER_NAME, Role.INSTRUCTOR_NAME, Role.ADMIN_NAME);
        return Response.status(status).entity(Templates.users(query, rows, shown, found.pages(), found.total(), changes,
                done, error, roles)).build();
    }

    /** A refused change (the last admin, an unknown account): the page again, saying why. */
    private Response refused(String q, int page, ClientFacingException e) {
        if (e.status() >= 500) {
            throw e;
        }
        return render(q, page, null, e.getMessage(), e.status());
    }

    private static Response back(String q, int page, String done) {
        String query = q == null || q.isBlank() ? "" : "q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8) + "&";
        return Response.seeOther(URI.create("/admin/users?" + query + "page=" + Math.max(1, page) + "&done=" + done))
                .build();
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
