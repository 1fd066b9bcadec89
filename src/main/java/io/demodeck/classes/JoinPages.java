package io.demodeck.classes;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * The invite link: says what joining means (the class's instructors see the learner's progress in its decks) and
 * joins only on a confirming POST. Anyone holding the link may read the page; joining needs an account. An expired, revoked or unknown code gets a page that says so, with status 410/404.
 */
@Path("/join/{code}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class JoinPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance join(String code, ClassService.Invitation invitation);
    }

    @Inject
    ClassService classes;

    @Inject
    CurrentUser user;

    @Inject
    Ui ui;

    @GET
    @jakarta.annotation.security.PermitAll
    public Response page(@PathParam("code") String code) {
        ClassService.Invitation invitation = classes.invitation(Viewer.of(user), code, ui.lang());
        int status = switch (invitation.status()) {
            case VALID -> 200;
            case UNKNOWN -> 404;
            default -> 410;
        };
        return Response.status(status).entity(Templates.join(code, invitation)).build();
    }

    @POST
    public Response join(@PathParam("code") String code) {
        ClassService.Invitation invitation = classes.invitation(Viewer.of(user), code, ui.lang());
        if (invitation.status() != ClassService.InviteStatus.VALID) {
            return page(code);
        }
        long id = classes.join(Viewer.of(user), code);
        return Response.seeOther(URI.create("/classes/" + id + "?done=joined")).build();
    }
}
