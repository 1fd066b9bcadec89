package io.demodeck.deck;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deck's lifecycle in the browser: the new-deck form, the manage page (rename, texts, visibility, co-editors,
 * archive, restore, delete, the change log, the export links) and the purge page for admins. Thin: the rules are
 * {@link DeckLifecycle}'s. The export itself is the exporters' ({@code importer.export.DeckExportPages}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class DeckPages {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The new-deck form's values and what went wrong. */
    public record NewForm(String id, String language, String titleEn, String descriptionEn, String titleRu,
                          String descriptionRu, String error, String suggestion) {
        static NewForm empty() {
            return new NewForm("", "en", "", "", "", "", null, null);
        }
    }

    /**
     * A recorded change as the page shows it.
     *
     * @param question the question an editor's change was about ("" for other changes)
     * @param created  an import's counts (0 for other changes); likewise {@code updated}, {@code retired}
     */
    public record ChangeRow(String at, String who, String action, String detail, String question, int created,
                            int updated, int retired) {
    }

    /** A download link per export format. */
    public record FormatLink(String id, String href) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance create(NewForm form, String done, String doneDeck);

        static native TemplateInstance manage(DeckLifecycle.Manage d, String title, List<ChangeRow> changes,
                                              List<FormatLink> formats, String done, String error);

        static native TemplateInstance purge(DeckLifecycle.Manage d, String title, List<FormatLink> formats, String error);
    }

    @Inject
    DeckLifecycle decks;

    @Inject
    DeckExportFormats exportFormats;

    @Inject
    CurrentUser user;

    @Inject
    Ui ui;

    private Viewer viewer() {
        return Viewer.of(user);
    }

    private DeckMessages msg() {
        return MessageBundles.get(DeckMessages.class, Localized.Literal.of(ui.lang()));
    }

    // --------------------------------------------------------------------------------------------- new deck

    @GET
    @Path("decks/new")
    public TemplateInstance newDeck(@QueryParam("done") String done, @QueryParam("deck") String deck) {
        requireInstructor();
        return Templates.create(NewForm.empty(), done, deck == null ? "" : deck);
    }

    @POST
    @Path("decks/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String id, @RestForm String language, @RestForm String titleEn,
                           @RestForm String descriptionEn, @RestForm String titleRu, @RestForm String descriptionRu) {
        requireInstructor();
        String chosen = id == null ? "" : id.strip();
        String suggestion = null;
        if (chosen.isEmpty()) {
            chosen = DeckLifecycle.suggestId(blank(titleEn) ? titleRu : titleEn);
            suggestion = chosen;
        }
        Map<String, DeckLifecycle.Text> texts = new LinkedHashMap<>();
        texts.put("en", new DeckLifecycle.Text(titleEn, descriptionEn));
        texts.put("ru", new DeckLifecycle.Text(titleRu, descriptionRu));
        try {
            String created = decks.create(viewer(), chosen, language, texts);
            return Response.seeOther(URI.create("/decks/" + created + "/manage?done=created")).build();
        } catch (ClientFacingException e) {
            if (e.status() != 422 && e.status() != 409) {
                throw e;
            }
            NewForm form = new NewForm(suggestion != null ? suggestion : chosen, language == null ? "en" : language,
                    nz(titleEn), nz(descriptionEn), nz(titleRu), nz(descriptionRu), error(e),
                    suggestion != null && !suggestion.isEmpty() ? suggestion : null);
            return Response.status(e.status()).entity(Templates.create(form, null, null)).build();
        }
    }

    // --------------------------------------------------------------------------------------------- manage

    @GET
    @Path("decks/{deck}/manage")
    public Response manage(@PathParam("deck") String deck, @QueryParam("done") String done) {
        return render(deck, done, null, 200);
    }

    @POST
    @Path("decks/{deck}/manage/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("deck") String deck, @RestForm String newId) {
        try {
            String renamed = decks.rename(viewer(), deck, newId);
            return Response.seeOther(URI.create("/decks/" + renamed + "/manage?done=renamed")).build();
        } catch (ClientFacingException e) {
            return failed(deck, e);
        }
    }

    @POST
    @Path("decks/{deck}/manage/texts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response texts(@PathParam("deck") String deck, @RestForm String titleEn, @RestForm String descriptionEn,
                          @RestForm String titleRu, @RestForm String descriptionRu) {
        Map<String, DeckLifecycle.Text> texts = new LinkedHashMap<>();
        texts.put("en", new DeckLifecycle.Text(titleEn, descriptionEn));
        texts.put("ru", new DeckLifecycle.Text(titleRu, descriptionRu));
        return act(deck, "saved", () -> decks.describe(viewer(), deck, texts));
    }

    @POST
    @Path("decks/{deck}/manage/visibility")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response visibility(@PathParam("deck") String deck, @RestForm String visibility) {
        return act(deck, "saved", () -> decks.setVisibility(viewer(), deck, visibility));
    }

    @POST
    @Path("decks/{deck}/manage/editors")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addEditor(@PathParam("deck") String deck, @RestForm String username) {
        return act(deck, "editor_added", () -> decks.addEditor(viewer(), deck, username));
    }

    @POST
    @Path("decks/{deck}/manage/owner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@PathParam("deck") String deck, @RestForm String username) {
        return act(deck, "owner", () -> decks.transfer(viewer(), deck, username));
    }

    @POST
    @Path("decks/{deck}/manage/editors/{username}/remove")
    public Response removeEditor(@PathParam("deck") String deck, @PathParam("username") String username) {
        return act(deck, "editor_removed", () -> decks.removeEditor(viewer(), deck, username));
    }

    @POST
    @Path("decks/{deck}/manage/archive")
    public Response archive(@PathParam("deck") String deck) {
        return act(deck, "archived", () -> decks.archive(viewer(), deck));
    }

    @POST
    @Path("decks/{deck}/manage/restore")
    public Response restore(@PathParam("deck") String deck) {
        return act(deck, "restored", () -> decks.restore(viewer(), deck));
    }

    @POST
    @Path("decks/{deck}/manage/delete")
    public Response delete(@PathParam("deck") String deck) {
        DeckLifecycle.Deleted outcome;
        try {
            outcome = decks.delete(viewer(), deck);
        } catch (ClientFacingException e) {
            return failed(deck, e);
        }
        return outcome == DeckLifecycle.Deleted.ARCHIVED
                ? Response.seeOther(URI.create("/decks/" + deck + "/manage?done=delete_archived")).build()
                : Response.seeOther(URI.create("/decks/new?done=deleted&deck=" + enc(deck))).build();
    }

    // --------------------------------------------------------------------------------------------- purge

    @GET
    @Path("decks/{deck}/purge")
    public Response purgePage(@PathParam("deck") String deck) {
        DeckLifecycle.Manage d = decks.manage(viewer(), deck);
        requireAdmin();
        return Response.ok(Templates.purge(d, d.title(ui.lang()), formats(d.externalId()), null)).build();
    }

    @POST
    @Path("decks/{deck}/purge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response purge(@PathParam("deck") String deck, @RestForm String confirm) {
        try {
            decks.purge(viewer(), deck, confirm);
        } catch (ClientFacingException e) {
            if (e.status() != 422) {
                throw e;
            }
            DeckLifecycle.Manage d = decks.manage(viewer(), deck);
            return Response.status(422).entity(Templates.purge(d, d.title(ui.lang()), formats(d.externalId()), error(e))).build();
        }
        return Response.seeOther(URI.create("/decks/new?done=purged&deck=" + enc(deck))).build();
    }

    /** The export links of a deck, one per format the exporters support (the download is DeckExportPages'). */
    private List<FormatLink> formats(String deck) {
        return exportFormats.ids().stream().map(f -> new FormatLink(f, "/decks/" + deck + "/export?format=" + f)).toList();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private Response act(String deck, String done, Runnable change) {
        try {
            change.run();
        } catch (ClientFacingException e) {
            return failed(deck, e);
        }
        return Response.seeOther(URI.create("/decks/" + deck + "/manage?done=" + done)).build();
    }

    /** A refusal the page explains (the form again, with the reason); 404 and the role refusals stay errors. */
    private Response failed(String deck, ClientFacingException e) {
        if (e.status() >= 500 || e.status() == 404 || !decks.canEdit(viewer(), deck)) {
            throw e;
        }
        return render(deck, null, error(e), e.status());
    }

    private Response render(String deck, String done, String error, int status) {
        DeckLifecycle.Manage d = decks.manage(viewer(), deck);
        List<ChangeRow> changes = d.changes().stream().map(c -> new ChangeRow(TIME.format(c.at()),
                c.username() == null ? "—" : c.username(), c.action(), c.detail() == null ? "" : c.detail(),
                c.question() == null ? "" : c.question(), zero(c.created()), zero(c.updated()), zero(c.retired())))
                .toList();
        return Response.status(status).entity(Templates.manage(d, d.title(ui.lang()), changes, formats(d.externalId()),
                done, error)).build();
    }

    private String error(ClientFacingException e) {
        DeckMessages m = msg();
        String field = e.fieldErrors().isEmpty() ? "" : e.fieldErrors().getFirst().field();
        return switch (e.kind()) {
            case "deck-id-taken" -> m.error_taken();
            case "bank-deck" -> m.error_bank();
            case "admins-publish", "admins-purge" -> m.error_publish();
            case "not-deck-owner" -> m.error_owner();
            case "not-instructor" -> m.error_instructor();
            default -> field.equals("id") || field.equals("newId") ? m.error_id()
                    : field.startsWith("texts") ? m.error_texts()
                    : field.equals("username") && e.getMessage() != null && !e.fieldErrors().getFirst().message().contains("not a co-editor")
                    ? m.error_username()
                    : field.equals("username") ? m.error_not_found()
                    : field.equals("confirm") ? m.error_confirm()
                    : e.getMessage();
        };
    }

    private void requireInstructor() {
        if (!ui.instructor()) {
            throw new ClientFacingException(403, "not-instructor", "Forbidden", "Only instructors and admins create decks");
        }
    }

    private void requireAdmin() {
        if (!ui.admin()) {
            throw new ClientFacingException(403, "admins-purge", "Forbidden",
                    "Only admins delete a deck together with its learners' history");
        }
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
