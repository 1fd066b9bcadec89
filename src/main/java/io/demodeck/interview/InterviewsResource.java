package io.demodeck.interview;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.bank.BankViews;
import io.demodeck.quiz.QuestionType;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.ApiProblem;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.quiz.QuizResponse;
import io.demodeck.quiz.QuizView;
import io.demodeck.study.QuizViews;
import io.demodeck.study.StudyClock;
import io.demodeck.web.Languages;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Mock interviews through the API: the same {@link InterviewService} as the pages. */
@Path("/api/v1/interviews")
@Tag(name = "Interviews", description = "Mock interviews: timed questions of a deck, scored by key points and quiz keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class InterviewsResource {

    public record StartRequest(@Schema(examples = "goroutines-threads-processes", description = "any deck you may see: the "
                                       + "bank's, public ones, yours, and those of your classes") String deck,
                               @Schema(description = "only questions with any of these tags; empty for all") List<String> tags,
                               @Schema(description = "1-30 questions (fewer when the deck has fewer)") Integer questions,
                               @Schema(description = "10-3600 seconds per question") Integer secondsPerQuestion,
                               @Schema(description = "shuffle the questions (default true), else deck order") Boolean shuffle) {
    }

    public record AnswerRequest(
            @Schema(description = "the current question's position (1-based)", required = true)
            @NotNull(message = "{demodeck.position}") @Min(value = 1, message = "{demodeck.position}") Integer position,
            @Schema(description = "a typed answer: flashcards (scored by key points), short answer, numerical") String text,
            @Schema(description = "flashcards: answered aloud; the response then lists the key points to self-grade") Boolean aloud,
            @Schema(description = "self-grading after aloud: the 0-based key points covered") List<Integer> coveredKeyPoints,
            @Schema(description = "skip the question (scored 0)") Boolean skip,
            @Schema(description = "single/multiple choice: the choices' values") Set<Integer> selected,
            @Schema(description = "true/false") Boolean truth,
            @Schema(description = "matching: for each left-hand item, the value of the right-hand side picked (-1 none)") List<Integer> matches,
            @Schema(description = "cloze: per gap, the typed text or the positions picked") List<List<String>> gaps) {
    }

    public record ApiChoice(int value, String html) {
    }

    public record ApiMatchOption(int value, String text) {
    }

    /** The question to answer now; no key, no model answer. */
    public record ApiQuestion(int position, int total, long questionId, String externalId, QuestionType type,
                              String promptHtml, List<ApiChoice> choices, List<String> matchLeft,
                              List<ApiMatchOption> matchOptions,
                              @Schema(description = "answered aloud: self-grade these key points next") boolean awaitingSelfGrade,
                              @Schema(description = "only while awaiting self-grading") List<String> keyPointsHtml,
                              Instant shownAt, long secondsLeft) {
    }

    public record ApiKeyPoint(String html, boolean hit) {
    }

    public record ApiDemo(String id, String title) {
    }

    public record ApiResult(int position, long questionId, String externalId, QuestionType type, String promptHtml,
                            @Schema(description = "typed, aloud, quiz or skipped") String mode, String answer,
                            @Schema(description = "model answer (flashcards) or the quiz key, HTML") String expectedHtml,
                            @Schema(description = "true/false questions: the right value") Boolean truth,
                            List<ApiKeyPoint> keyPoints, String accurateNoteHtml, List<ApiDemo> demos,
                            @Schema(description = "0..1") double score, boolean passed, long seconds, boolean overTime) {
    }

    public record ApiInterview(long id, String deck, String deckTitle, List<String> tags, int questions,
                               int secondsPerQuestion, Instant startedAt, Instant finishedAt,
                               @Schema(description = "0-100 once finished") Double score,
                               @Schema(description = "running or finished") String status,
                               @Schema(description = "while running") ApiQuestion current,
                               @Schema(description = "once finished") List<ApiResult> results,
                               int missed, @Schema(description = "missed questions sent to the review queue") boolean queued) {
    }

    public record ApiSummary(long id, String deck, String deckTitle, List<String> tags, int questions,
                             int secondsPerQuestion, Instant startedAt, Instant finishedAt, Double score, String status) {
    }

    public record QueueResult(@Schema(description = "questions graded Again now (0 when sent before)") int sent,
                              ApiInterview interview) {
    }

    @Inject
    InterviewService interviews;

    @Inject
    CurrentUser user;

    @Inject
    StudyClock clock;

    @GET
    @Operation(summary = "My interviews", description = "Newest first, with their scores (the trend of the history page).")
    @APIResponse(responseCode = "200", description = "The interviews",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSummary.class)))
    public List<ApiSummary> list() {
        return interviews.history(user.id(), 500).stream().map(s -> new ApiSummary(s.id(), s.deck(), s.deckTitle(),
                s.tags(), s.questions(), s.secondsPerQuestion(), s.startedAt(), s.finishedAt(), s.score(),
                s.finished() ? "finished" : "running")).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an interview", description = "Picks the questions (flashcards with key points and quiz "
            + "questions) and shows the first one; its clock starts now.")
    @APIResponse(responseCode = "201", description = "The interview with its first question",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiInterview.class)))
    @APIResponse(responseCode = "404", description = "No deck you may see has this id (a deck you may not see answers "
            + "as a missing one)",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "deck missing, tags that match no question, "
            + "questions or secondsPerQuestion out of range",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Response start(StartRequest body, @QueryParam("lang") @Parameter(description = "ru or en") String lang,
                          @Context HttpHeaders headers) {
        StartRequest b = body == null ? new StartRequest(null, null, null, null, null) : body;
        String language = language(lang, headers);
        long id = interviews.start(Viewer.of(user), b.deck(), b.tags(), b.questions(), b.secondsPerQuestion(),
                b.shuffle() == null || b.shuffle(), language, clock.now());
        return Response.created(URI.create("/api/v1/interviews/" + id)).entity(view(id, language)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An interview", description = "While it runs: the current question (its clock starts at its "
            + "first showing). Once finished: every answer beside the model answer, key points hit and missed.")
    @APIResponse(responseCode = "200", description = "The interview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiInterview.class)))
    @APIResponse(responseCode = "404", description = "No interview of yours has this id",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiInterview get(@PathParam("id") long id, @QueryParam("lang") @Parameter(description = "ru or en") String lang,
                            @Context HttpHeaders headers) {
        return view(id, language(lang, headers));
    }

    @POST
    @Path("{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the current question", description = "Typed answers to flashcards are scored by the "
            + "key points they cover, quiz questions by their keys. Answered aloud, the response lists the key points; "
            + "post again with coveredKeyPoints to self-grade. The interview finishes after its last question.")
    @APIResponse(responseCode = "200", description = "The interview, at its next question or finished",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiInterview.class)))
    @APIResponse(responseCode = "409", description = "position is not the current question, or the interview is finished",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "position missing; text empty for a flashcard; a numerical answer "
            + "that is no number",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No interview of yours has this id",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiInterview answer(@PathParam("id") long id, @NotNull @Valid AnswerRequest body,
                               @QueryParam("lang") @Parameter(description = "ru or en") String lang,
                               @Context HttpHeaders headers) {
        String language = language(lang, headers);
        QuizResponse quiz = new QuizResponse(body.selected(), body.text(), body.matches(), body.truth(), body.gaps());
        interviews.answer(user.id(), id, body.position(), new InterviewService.Answer(body.text(),
                Boolean.TRUE.equals(body.aloud()), body.coveredKeyPoints(), Boolean.TRUE.equals(body.skip()), quiz),
                language, clock.now());
        return view(id, language);
    }

    @POST
    @Path("{id}/finish")
    @Operation(summary = "End an interview now", description = "Questions not answered count as skipped. Finishing a "
            + "finished interview changes nothing.")
    @APIResponse(responseCode = "200", description = "The finished interview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiInterview.class)))
    @APIResponse(responseCode = "404", description = "No interview of yours has this id",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public ApiInterview finish(@PathParam("id") long id, @QueryParam("lang") @Parameter(description = "ru or en") String lang,
                               @Context HttpHeaders headers) {
        interviews.finish(user.id(), id, clock.now());
        return view(id, language(lang, headers));
    }

    @POST
    @Path("{id}/missed-to-queue")
    @Operation(summary = "Send the missed questions to my review queue", description = "Grades each missed question "
            + "Again in your FSRS queue; once per interview (the second call sends nothing).")
    @APIResponse(responseCode = "200", description = "How many were sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueueResult.class)))
    @APIResponse(responseCode = "409", description = "The interview is not finished",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No interview of yours has this id",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public QueueResult queueMissed(@PathParam("id") long id, @QueryParam("lang") @Parameter(description = "ru or en") String lang,
                                   @Context HttpHeaders headers) {
        int sent = interviews.queueMissed(user.id(), id, "api", clock.now());
        return new QueueResult(sent, view(id, language(lang, headers)));
    }

    // ---------------------------------------------------------------------------------------------------------

    private ApiInterview view(long id, String lang) {
        InterviewService.Detail d = interviews.detail(user.id(), id, lang, clock.now());
        InterviewService.Summary s = d.summary();
        ApiQuestion current = null;
        if (d.current() != null) {
            InterviewService.Current c = d.current();
            BankViews.QuestionDetail q = c.question();
            QuizView quiz = QuizViews.question(q, c.seed());
            current = new ApiQuestion(c.position(), c.total(), q.id(), q.externalId(), q.type(), q.promptHtml(),
                    quiz.choices().stream().map(x -> new ApiChoice(x.value(), x.html())).toList(),
                    quiz.matchRows().stream().map(QuizView.MatchRow::left).toList(),
                    quiz.matchOptions().stream().map(o -> new ApiMatchOption(o.value(), o.text())).toList(),
                    c.awaitingSelfGrade(), c.awaitingSelfGrade() ? c.keyPointsHtml() : List.of(), c.shownAt(),
                    c.secondsLeft());
        }
        List<ApiResult> results = d.items().stream().map(r -> new ApiResult(r.position(), r.questionId(), r.externalId(),
                r.type(), r.promptHtml(), r.mode(), r.answer(), r.expectedHtml(), r.truth(),
                r.keyPoints().stream().map(k -> new ApiKeyPoint(k.html(), k.hit())).toList(), r.accurateNoteHtml(),
                r.demos().stream().filter(BankViews.DemoRef::known).map(x -> new ApiDemo(x.id(), x.title())).toList(),
                r.score(), r.correct(), r.seconds(), r.overTime())).toList();
        return new ApiInterview(s.id(), s.deck(), s.deckTitle(), s.tags(), s.questions(), s.secondsPerQuestion(),
                s.startedAt(), s.finishedAt(), s.score(), s.finished() ? "finished" : "running", current, results,
                d.missed(), d.queued());
    }

    private static String language(String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank()) {
            if (!Languages.isSupported(lang)) {
                throw ClientFacingException.validation("lang", "one of " + Languages.SUPPORTED);
            }
            return lang;
        }
        for (Locale locale : headers.getAcceptableLanguages()) {
            if (Languages.isSupported(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return Languages.DEFAULT;
    }
}
