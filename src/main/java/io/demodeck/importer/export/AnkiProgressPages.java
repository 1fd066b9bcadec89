package io.demodeck.importer.export;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** The deck page's "for Anki, with my progress" download, for the signed-in browser session. */
@Path("/decks/{deck}/progress.apkg")
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class AnkiProgressPages {

    @Inject
    DeckExports exports;

    @Inject
    CurrentUser user;

    @GET
    public Response download(@PathParam("deck") String deck) {
        Exported exported = exports.ankiWithProgress(deck, DeckAccess.Viewer.of(user)).orElseThrow(NotFoundException::new);
        return AnkiProgressResource.download(deck, exported);
    }
}
