package io.demodeck.web;

import io.demodeck.platform.ClientFacingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URISyntaxException;

/** The ru/en switch: remembers the choice in a cookie and goes back to the page it was made on. */
@Path("/lang")
public class LanguageResource {

    @GET
    @Path("/{code}")
    public Response choose(@PathParam("code") String code, @QueryParam("back") String back) {
        if (!Languages.isSupported(code)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Response.seeOther(URI.create(localPath(back))).cookie(cookie(code)).build();
    }

    /** The cookie that remembers the interface language for a year. */
    public static NewCookie cookie(String code) {
        return new NewCookie.Builder(Ui.COOKIE).value(code).path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
    }

    /**
     * Only same-site paths: "//evil.example" or "https://…" would make this an open redirect. A path with characters a
     * URI cannot hold (a tab, a space) is refused: browsers drop a tab, so "/\t/x" would go to "//x".
     */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")) {
            return "/";
        }
        try {
            URI target = new URI(back);
            if (target.getScheme() != null || target.getRawAuthority() != null) {
                return "/";
            }
        } catch (URISyntaxException e) {
            throw ClientFacingException.badRequest("back must be a path on this site, such as /decks; it has a character a "
                    + "link cannot contain at position " + (e.getIndex() + 1));
        }
        return back;
    }
}
