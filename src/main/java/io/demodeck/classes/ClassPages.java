package io.demodeck.classes;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.stats.SvgCharts;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Classes in the browser: the list, a class's page (managed by its instructor), its dashboard and CSV files. */
@Path("/classes")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class ClassPages {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** An invite as the page shows it: the full link to copy, times formatted. */
    public record InviteRow(long id, String code, String link, String created, String expires, boolean active,
                            boolean revoked) {
    }

    /** The learners table of the dashboard, formatted. */
    public record LearnerView(String username, long cardsStudied, long dueNow, String retention, String lastActive,
                              int streak) {
    }

    public record QuestionView(String deck, String externalId, String label, String type, long answers,
                               String againRate, String firstTry, String meanDifficulty, List<ClassDashboard.WrongOption> wrong) {
    }

    /**
     * @param stored      the figures come from the stored computation of {@code computedAt}, not from this request
     * @param computeTime how long that computation took, e.g. "4.2 s"
     * @param done        "computed" after "Compute now"
     */
    public record DashboardView(ClassService.ClassSummary summary, List<ClassService.AssignedDeck> decks,
                                List<LearnerView> learners, List<QuestionView> questions, List<QuestionView> hardest,
                                String retentionChart, String hardestChart, String computedAt, boolean stored,
                                String computeTime, long refreshMinutes, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ClassService.Mine mine, boolean instructor, String name, String description,
                                            String error, String done);

        static native TemplateInstance detail(ClassService.ClassDetail c, List<InviteRow> invites, String done,
                                              String error, String deckValue);

        static native TemplateInstance dashboard(DashboardView d);
    }

    @Inject
    ClassService classes;

    @Inject
    ClassDashboard dashboards;

    @Inject
    CurrentUser user;

    @Inject
    Ui ui;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    private Viewer viewer() {
        return Viewer.of(user);
    }

    private ClassMessages msg() {
        return MessageBundles.get(ClassMessages.class, Localized.Literal.of(ui.lang()));
    }

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        return Templates.list(classes.mine(viewer()), ui.instructor(), "", "", null, done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String description) {
        try {
            long id = classes.create(viewer(), name, description);
            return Response.seeOther(URI.create("/classes/" + id + "?done=created")).build();
        } catch (ClientFacingException e) {
            if (e.status() != 422) {
                throw e;
            }
            return Response.status(422).entity(Templates.list(classes.mine(viewer()), ui.instructor(), name, description,
                    fieldError(e), null)).build();
        }
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") long id, @QueryParam("done") String done) {
        return render(id, done, null, "", 200);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String name, @RestForm String description) {
        return act(id, "saved", "", () -> classes.update(viewer(), id, name, description));
    }

    @POST
    @Path("{id}/archive")
    public Response archive(@PathParam("id") long id) {
        return act(id, "archived", "", () -> classes.setArchived(viewer(), id, true));
    }

    @POST
    @Path("{id}/restore")
    public Response restore(@PathParam("id") long id) {
        return act(id, "restored", "", () -> classes.setArchived(viewer(), id, false));
    }

    @POST
    @Path("{id}/invites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("id") long id, @RestForm String expiresInDays) {
        return act(id, "invited", "", () -> classes.createInvite(viewer(), id, optionalInt(expiresInDays, "expiresInDays")));
    }

    @POST
    @Path("{id}/invites/{invite}/revoke")
    public Response revoke(@PathParam("id") long id, @PathParam("invite") long invite) {
        return act(id, "revoked", "", () -> classes.revokeInvite(viewer(), id, invite));
    }

    @POST
    @Path("{id}/decks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, @RestForm String deck, @RestForm String newCardsPerDay) {
        return act(id, "assigned", deck, () -> classes.assign(viewer(), id, deck,
                optionalInt(newCardsPerDay, "newCardsPerDay"), ui.lang()));
    }

    @POST
    @Path("{id}/decks/{deck}/remove")
    public Response unassign(@PathParam("id") long id, @PathParam("deck") String deck) {
        return act(id, "unassigned", "", () -> classes.unassign(viewer(), id, deck));
    }

    @POST
    @Path("{id}/leave")
    public Response leave(@PathParam("id") long id) {
        classes.leave(viewer(), id);
        return Response.seeOther(URI.create("/classes?done=left")).build();
    }

    @GET
    @Path("{id}/dashboard")
    public TemplateInstance dashboard(@PathParam("id") long id, @QueryParam("done") String done) {
        ClassDashboard.Dashboard d = dashboards.of(viewer(), id, ui.lang(), Instant.now());
        ClassMessages msg = msg();
        List<LearnerView> learners = d.learners().stream().map(l -> new LearnerView(l.username(), l.cardsStudied(),
                l.dueNow(), percent(l.retention()), l.lastActive() == null ? "" : TIME.format(l.lastActive()), l.streak()))
                .toList();
        List<QuestionView> questions = d.questions().stream().map(ClassPages::view).toList();
        List<QuestionView> hardest = d.hardest().stream().map(ClassPages::view).toList();
        // learners by their true retention: how many are in each tenth (0-9 %, ..., 90-100 %)
        long[] buckets = new long[10];
        long without = 0;
        for (ClassDashboard.LearnerRow l : d.learners()) {
            if (l.retention() == null) {
                without++;
            } else {
                buckets[Math.min(9, (int) Math.floor(l.retention() * 10))]++;
            }
        }
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String range = (i * 10) + "–" + (i == 9 ? 100 : i * 10 + 9) + " %";
            bars.add(new SvgCharts.Bar(i % 2 == 0 ? (i * 10) + "%" : "", buckets[i], msg.class_chart_bucket(range, (int) buckets[i])));
        }
        String retentionChart = SvgCharts.bars(msg.class_chart_retention(), msg.class_chart_retention_desc((int) without), bars, 0, "#146c2e");
        List<SvgCharts.Bar> hard = d.hardest().stream().map(q -> new SvgCharts.Bar("", Math.round(q.againRate() * 1000) / 10.0,
                msg.class_chart_hard_bar(q.label(), percent(q.againRate())))).toList();
        String hardestChart = SvgCharts.bars(msg.class_chart_hardest(), msg.class_chart_hardest_desc(), hard, 100, "#b3261e");
        return Templates.dashboard(new DashboardView(d.summary(), d.decks(), learners, questions, hardest,
                retentionChart, hardestChart, TIME.format(d.computedAt()), d.stored(),
                String.format(Locale.ROOT, "%.1f s", d.computeMillis() / 1000.0),
                Math.max(1, dashboards.refreshAfter().toMinutes()), "computed".equals(done) ? done : null));
    }

    /** "Compute now": the class's figures computed at once and stored, then back to the dashboard. */
    @POST
    @Path("{id}/dashboard/refresh")
    public Response refreshDashboard(@PathParam("id") long id) {
        dashboards.refresh(viewer(), id, ui.lang(), Instant.now());
        return Response.seeOther(URI.create("/classes/" + id + "/dashboard?done=computed")).build();
    }

    @GET
    @Path("{id}/dashboard/learners.csv")
    @Produces("text/csv")
    public Response learnersCsv(@PathParam("id") long id) {
        ClassDashboard.Dashboard d = dashboards.of(viewer(), id, ui.lang(), Instant.now());
        return ClassesResource.csv(out -> DashboardCsv.learners(d, out), "class-" + id + "-learners.csv");
    }

    @GET
    @Path("{id}/dashboard/questions.csv")
    @Produces("text/csv")
    public Response questionsCsv(@PathParam("id") long id) {
        ClassDashboard.Dashboard d = dashboards.of(viewer(), id, ui.lang(), Instant.now());
        return ClassesResource.csv(out -> DashboardCsv.questions(d, out), "class-" + id + "-questions.csv");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static QuestionView view(ClassDashboard.QuestionRow q) {
        return new QuestionView(q.deck(), q.externalId(), q.label(), q.type().name(), q.answers(), percent(q.againRate()),
                percent(q.firstTry()), q.meanDifficulty() == null ? "" : String.format(Locale.ROOT, "%.1f", q.meanDifficulty()),
                q.wrongOptions());
    }

    static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + " %";
    }

    private Response act(long id, String done, String deckValue, Runnable change) {
        try {
            change.run();
        } catch (ClientFacingException e) {
            if (e.status() >= 500 || classes.access(viewer(), id) != ClassService.Access.MANAGE) {
                throw e;
            }
            String error = e.status() == 422 ? fieldError(e)
                    : ClassService.NOT_DECK_OWNER.equals(e.kind()) ? msg().class_error_deck_not_owner()
                    : e.status() == 403 ? msg().class_error_deck_not_allowed()
                    : e.status() == 409 ? msg().class_error_deck_archived()
                    : e.status() == 404 ? msg().class_error_not_found() : e.getMessage();
            return render(id, null, error, deckValue == null ? "" : deckValue, e.status());
        }
        return Response.seeOther(URI.create("/classes/" + id + "?done=" + done)).build();
    }

    private Response render(long id, String done, String error, String deckValue, int status) {
        ClassService.ClassDetail c = classes.detail(viewer(), id, ui.lang());
        String origin = uri.getBaseUri().toString().replaceAll("/$", "");
        List<InviteRow> invites = c.invites().stream().map(i -> new InviteRow(i.id(), i.code(),
                origin + "/join/" + i.code(), TIME.format(i.createdAt()), i.expiresAt() == null ? "" : TIME.format(i.expiresAt()),
                i.active(), i.revokedAt() != null)).toList();
        return Response.status(status).entity(Templates.detail(c, invites, done, error, deckValue)).build();
    }

    private String fieldError(ClientFacingException e) {
        ClassMessages msg = msg();
        String field = e.fieldErrors().isEmpty() ? "" : e.fieldErrors().getFirst().field();
        return switch (field) {
            case "name" -> msg.class_error_name();
            case "description" -> msg.class_error_description();
            case "expiresInDays" -> msg.class_error_expiry();
            case "newCardsPerDay" -> msg.class_error_limit();
            case "deck" -> msg.class_error_deck();
            default -> e.getMessage();
        };
    }

    private static Integer optionalInt(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ClientFacingException.validation(field, "a whole number");
        }
    }
}
