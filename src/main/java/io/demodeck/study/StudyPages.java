package io.demodeck.study;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.bank.BankQueries;
import io.demodeck.bank.BankViews;
import io.demodeck.bank.QuestionType;
import io.demodeck.platform.ApiException;
import io.demodeck.quiz.AnswerChecker;
import io.demodeck.quiz.KeyPointMatcher;
import io.demodeck.quiz.QuizKey;
import io.demodeck.quiz.QuizResponse;
import io.demodeck.quiz.QuizResult;
import io.demodeck.review.ReviewIdReusedException;
import io.demodeck.review.ReviewService;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.web.Messages;
import io.demodeck.web.Ui;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The study page: one card at a time, keyboard first. Showing and checking an answer are GETs (nothing
 * changes); grading and undo are POSTs with a CSRF token, answered with a redirect (post/redirect/get). With
 * JavaScript, js/study.js sends the grade with {@value #NEXT_CARD_HEADER} and gets the next card in the same
 * response: one request per answer instead of two.
 */
@Path("/study/{deck}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.LEARNER_NAME)
@RunOnVirtualThread
public class StudyPages {

    static final int MAX_TYPED = 2000;
    /** Sent by js/study.js with a grade: answer with the next card's page instead of a redirect to it. */
    static final String NEXT_CARD_HEADER = "X-Study-Next";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance card(StudyViews.Card card);

        static native TemplateInstance done(StudyViews.Done done);
    }

    @Inject
    ReviewService reviews;

    @Inject
    BankQueries bank;

    @Inject
    StudyProgress progress;

    @Inject
    CurrentUser user;

    @Inject
    Ui ui;

    @Inject
    io.demodeck.classes.QuizAnswers quizAnswers;

    @GET
    public TemplateInstance next(@PathParam("deck") String deckId, @QueryParam("question") Long questionId,
                                 @QueryParam("undo") boolean undoable) {
        BankViews.DeckSummary deck = deck(deckId);
        Instant now = Instant.now();
        long uid = user.id();
        if (questionId != null) {
            BankViews.QuestionDetail q = question(deck, questionId);
            return Templates.card(card(uid, deck, q, now, false, UUID.randomUUID().toString(), null, undoable));
        }
        // the next card with its four outcomes and the day's counts, in two statements
        ReviewService.StudyBatch batch = reviews.nextCards(uid, deck.externalId(), now, 1).orElseThrow(NotFoundException::new);
        if (batch.cards().isEmpty()) {
            return Templates.done(new StudyViews.Done(deck, progress.nextDue(uid, deck.id(), now, ui.lang()), undoable));
        }
        ReviewService.NextCard next = batch.cards().getFirst();
        BankViews.QuestionDetail q = question(deck, next.card().questionId());
        return Templates.card(card(deck, q, batch.counts(), next.outcomes(), false, UUID.randomUUID().toString(), null,
                undoable));
    }

    /** Show the answer (flashcards) or check it (quiz questions). Changes nothing, hence a GET. */
    @GET
    @Path("answer")
    public TemplateInstance answer(@PathParam("deck") String deckId, @QueryParam("question") long questionId,
                                   @QueryParam("rid") String clientReviewId, @QueryParam("typed") String typed,
                                   @QueryParam("choice") List<Integer> choices, @QueryParam("truth") String truth,
                                   @QueryParam("match") List<Integer> matches, @QueryParam("undo") boolean undoable) {
        BankViews.DeckSummary deck = deck(deckId);
        BankViews.QuestionDetail q = question(deck, questionId);
        String text = typed == null ? null : typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED) : typed;
        StudyViews.Feedback feedback;
        if (q.type().autoGraded()) {
            QuizKey key = bank.quizKey(q.id(), ui.lang()).orElseThrow(NotFoundException::new);
            Boolean truthValue = truth == null ? null : Boolean.valueOf(truth);
            QuizResponse response = new QuizResponse(new HashSet<>(choices), text, matches, truthValue);
            QuizResult result = AnswerChecker.check(key, response);
            // kept for the class dashboard's item analysis; the form's review id makes a reload count once
            quizAnswers.record(user.id(), q.id(), validUuid(clientReviewId) ? UUID.fromString(clientReviewId)
                    : UUID.randomUUID(), result.correct(), response);
            // matching selects post the pair index of the chosen right-hand side, as AnswerChecker expects
            feedback = new StudyViews.Feedback(true, result.correct(), text, result.diff(), result.expected(),
                    List.copyOf(choices), truthValue, List.of());
        } else {
            List<Boolean> hits = text == null || text.isBlank() ? List.of()
                    : KeyPointMatcher.hits(text, q.keyPointsHtml().stream().map(StudyPages::plainText).toList());
            feedback = new StudyViews.Feedback(false, false, text, List.of(), null, List.of(), null, hits);
        }
        String rid = validUuid(clientReviewId) ? clientReviewId : UUID.randomUUID().toString();
        StudyViews.Card card = card(user.id(), deck, q, Instant.now(), true, rid, feedback, undoable);
        if (q.type() == QuestionType.MATCHING) {
            card = withMatchRows(card, matches);
        }
        return Templates.card(card);
    }

    @POST
    @Path("grade")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grade(@PathParam("deck") String deckId, @RestForm long question, @RestForm int rating,
                          @RestForm String rid, @RestForm Long durationMs,
                          @HeaderParam(NEXT_CARD_HEADER) String nextCardInline) {
        BankViews.DeckSummary deck = deck(deckId);
        question(deck, question);
        if (rating < 1 || rating > 4) {
            throw ApiException.badRequest("rating must be 1 (Again) to 4 (Easy)");
        }
        if (!validUuid(rid)) {
            throw ApiException.badRequest("the form is missing its review id; reload the page");
        }
        long duration = durationMs == null ? 0 : Math.max(0, Math.min(durationMs, Duration.ofHours(1).toMillis()));
        try {
            reviews.grade(user.id(), question, Rating.fromGrade(rating), Instant.now(), duration, UUID.fromString(rid), "web");
        } catch (ReviewIdReusedException e) {
            throw ApiException.badRequest("this answer's form was already used for another answer; reload the page");
        }
        URI nextCard = URI.create("/study/" + deck.externalId() + "?undo=true");
        if ("card".equals(nextCardInline)) {
            // the page the redirect would lead to, and its address for the browser's history
            return Response.ok(next(deckId, null, true)).header("Content-Location", nextCard).build();
        }
        return Response.seeOther(nextCard).build();
    }

    @POST
    @Path("undo")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response undo(@PathParam("deck") String deckId) {
        BankViews.DeckSummary deck = deck(deckId);
        var undone = reviews.undoLastInDeck(user.id(), deck.id());
        String target = "/study/" + deck.externalId()
                + undone.map(u -> "?question=" + u.card().questionId()).orElse("");
        return Response.seeOther(URI.create(target)).build();
    }

    // ---------------------------------------------------------------------------------------------

    private StudyViews.Card card(long uid, BankViews.DeckSummary deck, BankViews.QuestionDetail q, Instant now,
                                 boolean revealed, String rid, StudyViews.Feedback feedback, boolean undoable) {
        return card(deck, q, reviews.counts(uid, deck.id(), now), reviews.preview(uid, q.id(), now), revealed, rid,
                feedback, undoable);
    }

    private StudyViews.Card card(BankViews.DeckSummary deck, BankViews.QuestionDetail q, ReviewService.QueueCounts counts,
                                 Map<Rating, ReviewService.PreviewOption> preview, boolean revealed, String rid,
                                 StudyViews.Feedback feedback, boolean undoable) {
        int suggested = feedback != null && feedback.graded() && !feedback.correct() ? 1 : 3;
        List<StudyViews.GradeButton> buttons = new ArrayList<>();
        for (Rating r : Rating.values()) {
            Duration interval = preview.get(r).interval();
            String label = label(r);
            buttons.add(new StudyViews.GradeButton(r.grade(), label, IntervalText.shortForm(interval, ui.lang()),
                    label + ", " + nextReviewWord() + " " + IntervalText.longForm(interval, ui.lang()),
                    r.grade() == suggested));
        }
        // each distinct right-hand side once, alphabetically, valued by the first pair that has it
        List<StudyViews.MatchOption> matchOptions = IntStream.range(0, q.pairs().size())
                .filter(i -> IntStream.range(0, i).noneMatch(j -> q.pairs().get(j).right().equals(q.pairs().get(i).right())))
                .mapToObj(i -> new StudyViews.MatchOption(i, q.pairs().get(i).right()))
                .sorted(Comparator.comparing(StudyViews.MatchOption::text)).toList();
        List<StudyViews.MatchRow> rows = IntStream.range(0, q.pairs().size())
                .mapToObj(i -> new StudyViews.MatchRow(i, q.pairs().get(i).left(), -1, false)).toList();
        return new StudyViews.Card(deck, q, new StudyViews.Counts(counts.newCards(), counts.learning(), counts.review()),
                revealed, rid, buttons, feedback, undoable, rows, matchOptions);
    }

    /** The matching rows with what the learner picked; option values are indexes into the sorted option list. */
    private static StudyViews.Card withMatchRows(StudyViews.Card card, List<Integer> picked) {
        var pairs = card.q().pairs();
        List<StudyViews.MatchRow> rows = IntStream.range(0, pairs.size()).mapToObj(i -> {
            int chosen = i < picked.size() ? picked.get(i) : -1;
            boolean right = chosen >= 0 && chosen < pairs.size() && pairs.get(chosen).right().equals(pairs.get(i).right());
            return new StudyViews.MatchRow(i, pairs.get(i).left(), chosen, right);
        }).toList();
        return new StudyViews.Card(card.deck(), card.q(), card.counts(), card.revealed(), card.clientReviewId(),
                card.buttons(), card.feedback(), card.undoable(), rows, card.matchOptions());
    }

    private String label(Rating r) {
        Messages msg = messages();
        return switch (r) {
            case AGAIN -> msg.grade_again();
            case HARD -> msg.grade_hard();
            case GOOD -> msg.grade_good();
            case EASY -> msg.grade_easy();
        };
    }

    private String nextReviewWord() {
        return messages().study_next_review();
    }

    private Messages messages() {
        return MessageBundles.get(Messages.class, Localized.Literal.of(ui.lang()));
    }

    private static String plainText(String html) {
        return html.replaceAll("<[^>]+>", " ");
    }

    private BankViews.DeckSummary deck(String deckId) {
        return bank.deck(deckId, ui.lang()).orElseThrow(NotFoundException::new);
    }

    private BankViews.QuestionDetail question(BankViews.DeckSummary deck, long questionId) {
        return bank.questionById(deck.id(), questionId, ui.lang()).orElseThrow(NotFoundException::new);
    }

    private static boolean validUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
