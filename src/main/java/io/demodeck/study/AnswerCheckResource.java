package io.demodeck.study;

import io.demodeck.api.ApiLanguage;
import io.demodeck.account.Role;
import io.demodeck.bank.BankQueries;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.ApiProblem;
import io.demodeck.quiz.AnswerChecker;
import io.demodeck.quiz.QuizKey;
import io.demodeck.quiz.QuizResponse;
import io.demodeck.quiz.cloze.ClozeResult;
import io.demodeck.quiz.QuizResult;
import io.demodeck.quiz.WordDiff;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/** Grades an answer to a quiz question by the same rules as the study page ({@link AnswerChecker}). */
@Path("/api/v1/questions/{questionId}/check")
@Tag(name = "Study", description = "The study queue")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.LEARNER_NAME)
@io.demodeck.platform.BodyLimit(16 * 1024)
@RunOnVirtualThread
public class AnswerCheckResource {

    static final int MAX_TYPED = 2000;

    /**
     * @param choices written positions of the choices picked (single/multiple choice)
     * @param text    the typed answer (short answer, numerical)
     * @param matches matching: for each left-hand item, the pair whose right-hand side was picked (-1 = none)
     * @param truth   true/false
     * @param gaps    cloze: for each gap in order, what was typed or the choices picked (their texts)
     */
    public record Answer(Set<Integer> choices, String text, List<Integer> matches, Boolean truth, List<List<String>> gaps) {
    }

    /**
     * @param verdict  RIGHT, RIGHT_WITH_TYPO or WRONG
     * @param expected the accepted answer compared with (the closest one), short answers only
     * @param diff     the typed answer against it, word by word: GOOD, BAD (typed, wrong) and MISSED (expected) runs
     * @param feedback what the source says about the answer matched, Markdown, or null
     * @param gaps     cloze: each gap's result (right, credit, what was given, the expected answer, its feedback)
     * @param suggestedRating cloze: the rating the answer suggests (3 Good when every gap is right, 2 Hard when some
     *                 credit was earned, 1 Again when none); null for other types (3 when right, else 1)
     */
    public record Verdict(QuizResult.Verdict verdict, boolean correct, double score, String expected,
                          List<WordDiff.Segment> diff, String feedback, List<ClozeResult.GapResult> gaps,
                          Integer suggestedRating) {
    }

    @Inject
    BankQueries bank;

    @Inject
    io.demodeck.account.CurrentUser user;

    @POST
    @Operation(summary = "Check an answer to a quiz question",
            description = "Grades the answer as the study page does: short answers against the closest accepted "
                    + "answer, with one typo per 6 characters tolerated (RIGHT_WITH_TYPO); numerical answers may "
                    + "carry a unit the question names (\"2 KiB\"). Changes nothing: send the rating with "
                    + "POST /api/v1/reviews.")
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(schema = @Schema(implementation = Verdict.class)))
    @APIResponse(responseCode = "400", description = "No answer in the body",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "422", description = "text: a numerical answer that is not a number (or has a unit "
            + "the question does not name); lang unsupported",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    @APIResponse(responseCode = "404", description = "No such quiz question, or one of a deck the caller may not see",
            content = @Content(mediaType = ApiProblem.MEDIA_TYPE, schema = @Schema(implementation = ApiProblem.class)))
    public Verdict check(@PathParam("questionId") long questionId,
                         @QueryParam("lang") @Parameter(description = "ru or en: the language whose accepted answers count")
                         String lang, @Context HttpHeaders headers, Answer answer) {
        if (answer == null) {
            throw ClientFacingException.badRequest("the body must be an answer: {\"choices\": [...]}, {\"text\": \"...\"}, "
                    + "{\"matches\": [...]}, {\"truth\": true} or {\"gaps\": [[...], ...]}");
        }
        QuizKey key = bank.quizKey(io.demodeck.deck.DeckAccess.Viewer.of(user), questionId, ApiLanguage.pick(lang, headers))
                .orElseThrow(() -> ClientFacingException.notFound("quiz question " + questionId));
        String text = answer.text() == null || answer.text().length() <= MAX_TYPED ? answer.text()
                : answer.text().substring(0, MAX_TYPED);
        QuizResult result = AnswerChecker.check(key,
                new QuizResponse(answer.choices(), text, answer.matches(), answer.truth(), answer.gaps()));
        if (result.verdict() == QuizResult.Verdict.NOT_A_NUMBER) {
            throw ClientFacingException.validation("text", result.unknownUnit() == null ? "enter a number, for example 2 or 2.5"
                    : "enter a number: \"" + result.unknownUnit() + "\" is not a unit this question names");
        }
        ClozeResult cloze = result.cloze();
        return new Verdict(result.verdict(), result.correct(), result.score(), result.expected(), result.diff(),
                result.feedback(), cloze == null ? null : cloze.gaps(), cloze == null ? null : cloze.suggestedGrade());
    }
}
