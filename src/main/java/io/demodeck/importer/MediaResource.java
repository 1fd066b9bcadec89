package io.demodeck.importer;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Serves files embedded in imported questions. Never rendered as active content: no sniffing, sandboxed. */
@Path("/decks/{deck}/media/{name}")
@RunOnVirtualThread
public class MediaResource {

    @Inject
    MediaStore media;

    @Inject
    io.demodeck.deck.DeckAccess access;

    @Inject
    io.demodeck.account.CurrentUser user;

    @GET
    @Transactional
    public Response get(@PathParam("deck") String deck, @PathParam("name") String name) {
        access.requireView(io.demodeck.deck.DeckAccess.Viewer.of(user), deck); // a hidden deck's files are missing too
        MediaStore.StoredMedia m = media.find(deck, name).orElseThrow(NotFoundException::new);
        Response.ResponseBuilder r = Response.ok(m.data(), m.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "private, max-age=3600");
        if (m.contentType().equals("application/octet-stream")) {
            r.header("Content-Disposition", "attachment");
        }
        return r.build();
    }
}
