package io.demodeck.editor;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.bank.BankViews;
import io.demodeck.deck.Deck;
import io.demodeck.quiz.QuestionType;
import io.demodeck.deck.DeckAccess;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.web.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The question editor in the browser, for a deck's owner, co-editors and admins: the deck's questions with
 * edit, retire/restore and move, a form per question with every field of its type and a live preview, and the
 * revisions. Every change goes through {@link QuestionEditor}; forms post, then redirect.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class EditorPages {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** @param bank a deck of the system's question bank: its questions are read here, changed in its file */
    public record DeckRef(String externalId, String title, boolean bank) {
    }

    public record RevisionRow(int number, String action, String summary, String author, String at) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(DeckRef deck, List<EditorViews.QuestionView> questions,
                                            List<QuestionType> types, String done);

        static native TemplateInstance form(DeckRef deck, EditorViews.QuestionView question, EditorForm.View form,
                                            BankViews.QuestionDetail preview, boolean stale, String done);

        static native TemplateInstance preview(BankViews.QuestionDetail preview);

        static native TemplateInstance revisions(DeckRef deck, EditorViews.QuestionView question,
                                                 List<RevisionRow> revisions, String done);
    }

    @Inject
    QuestionEditor editor;

    @Inject
    DraftPreview previews;

    @Inject
    CurrentUser user;

    @Inject
    Ui ui;

    private DeckAccess.Viewer viewer() {
        return DeckAccess.Viewer.of(user);
    }

    private DeckRef deckRef(String deckId) {
        Deck deck = editor.editableDeck(viewer(), deckId);
        String title = deck.texts.containsKey(ui.lang()) ? deck.texts.get(ui.lang()).title
                : deck.texts.values().stream().map(t -> t.title).findFirst().orElse(deck.externalId);
        return new DeckRef(deck.externalId, title, QuestionEditor.isBank(deck));
    }

    @GET
    @Path("decks/{deck}/editor")
    public TemplateInstance list(@PathParam("deck") String deck, @QueryParam("done") String done) {
        DeckRef ref = deckRef(deck);
        return Templates.list(ref, editor.list(viewer(), deck),
                List.copyOf(DraftRules.TYPES), done);
    }

    @GET
    @Path("decks/{deck}/editor/new")
    public TemplateInstance newForm(@PathParam("deck") String deck, @QueryParam("type") String type) {
        String t = EditorForm.normalType(type);
        QuestionDraft empty = new QuestionDraft(t == null ? "flashcard" : t, null, null, List.of(), List.of(), null,
                null, null, null, null, null, null);
        return Templates.form(deckRef(deck), null, EditorForm.view(empty, null, List.of(), ui.lang()), null, false, null);
    }

    @POST
    @Path("decks/{deck}/editor/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("deck") String deck, @BeanParam EditorForm form) {
        DeckRef ref = deckRef(deck);
        EditorForm.Read read = form.read();
        if ("preview".equals(form.action) || !read.unreadable().isEmpty()) {
            return previewOrUnreadable(ref, null, read, form.version);
        }
        try {
            EditorViews.QuestionView created = editor.create(viewer(), deck, read.draft());
            return Response.seeOther(URI.create(editUrl(deck, created.externalId()) + "?done=created")).build();
        } catch (DraftRejected e) {
            return formAgain(ref, null, read.draft(), e.problems(), null, false, 422);
        } catch (ClientFacingException e) {
            return bankRefused(ref, e);
        }
    }

    /** The preview alone, for the form's script: the draft rendered as learners will see it. */
    @POST
    @Path("decks/{deck}/editor/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("deck") String deck, @BeanParam EditorForm form) {
        return Templates.preview(previews.render(viewer(), deck, form.read().draft(), ui.lang()).orElse(null));
    }

    @GET
    @Path("decks/{deck}/questions/{question}/edit")
    public TemplateInstance editForm(@PathParam("deck") String deck, @PathParam("question") String question,
                                     @QueryParam("done") String done) {
        DeckRef ref = deckRef(deck);
        EditorViews.QuestionView q = find(deck, question);
        return Templates.form(ref, q, EditorForm.view(q.content(), q.version(), List.of(), ui.lang()),
                previews.render(viewer(), deck, q.content(), ui.lang()).orElse(null), false, done);
    }

    @POST
    @Path("decks/{deck}/questions/{question}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("deck") String deck, @PathParam("question") String question,
                         @BeanParam EditorForm form) {
        DeckRef ref = deckRef(deck);
        EditorViews.QuestionView q = find(deck, question);
        EditorForm.Read read = form.read();
        if ("preview".equals(form.action) || !read.unreadable().isEmpty()) {
            return previewOrUnreadable(ref, q, read, form.version);
        }
        try {
            editor.update(viewer(), deck, q.id(), form.version, read.draft());
            return Response.seeOther(URI.create(editUrl(deck, q.externalId()) + "?done=saved")).build();
        } catch (DraftRejected e) {
            return formAgain(ref, q, read.draft(), e.problems(), form.version, false, 422);
        } catch (StaleVersion e) {
            // the editor's text stays; the form now names the current version, so saving again is a choice
            return formAgain(ref, e.current(), read.draft(), List.of(), e.current().version(), true, 409);
        } catch (ClientFacingException e) {
            return bankRefused(ref, e);
        }
    }

    @POST
    @Path("decks/{deck}/questions/{question}/retire")
    public Response retire(@PathParam("deck") String deck, @PathParam("question") String question,
                           @RestForm String version) {
        EditorViews.QuestionView q = find(deck, question);
        return change(deck, "retired", () -> editor.retire(viewer(), deck, q.id(), version));
    }

    @POST
    @Path("decks/{deck}/questions/{question}/restore")
    public Response restore(@PathParam("deck") String deck, @PathParam("question") String question,
                            @RestForm String version) {
        EditorViews.QuestionView q = find(deck, question);
        return change(deck, "restored", () -> editor.restore(viewer(), deck, q.id(), version));
    }

    @POST
    @Path("decks/{deck}/questions/{question}/move")
    public Response move(@PathParam("deck") String deck, @PathParam("question") String question,
                         @RestForm String by) {
        EditorViews.QuestionView q = find(deck, question);
        try {
            editor.move(viewer(), deck, q.id(), "-1".equals(by) ? -1 : 1);
        } catch (ClientFacingException e) {
            return bankRefused(deckRef(deck), e);
        }
        return Response.seeOther(URI.create("/decks/" + enc(deck) + "/editor?done=moved#q-" + q.id())).build();
    }

    @GET
    @Path("decks/{deck}/questions/{question}/revisions")
    public TemplateInstance revisions(@PathParam("deck") String deck, @PathParam("question") String question,
                                      @QueryParam("done") String done) {
        DeckRef ref = deckRef(deck);
        EditorViews.QuestionView q = find(deck, question);
        List<RevisionRow> rows = editor.revisions(viewer(), deck, q.id()).stream()
                .map(r -> new RevisionRow(r.number(), r.action(), r.summary(), r.author(), TIME.format(r.at()))).toList();
        return Templates.revisions(ref, q, rows, done);
    }

    @POST
    @Path("decks/{deck}/questions/{question}/revisions/{number}/restore")
    public Response revert(@PathParam("deck") String deck, @PathParam("question") String question,
                           @PathParam("number") int number, @RestForm String version) {
        EditorViews.QuestionView q = find(deck, question);
        String back = "/decks/" + enc(deck) + "/questions/" + enc(q.externalId()) + "/revisions";
        try {
            editor.revert(viewer(), deck, q.id(), number, version);
            return Response.seeOther(URI.create(back + "?done=reverted")).build();
        } catch (StaleVersion e) {
            return Response.seeOther(URI.create(back + "?done=stale")).build();
        } catch (ClientFacingException e) {
            return bankRefused(deckRef(deck), e);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Response change(String deck, String done, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/decks/" + enc(deck) + "/editor?done=" + done)).build();
        } catch (StaleVersion e) {
            return Response.seeOther(URI.create("/decks/" + enc(deck) + "/editor?done=stale")).build();
        } catch (ClientFacingException e) {
            return bankRefused(deckRef(deck), e);
        }
    }

    /** A bank deck's questions are changed in its file: the list again, saying so (409); other refusals stay errors. */
    private Response bankRefused(DeckRef ref, ClientFacingException e) {
        if (!QuestionEditor.BANK_DECK.equals(e.kind())) {
            throw e;
        }
        return Response.status(409).entity(Templates.list(ref, editor.list(viewer(), ref.externalId()),
                List.copyOf(DraftRules.TYPES), "bank")).build();
    }

    private Response formAgain(DeckRef ref, EditorViews.QuestionView q, QuestionDraft draft, List<FieldProblem> problems,
                               String version, boolean stale, int status) {
        Optional<BankViews.QuestionDetail> shown = previews.render(viewer(), ref.externalId(), draft, ui.lang());
        return Response.status(status).entity(Templates.form(ref, q, EditorForm.view(draft, version, problems, ui.lang()),
                shown.orElse(null), stale, null)).build();
    }

    /** A preview, or a form with numbers that could not be read (then every other problem is named too). */
    private Response previewOrUnreadable(DeckRef ref, EditorViews.QuestionView q, EditorForm.Read read, String version) {
        if (read.unreadable().isEmpty()) {
            return formAgain(ref, q, read.draft(), List.of(), version, false, 200);
        }
        List<FieldProblem> problems = new ArrayList<>(read.unreadable());
        problems.addAll(DraftRules.check(read.draft()));
        return formAgain(ref, q, read.draft(), problems, version, false, 422);
    }

    private EditorViews.QuestionView find(String deck, String question) {
        return editor.list(viewer(), deck).stream().filter(v -> v.externalId().equals(question)).findFirst()
                .orElseThrow(() -> ClientFacingException.notFound("Question " + question));
    }

    static String editUrl(String deck, String question) {
        return "/decks/" + enc(deck) + "/questions/" + enc(question) + "/edit";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
