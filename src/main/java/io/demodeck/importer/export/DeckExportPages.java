package io.demodeck.importer.export;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.deck.DeckExportFormats;
import io.demodeck.deck.DeckLifecycle;
import io.demodeck.importer.MediaFile;
import io.demodeck.platform.ClientFacingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.Arrays;
import java.util.List;

/** A deck's export with the browser session: the download links of its manage and purge pages. Editors only. */
@Path("/decks/{deck}/export")
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class DeckExportPages {

    @Inject
    DeckLifecycle decks;

    @Inject
    DeckExports exports;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.WILDCARD)
    public Response export(@PathParam("deck") String deck, @QueryParam("format") String format) {
        QuarkusTransaction.requiringNew().run(() -> decks.manage(Viewer.of(user), deck)); // editors only: 404/403 otherwise
        ExportFormat f = ExportFormat.fromId(format == null || format.isBlank() ? "markdown" : format).orElseThrow(() ->
                ClientFacingException.validation("format", "one of " + ExportFormat.ids()));
        Exported exported = exports.export(deck, f, ExportOptions.defaults())
                .orElseThrow(() -> ClientFacingException.notFound("Deck " + deck));
        return download(deck, f, exported);
    }

    /** A deck's export as a file named after the deck, with the count of what it could not carry (page and API). */
    public static Response download(String deck, ExportFormat f, Exported exported) {
        String fileName = MediaFile.storedName(deck) + "." + exported.extension();
        StreamingOutput body = exported.body()::writeTo;
        return Response.ok(body, f.binary() ? exported.mediaType() : exported.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("X-Export-Warnings", exported.warnings().size())
                .build();
    }

    /** The formats the deck pages link to: every one the exporters write. */
    @ApplicationScoped
    static class Formats implements DeckExportFormats {

        @Override
        public List<String> ids() {
            return Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList();
        }
    }
}
