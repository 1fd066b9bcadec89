package io.demodeck.importer;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import jakarta.annotation.security.RolesAllowed;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The instructor's import pages: upload → preview (a dry run) → confirm → the deck. The previewed file waits in
 * {@link PendingUploads} so the confirm form carries only a token. Instructors and admins only.
 */
@Path("/import")
@RolesAllowed({Role.INSTRUCTOR_NAME, Role.ADMIN_NAME})
@Produces(MediaType.TEXT_HTML)
@RunOnVirtualThread
public class ImportPages {

    /** The choices of the form, echoed into the confirm form. */
    public record Choices(String format, String language, String deck, String termSeparator, String rowSeparator,
                          String keepHistory) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(List<String> formats, Choices choices, long maxBytes, String maxSize);

        static native TemplateInstance report(ImportReport report, String token, Choices choices, boolean expired);
    }

    @Inject
    ImportService imports;

    @Inject
    PendingUploads pending;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance form() {
        return Templates.form(formats(), new Choices("detect", "", "", "tab", "newline", "true"), imports.maxBytes(),
                io.demodeck.platform.OversizeBodies.megabytes(imports.maxBytes()));
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestForm("file") FileUpload file, @RestForm String format,
                                    @RestForm String language, @RestForm String deck,
                                    @RestForm String termSeparator, @RestForm String rowSeparator,
                                    @RestForm String keepHistory) {
        if (file == null || file.uploadedFile() == null) {
            throw io.demodeck.platform.ClientFacingException.badRequest("choose a file to import");
        }
        Choices choices = new Choices(format, language, deck, termSeparator, rowSeparator, keepHistory);
        byte[] data = ImportResource.read(file);
        ImportReport report = imports.preview(request(data, file.fileName(), choices, user.id()));
        String token = report.rejected() ? null : pending.put(user.id(), data, file.fileName());
        // a bank deck's id is refused as the editor refuses it (409), the report saying why
        int status = ImportResource.bankDeck(report).isPresent() ? 409 : 200;
        return Response.status(status).entity(Templates.report(report, token, choices, false)).build();
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(@RestForm String token, @RestForm String format, @RestForm String language,
                          @RestForm String deck, @RestForm String termSeparator, @RestForm String rowSeparator,
                          @RestForm String keepHistory) {
        Choices choices = new Choices(format, language, deck, termSeparator, rowSeparator, keepHistory);
        PendingUploads.Upload upload = pending.get(user.id(), token).orElse(null);
        if (upload == null) {
            return Response.status(410).entity(Templates.report(null, null, choices, true)).build();
        }
        ImportReport report = imports.apply(request(upload.data(), upload.fileName(), choices, user.id()));
        if (report.rejected()) {
            int status = ImportResource.bankDeck(report).isPresent() ? 409 : 422;
            return Response.status(status).entity(Templates.report(report, null, choices, false)).build();
        }
        pending.remove(user.id(), token);
        return Response.seeOther(URI.create("/decks/" + report.deck())).build();
    }

    private static ImportRequest request(byte[] data, String fileName, Choices c, long userId) {
        return new ImportRequest(data, fileName, c.format(), new ImportOptions(ImportResource.blankToNull(c.deck()),
                ImportResource.blankToNull(c.language()), c.termSeparator(), c.rowSeparator(),
                ImportResource.parseFlag("keepHistory", c.keepHistory())), userId);
    }

    private static List<String> formats() {
        return Arrays.stream(ImportFormat.values()).map(ImportFormat::id).toList();
    }
}
