package io.demodeck.importer;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import jakarta.annotation.security.RolesAllowed;

import io.demodeck.importer.export.DeckExportPages;
import io.demodeck.importer.export.DeckExports;
import io.demodeck.importer.export.ExportFormat;
import io.demodeck.importer.export.ExportOptions;
import io.demodeck.importer.export.Exported;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Import and export of question banks for instructors. Thin: the work is in {@link ImportService} and the
 * parsers. Instructors and admins only, with a bearer token.
 */
@RolesAllowed({Role.INSTRUCTOR_NAME, Role.ADMIN_NAME})
@Path("/api/v1")
@Tag(name = "Imports", description = "Import question banks (GIFT, Moodle XML, Anki, Quizlet, Markdown, JSON) and export decks")
@RunOnVirtualThread
public class ImportResource {

    @Inject
    ImportService imports;

    @Inject
    DeckExports exports;

    @Inject
    CurrentUser user;

    @Inject
    io.demodeck.deck.DeckAccess access;

    /** The audit record as the API shows it: never the entity itself. */
    public record ImportRecordView(long id, Long userId, Long deckId, String fileName, String fileSha256, String format,
                                   boolean dryRun, String outcome, int created, int updated, int unchanged, int skipped,
                                   java.time.Instant createdAt, ImportReport report) {
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview (dryRun=true, the default) or apply an import",
            description = "multipart: file, optional format (detected when absent), dryRun (true|false, default true), "
                    + "deck (target id), language (ru|en), termSeparator and rowSeparator for Quizlet, keepHistory "
                    + "(true|false, default true) for Anki packages: their review log becomes the uploader's answers, "
                    + "replayed through FSRS; the report's history counts what is (or, in a dry run, would be) "
                    + "carried over, per deck, and what is left out. Each problem has a stable code (the key of its "
                    + "message), its args (the values it quotes, as written in the file) and its message in the language "
                    + "of Accept-Language (ru or en; English by default)")
    @APIResponse(responseCode = "200", description = "the report: counts per type, created/updated/unchanged/skipped, problems")
    @APIResponse(responseCode = "400", description = "no file in the request")
    @APIResponse(responseCode = "413", description = "the file is larger than demodeck.import.max-bytes, or the request "
            + "body larger than quarkus.http.limits.max-body-size; the problem names both limits")
    @APIResponse(responseCode = "409", description = "the deck id belongs to another instructor's deck (the problem names "
            + "the owner), or to a deck of the question bank (type bank-deck: its file in questions/ is the source of truth)")
    @APIResponse(responseCode = "422", description = "an invalid parameter, or nothing in the file can be imported")
    public ImportReport upload(@RestForm("file") FileUpload file, @RestForm String format, @RestForm String dryRun,
                               @RestForm String deck, @RestForm String language, @RestForm String termSeparator,
                               @RestForm String rowSeparator, @RestForm String keepHistory,
                               io.vertx.core.http.HttpServerRequest http) {
        if (file == null || file.uploadedFile() == null) {
            throw ClientFacingException.badRequest("send the file as the multipart part 'file'");
        }
        boolean dry = !Boolean.FALSE.equals(parseFlag("dryRun", dryRun));
        Boolean keep = parseFlag("keepHistory", keepHistory);
        byte[] data = read(file);
        ImportRequest request = new ImportRequest(data, file.fileName(), format,
                new ImportOptions(blankToNull(deck), blankToNull(language), termSeparator, rowSeparator, keep), user.id());
        ImportReport report = dry ? imports.preview(request) : imports.apply(request);
        String lang = ImportTexts.apiLanguage(http.getHeader(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE));
        if (report.rejected()) {
            throw rejected(report, lang);
        }
        return ImportTexts.inLanguage(report, lang);
    }

    @GET
    @Path("imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An import's audit record with its full report",
            description = "Who imported which file when, whether it was a preview, the outcome, the counts and the full report.")
    @APIResponse(responseCode = "200", description = "the record")
    @APIResponse(responseCode = "404", description = "no such import, or one of another instructor's (records are "
            + "shown to their uploader, the deck's editors and admins)")
    public ImportRecordView record(@PathParam("id") long id, io.vertx.core.http.HttpServerRequest http) {
        ImportRecord r = imports.findRecord(id)
                // the uploader's, the deck's editors' and admins' only; to anyone else it does not exist
                .filter(rec -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        access.canSeeImport(io.demodeck.deck.DeckAccess.Viewer.of(user), rec.userId, rec.deckId)))
                .orElseThrow(() -> ClientFacingException.notFound("Import " + id));
        return new ImportRecordView(r.id, r.userId, r.deckId, r.fileName, r.fileSha256, r.format, r.dryRun, r.outcome,
                r.created, r.updated, r.unchanged, r.skipped, r.createdAt,
                ImportTexts.inLanguage(imports.readReport(r),
                        ImportTexts.apiLanguage(http.getHeader(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE))));
    }

    @GET
    @Path("decks/{deck}/export")
    @Operation(summary = "Export a deck as DemoDeck Markdown, GIFT, Anki text, Moodle XML, JSON or an Anki package",
            description = "format: markdown (default), gift, anki-csv, moodle-xml, json, apkg. JSON is lossless and carries "
                    + "the deck's media files (base64); Moodle XML (for a Moodle question bank: categories from a::b "
                    + "tags, idnumbers, tags) embeds the files its questions show (base64); apkg is an Anki package "
                    + "(Anki 2.1.50+) with the files its notes show, whose notes a later export updates in Anki; the "
                    + "learner's own progress goes with GET /api/v1/decks/{deck}/anki-progress; the other text formats keep "
                    + "the questions' links to them. What the chosen format cannot carry (media files included) is "
                    + "counted in the X-Export-Warnings header")
    @APIResponse(responseCode = "200", description = "the file, with a Content-Disposition file name")
    @APIResponse(responseCode = "403", description = "the caller may see the deck but is not its owner, a co-editor or an admin")
    @APIResponse(responseCode = "404", description = "no such deck, or one the caller may not see")
    @APIResponse(responseCode = "422", description = "unknown format")
    public Response export(@PathParam("deck") String deck, @QueryParam("format") String format,
                           @Parameter(description = "anki-csv only: a cell starting with = + - @ (a spreadsheet "
                                   + "formula) gets a leading apostrophe; true (the default) or false")
                           @QueryParam("spreadsheetSafe") String spreadsheetSafe) {
        ExportFormat f = ExportFormat.fromId(format == null ? "markdown" : format).orElseThrow(() ->
                ClientFacingException.validation("format", "one of " + ExportFormat.ids()));
        ExportOptions options = new ExportOptions(parseFlag("spreadsheetSafe", spreadsheetSafe));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                access.requireEdit(io.demodeck.deck.DeckAccess.Viewer.of(user), deck)); // editors only
        Exported exported = exports.export(deck, f, options).orElseThrow(() -> ClientFacingException.notFound("Deck " + deck));
        return DeckExportPages.download(deck, f, exported);
    }

    static ClientFacingException rejected(ImportReport report, String lang) {
        Optional<ImportProblem> bank = bankDeck(report);
        if (bank.isPresent()) {
            // as the editor refuses to write into a bank deck: 409, its file is the source of truth
            String said = ImportTexts.text(bank.get(), lang);
            return new ClientFacingException(409, "bank-deck", "A question bank deck", said,
                    List.of(new ApiProblem.FieldError("deck", said)), java.util.Map.of());
        }
        List<ApiProblem.FieldError> errors = report.problems().stream().filter(ImportProblem::isError).limit(50)
                .map(p -> new ApiProblem.FieldError("file", ImportTexts.placed(p, lang)))
                .toList();
        return new ClientFacingException(422, "import-rejected", "Nothing can be imported",
                "The file cannot be imported (import record " + report.importId() + ")", errors, java.util.Map.of());
    }

    /** The refusal of a report whose deck id is a deck of the question bank (questions/), if it is one. */
    static Optional<ImportProblem> bankDeck(ImportReport report) {
        return report.problems().stream().filter(p -> ProblemCode.DECK_OF_THE_BANK.key().equals(p.code())).findFirst();
    }

    /** A true/false form field; null when it is absent or blank. */
    static Boolean parseFlag(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ClientFacingException.validation(field, "must be true or false");
        };
    }

    static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
