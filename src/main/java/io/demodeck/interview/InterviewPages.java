package io.demodeck.interview;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.bank.BankQueries;
import io.demodeck.bank.BankViews;
import io.demodeck.deck.DeckAccess.Viewer;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.quiz.QuizResponse;
import io.demodeck.quiz.QuizView;
import io.demodeck.study.QuizViews;
import io.demodeck.quiz.cloze.ClozeForm;
import io.demodeck.study.StudyClock;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Mock interviews in the browser: the history with the trend of scores, the start form, one question at a time
 * (post/redirect/get after every answer) and the result page. Logic lives in {@link InterviewService}.
 */
@Path("/interviews")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class InterviewPages {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);
    static final int DEFAULT_QUESTIONS = 5;
    static final int DEFAULT_SECONDS = 120;

    public record HistoryRow(InterviewService.Summary s, String started, String score) {
    }

    public record HistoryPage(List<HistoryRow> rows, String chart, boolean enoughForChart) {
    }

    public record StartPage(List<BankViews.DeckSummary> decks, String deck, String deckTitle, List<String> tags, List<String> chosenTags,
                            String questions, String seconds, boolean shuffle, String error, String errorField) {
        public boolean chosen(String tag) {
            return chosenTags.contains(tag);
        }
    }

    public record QuestionPage(InterviewService.Detail d, InterviewService.Current c, BankViews.QuestionDetail q,
                               QuizView quiz, String clock, String error) {
    }

    public record ResultPage(InterviewService.Detail d, String started, String score, String totalTime, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(HistoryPage page);

        static native TemplateInstance start(StartPage page);

        static native TemplateInstance question(QuestionPage page);

        static native TemplateInstance result(ResultPage page);
    }

    @Inject
    InterviewService interviews;

    @Inject
    BankQueries bank;

    @Inject
    CurrentUser user;

    @Inject
    StudyClock clock;

    @Inject
    Ui ui;

    private InterviewMessages msg() {
        return MessageBundles.get(InterviewMessages.class, Localized.Literal.of(ui.lang()));
    }

    @GET
    public TemplateInstance history() {
        List<InterviewService.Summary> all = interviews.history(user.id(), 200);
        List<HistoryRow> rows = all.stream().map(s -> new HistoryRow(s, TIME.format(s.startedAt()),
                s.score() == null ? "" : percent(s.score()))).toList();
        List<InterviewService.Summary> finished = all.stream().filter(s -> s.score() != null).toList().reversed();
        InterviewMessages m = msg();
        List<InterviewService.Summary> last = finished.subList(Math.max(0, finished.size() - 30), finished.size());
        String chart = ScoreTrend.svg(m.history_chart(), m.history_chart_desc(), last.stream()
                .map(s -> new ScoreTrend.Point(DAY.format(s.startedAt()), s.score(),
                        m.history_chart_bar(TIME.format(s.startedAt()), percent(s.score())))).toList());
        return Templates.history(new HistoryPage(rows, chart, finished.size() >= 2));
    }

    @GET
    @Path("new")
    public TemplateInstance startForm(@QueryParam("deck") String deck) {
        return startPage(deck, List.of(), Integer.toString(DEFAULT_QUESTIONS), Integer.toString(DEFAULT_SECONDS), true,
                null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String deck, @RestForm List<String> tag, @RestForm String questions,
                          @RestForm String seconds, @RestForm String shuffle) {
        List<String> tags = tag == null ? List.of() : tag;
        try {
            long id = interviews.start(Viewer.of(user), deck, tags, number(questions), number(seconds),
                    shuffle != null, ui.lang(), clock.now());
            return Response.seeOther(URI.create("/interviews/" + id)).build();
        } catch (ClientFacingException e) {
            if (e.status() != 422) {
                throw e;
            }
            InterviewMessages m = msg();
            String field = e.fieldErrors().isEmpty() ? "" : e.fieldErrors().getFirst().field();
            String error = switch (field) {
                case "questions" -> m.error_questions(InterviewService.MIN_QUESTIONS, InterviewService.MAX_QUESTIONS);
                case "secondsPerQuestion" -> m.error_seconds(InterviewService.MIN_SECONDS, InterviewService.MAX_SECONDS);
                case "tags" -> m.error_tags();
                default -> m.error_deck();
            };
            return Response.status(422).entity(startPage(deck, tags, questions, seconds, shuffle != null, error,
                    "secondsPerQuestion".equals(field) ? "seconds" : field)).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("done") String done,
                                 @QueryParam("moved") boolean moved) {
        return page(id, done, moved ? msg().error_moved_on() : null);
    }

    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") long id, @RestForm int position, @RestForm String typed,
                           @RestForm String aloud, @RestForm String skip, @RestForm List<Integer> choice,
                           @RestForm String truth, @RestForm List<Integer> match, @RestForm List<String> gap,
                           @RestForm List<String> gapChoice, @RestForm List<Integer> covered) {
        long uid = user.id();
        InterviewService.Detail d = interviews.detail(uid, id, ui.lang(), clock.now());
        if (d.current() == null || d.current().position() != position) {
            // the browser's Back, a double submit: the current question (or the result) is shown instead
            return Response.seeOther(URI.create("/interviews/" + id + (d.current() == null ? "" : "?moved=true"))).build();
        }
        BankViews.QuestionDetail q = d.current().question();
        QuizResponse quiz = null;
        if (q.type().autoGraded()) {
            io.demodeck.quiz.QuizKey key = bank.quizKey(q.id(), ui.lang()).orElse(null);
            List<List<String>> gaps = key == null || key.cloze() == null ? List.of()
                    : ClozeForm.responses(key.cloze(), gap == null ? List.of() : gap, gapChoice == null ? List.of() : gapChoice);
            quiz = new QuizResponse(choice == null ? java.util.Set.of() : new HashSet<>(choice), typed,
                    match == null ? List.of() : match, truth == null ? null : Boolean.valueOf(truth), gaps);
        }
        try {
            interviews.answer(uid, id, position, new InterviewService.Answer(typed, aloud != null, covered,
                    skip != null, quiz), ui.lang(), clock.now());
        } catch (ClientFacingException e) {
            if (e.status() != 422) {
                throw e;
            }
            String error = q.type().autoGraded() && q.type() == io.demodeck.quiz.QuestionType.NUMERICAL
                    ? msg().error_number() : msg().error_empty();
            return Response.status(422).entity(page(id, null, error)).build();
        }
        return Response.seeOther(URI.create("/interviews/" + id)).build();
    }

    @POST
    @Path("{id}/finish")
    public Response finish(@PathParam("id") long id) {
        interviews.finish(user.id(), id, clock.now());
        return Response.seeOther(URI.create("/interviews/" + id)).build();
    }

    @POST
    @Path("{id}/queue")
    public Response queue(@PathParam("id") long id) {
        interviews.queueMissed(user.id(), id, "web", clock.now());
        return Response.seeOther(URI.create("/interviews/" + id + "?done=queued")).build();
    }

    // ---------------------------------------------------------------------------------------------------------

    private TemplateInstance page(long id, String done, String error) {
        InterviewService.Detail d = interviews.detail(user.id(), id, ui.lang(), clock.now());
        if (d.current() != null) {
            InterviewService.Current c = d.current();
            BankViews.QuestionDetail q = c.question();
            QuizView quiz = QuizViews.question(q, c.seed());
            return Templates.question(new QuestionPage(d, c, q, quiz, clock(c.secondsLeft()), error));
        }
        return Templates.result(new ResultPage(d, TIME.format(d.summary().startedAt()),
                percent(d.summary().score() == null ? 0 : d.summary().score()), clock(d.totalSeconds()), done));
    }

    private TemplateInstance startPage(String deck, List<String> chosen, String questions, String seconds,
                                       boolean shuffle, String error, String errorField) {
        Viewer viewer = Viewer.of(user);
        List<BankViews.DeckSummary> decks = bank.decks(viewer, ui.lang());
        String chosenDeck = deck != null && decks.stream().anyMatch(x -> x.externalId().equals(deck)) ? deck : null;
        List<String> tags = chosenDeck == null ? List.of() : interviews.tags(viewer, chosenDeck);
        String title = decks.stream().filter(x -> x.externalId().equals(chosenDeck)).map(BankViews.DeckSummary::title)
                .findFirst().orElse("");
        return Templates.start(new StartPage(decks, chosenDeck, title, tags, chosen, questions == null ? "" : questions,
                seconds == null ? "" : seconds, shuffle, error, errorField));
    }

    static String percent(double score) {
        return score == Math.rint(score) ? Long.toString((long) score) : String.format(Locale.ROOT, "%.1f", score);
    }

    /** m:ss */
    static String clock(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        return d.toMinutes() + ":" + String.format(Locale.ROOT, "%02d", d.toSecondsPart());
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
