package io.demodeck.classes;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Classes through the API: the same {@link ClassService} and {@link ClassDashboard} as the pages. */
@Path("/api/v1/classes")
@Tag(name = "Classes", description = "Classes, invite codes, assigned decks and the class dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class ClassesResource {

    public record ClassRequest(@Schema(examples = "Backend interview prep, spring") String name, String description) {
    }

    public record InviteRequest(@Schema(description = "1-365; null for no expiry") Integer expiresInDays) {
    }

    public record AssignRequest(@Schema(description = "0-9999 new cards a day for members; null for their own limits")
                                Integer newCardsPerDay) {
    }

    public record JoinRequest(@Schema(description = "the invite code (the last part of the invite link)")
                              @NotBlank(message = "{demodeck.inviteCode}")
                              @Pattern(regexp = "\\s*[A-Za-z0-9_-]{1,100}\\s*", message = "{demodeck.inviteCode}")
                              String code) {
    }

    public record ApiInvite(long id, String code, @Schema(description = "the page a learner opens to join") String link,
                            Instant createdAt, Instant expiresAt, Instant revokedAt, boolean active) {
        static ApiInvite of(ClassService.Invite i) {
            return new ApiInvite(i.id(), i.code(), "/join/" + i.code(), i.createdAt(), i.expiresAt(), i.revokedAt(), i.active());
        }
    }

    public record ApiClass(long id, String name, String description, boolean archived, String owner, long members,
                           long decks, @Schema(description = "manage (instructor, admin) or member") String access,
                           List<ClassService.AssignedDeck> assignedDecks,
                           @Schema(description = "for those who manage the class only") List<ApiInvite> invites,
                           @Schema(description = "for those who manage the class only") List<ClassService.Member> memberList) {
        static ApiClass of(ClassService.ClassDetail d) {
            ClassService.ClassSummary s = d.summary();
            return new ApiClass(s.id(), s.name(), s.description(), s.archived(), s.owner(), s.members(), s.decks(),
                    d.access().name().toLowerCase(java.util.Locale.ROOT), d.decks(),
                    d.invites().stream().map(ApiInvite::of).toList(), d.members());
        }
    }

    public record MyClasses(List<ClassService.ClassSummary> teaching, List<ClassService.ClassSummary> learning) {
    }

    @Inject
    ClassService classes;

    @Inject
    ClassDashboard dashboards;

    @Inject
    CurrentUser user;

    private Viewer viewer() {
        return Viewer.of(user);
    }

    @GET
    @Operation(summary = "My classes", description = "The classes you teach and the classes you are a member of.")
    @APIResponse(responseCode = "200", description = "Your classes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MyClasses.class)))
    public MyClasses mine() {
        ClassService.Mine mine = classes.mine(viewer());
        return new MyClasses(mine.teaching(), mine.learning());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a class", description = "Instructors only. The class starts without invites or decks.")
    @APIResponse(responseCode = "201", description = "The class",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiClass.class)))
    @APIResponse(responseCode = "422", description = "name empty or longer than 200 characters, description over 2000",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response create(ClassRequest body) {
        ClassRequest b = body == null ? new ClassRequest(null, null) : body;
        long id = classes.create(viewer(), b.name(), b.description());
        return Response.created(URI.create("/api/v1/classes/" + id)).entity(ApiClass.of(classes.detail(viewer(), id, "en"))).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A class", description = "Its instructor and admins also get the invites and the members; members get its name and decks.")
    @APIResponse(responseCode = "200", description = "The class",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiClass.class)))
    @APIResponse(responseCode = "403", description = "Neither its instructor, an admin nor a member",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such class",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiClass get(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return ApiClass.of(classes.detail(viewer(), id, lang == null ? "en" : lang));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename or describe a class", description = "Its instructor and admins.")
    @APIResponse(responseCode = "200", description = "The class",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiClass.class)))
    @APIResponse(responseCode = "422", description = "name empty or too long",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiClass update(@PathParam("id") long id, ClassRequest body) {
        ClassRequest b = body == null ? new ClassRequest(null, null) : body;
        classes.update(viewer(), id, b.name(), b.description());
        return ApiClass.of(classes.detail(viewer(), id, "en"));
    }

    @POST
    @Path("{id}/archive")
    @Operation(summary = "Archive a class", description = "Its invites stop working and its deck limits stop applying; members and history stay.")
    @APIResponse(responseCode = "200", description = "The class",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiClass.class)))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiClass archive(@PathParam("id") long id) {
        classes.setArchived(viewer(), id, true);
        return ApiClass.of(classes.detail(viewer(), id, "en"));
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Restore an archived class", description = "Its instructor and admins.")
    @APIResponse(responseCode = "200", description = "The class",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiClass.class)))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiClass restore(@PathParam("id") long id) {
        classes.setArchived(viewer(), id, false);
        return ApiClass.of(classes.detail(viewer(), id, "en"));
    }

    @POST
    @Path("{id}/invites")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an invite code", description = "A random 128-bit code; optionally expiring after 1-365 days.")
    @APIResponse(responseCode = "201", description = "The invite",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiInvite.class)))
    @APIResponse(responseCode = "422", description = "expiresInDays outside 1-365",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response invite(@PathParam("id") long id, InviteRequest body) {
        ApiInvite invite = ApiInvite.of(classes.createInvite(viewer(), id, body == null ? null : body.expiresInDays()));
        return Response.status(201).entity(invite).build();
    }

    @DELETE
    @Path("{id}/invites/{invite}")
    @Operation(summary = "Revoke an invite code", description = "The code stops working at once; members who joined stay.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such invite in this class",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public void revoke(@PathParam("id") long id, @PathParam("invite") long invite) {
        classes.revokeInvite(viewer(), id, invite);
    }

    @PUT
    @Path("{id}/decks/{deck}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a deck", description = "A deck you own (admins: any deck), or a public deck; a "
            + "co-editor may not assign the deck they co-edit. A private deck becomes "
            + "visible to the class's members (visibility 'class'). Again: changes the daily new-card limit.")
    @APIResponse(responseCode = "200", description = "The assigned deck",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassService.AssignedDeck.class)))
    @APIResponse(responseCode = "422", description = "No such deck, or newCardsPerDay outside 0-9999",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin, or a deck you may not assign "
            + "(type not-deck-owner: you co-edit it, only its owner assigns it)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ClassService.AssignedDeck assign(@PathParam("id") long id, @PathParam("deck") String deck, AssignRequest body) {
        return classes.assign(viewer(), id, deck, body == null ? null : body.newCardsPerDay(), "en");
    }

    @DELETE
    @Path("{id}/decks/{deck}")
    @Operation(summary = "Take a deck off the class", description = "The learners keep their cards and history.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The deck is not assigned to this class",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public void unassign(@PathParam("id") long id, @PathParam("deck") String deck) {
        classes.unassign(viewer(), id, deck);
    }

    @POST
    @Path("join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join a class by its invite code",
            description = "The class's instructors will see your progress in its decks. Joining again changes nothing.")
    @APIResponse(responseCode = "200", description = "The class",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiClass.class)))
    @APIResponse(responseCode = "404", description = "Unknown code",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "410", description = "The code expired or was revoked, or the class is archived",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiClass join(@NotNull @Valid JoinRequest body) {
        long id = classes.join(viewer(), body.code().strip());
        return ApiClass.of(classes.detail(viewer(), id, "en"));
    }

    @DELETE
    @Path("{id}/membership")
    @Operation(summary = "Leave a class", description = "Your cards and reviews stay yours; the class's instructors no longer see them.")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "403", description = "You are not a member",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such class",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public void leave(@PathParam("id") long id) {
        classes.leave(viewer(), id);
    }

    @GET
    @Path("{id}/dashboard")
    @Operation(summary = "The class dashboard", description = "Per learner: cards studied, due now, true retention "
            + "(30 days), last active, streak; per question: answers, again rate, first-try correctness, mean difficulty, "
            + "the wrong options chosen most; the 10 hardest questions. A large class's figures are those of its last "
            + "computation (stored: true, computedAt), recomputed in the background every few minutes. "
            + "The class's instructor and admins only.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassDashboard.Dashboard.class)))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin (members never see each other)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such class",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ClassDashboard.Dashboard dashboard(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return dashboards.of(viewer(), id, dashboardLang(lang), Instant.now());
    }

    @POST
    @Path("{id}/dashboard/refresh")
    @Operation(summary = "Compute the class dashboard now", description = "A large class's dashboard is served from its "
            + "last computation (stored: true, computedAt) and recomputed in the background every few minutes; this "
            + "computes it at once, stores it and returns it. The class's instructor and admins only.")
    @APIResponse(responseCode = "200", description = "The dashboard, just computed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassDashboard.Dashboard.class)))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such class",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ClassDashboard.Dashboard refreshDashboard(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return dashboards.refresh(viewer(), id, dashboardLang(lang), Instant.now());
    }

    @GET
    @Path("{id}/dashboard/learners.csv")
    @Produces("text/csv")
    @Operation(summary = "The learners table as CSV", description = "Spreadsheet-safe: a cell starting with = + - @ gets a leading apostrophe.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response learnersCsv(@PathParam("id") long id) {
        ClassDashboard.Dashboard d = dashboards.of(viewer(), id, "en", Instant.now());
        return csv(out -> DashboardCsv.learners(d, out), "class-" + id + "-learners.csv");
    }

    @GET
    @Path("{id}/dashboard/questions.csv")
    @Produces("text/csv")
    @Operation(summary = "The questions table as CSV", description = "Spreadsheet-safe: a cell starting with = + - @ gets a leading apostrophe.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "403", description = "Not its instructor or an admin",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response questionsCsv(@PathParam("id") long id, @QueryParam("lang") String lang) {
        ClassDashboard.Dashboard d = dashboards.of(viewer(), id, dashboardLang(lang), Instant.now());
        return csv(out -> DashboardCsv.questions(d, out), "class-" + id + "-questions.csv");
    }

    /** The language of question labels and options: en unless given; one of the supported languages. */
    private static String dashboardLang(String lang) {
        if (lang == null || lang.isBlank()) {
            return "en";
        }
        if (!io.demodeck.web.Languages.isSupported(lang)) {
            throw ClientFacingException.validation("lang", "one of " + io.demodeck.web.Languages.SUPPORTED);
        }
        return lang;
    }

    interface CsvBody {
        void write(Writer out) throws java.io.IOException;
    }

    static Response csv(CsvBody body, String fileName) {
        StreamingOutput output = stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            body.write(out);
            out.flush();
        };
        return Response.ok(output, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
