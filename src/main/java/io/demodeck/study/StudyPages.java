package io.demodeck.study;

import io.demodeck.account.CurrentUser;
import io.demodeck.account.Role;
import io.demodeck.bank.BankQueries;
import io.demodeck.bank.BankViews;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.quiz.AnswerChecker;
import io.demodeck.quiz.OptionOrder;
import io.demodeck.quiz.QuizKey;
import io.demodeck.quiz.QuizResponse;
import io.demodeck.quiz.QuizResult;
import io.demodeck.quiz.cloze.ClozeForm;
import io.demodeck.quiz.QuizView;
import io.demodeck.review.ReviewIdReusedException;
import io.demodeck.review.ExtraNewCards;
import io.demodeck.review.ReviewService;
import io.demodeck.review.StudySettingsService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The study page: one card at a time, keyboard first. Showing a card is a GET; checking an answer is a POST
 * answered with the page (it changes nothing, but the typed answer must not be in an address); grading and undo
 * are POSTs with a CSRF token, answered with a redirect (post/redirect/get). With
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
        /** @param notice a line above the card, e.g. that the card the learner graded again was already answered */
        static native TemplateInstance card(StudyViews.Card card, String notice);

        static native TemplateInstance done(StudyViews.Done done, String notice);

        static native TemplateInstance extraDone(StudyViews.ExtraDone done);
    }

    @Inject
    ExtraSessions extraSessions;

    @Inject
    ReviewService reviews;

    @Inject
    BankQueries bank;

    @Inject
    StudyProgress progress;

    @Inject
    StudySession session;

    @Inject
    StudyClock clock;

    @Inject
    SessionSummary summaries;

    @Inject
    ExtraNewCards extraNewCards;

    @Inject
    StudySettingsService settings;

    @Inject
    CurrentUser user;

    @Inject
    Ui ui;

    @Inject
    io.demodeck.classes.QuizAnswers quizAnswers;

    @GET
    public TemplateInstance next(@PathParam("deck") String deckId, @QueryParam("question") Long questionId,
                                 @QueryParam("undo") boolean undoable, @QueryParam("already") boolean alreadyAnswered,
                                 @QueryParam("kept") String kept) {
        String notice = alreadyAnswered ? StudyWords.messages(ui.lang()).already_answered() : keptNotice(kept);
        BankViews.DeckSummary deck = deck(deckId);
        Instant now = clock.now();
        long uid = user.id();
        if (questionId != null) {
            BankViews.QuestionDetail q = question(deck, questionId);
            return Templates.card(card(uid, deck, q, now, false, UUID.randomUUID().toString(),
                    QuizViews.question(q, showingSeed(uid, q.id())), undoable), notice);
        }
        // the next due card with its four outcomes and the day's counts in two statements; else learn ahead; else done
        StudySession.Step step = session.next(uid, deck.externalId(), deck.id(), now).orElseThrow(NotFoundException::new);
        return switch (step) {
            case StudySession.Due due -> {
                BankViews.QuestionDetail q = question(deck, due.card().card().questionId());
                long seed = OptionOrder.seed(uid, q.id(), due.card().card().reps());
                yield Templates.card(card(deck, q, due.batch().counts(), due.card().outcomes(), false,
                        UUID.randomUUID().toString(), QuizViews.question(q, seed), undoable), notice);
            }
            case StudySession.Ahead ahead -> {
                BankViews.QuestionDetail q = question(deck, ahead.questionId());
                yield Templates.card(card(uid, deck, q, now, false, UUID.randomUUID().toString(),
                        QuizViews.question(q, showingSeed(uid, q.id())), undoable), notice);
            }
            case StudySession.Done done -> Templates.done(done(uid, deck, now, done.nextCardAt(), undoable), notice);
        };
    }

    private StudyViews.Done done(long uid, BankViews.DeckSummary deck, Instant now, Instant nextCardAt, boolean undoable) {
        // rounded up: once the countdown is over the card is there
        Long seconds = nextCardAt == null ? null
                : Math.max(0, (Duration.between(now, nextCardAt).toNanos() + 999_999_999) / 1_000_000_000);
        SessionSummary.Summary s = summaries.of(uid, deck.id(), now);
        String lang = ui.lang();
        return new StudyViews.Done(deck, progress.nextDue(uid, deck.id(), now, lang), undoable, seconds,
                seconds == null ? null : IntervalText.longForm(Duration.ofSeconds(seconds), lang), s,
                StudyWords.answers(lang, s.answers()), StudyWords.timeSpent(lang, s.timeSpent()),
                StudyWords.cardsDueTomorrow(lang, s.dueTomorrow()), s.notStarted(),
                extraSessions.offer(uid, deck.id(), now, s.dayStart()),
                java.util.stream.IntStream.rangeClosed(1, ExtraSession.MAX_DAYS)
                        .mapToObj(n -> new StudyViews.Option(n, StudyWords.days(lang, n))).toList());
    }

    /**
     * Review ahead from the done page: the review cards due within the next {@code days} days, now.
     * {@code question} is the card an undo brought back, shown first.
     */
    @GET
    @Path("ahead")
    public Response ahead(@PathParam("deck") String deckId, @QueryParam("days") Integer days,
                          @QueryParam("since") Long since, @QueryParam("already") boolean alreadyAnswered,
                          @QueryParam("kept") String kept, @QueryParam("question") Long questionId) {
        BankViews.DeckSummary deck = deck(deckId);
        if (days == null || days < 1 || days > ExtraSession.MAX_DAYS) {
            throw ClientFacingException.badRequest("days: review the cards due within 1 to " + ExtraSession.MAX_DAYS
                    + " days");
        }
        return extraSession(deck, new ExtraSession(ExtraSession.Kind.AHEAD, days, null, startOf(since)),
                since == null, alreadyAnswered, kept, questionId);
    }

    /**
     * A custom session: the learner's started cards of one tag, or only the ones they failed today. {@code question}
     * is the card an undo brought back, shown first.
     */
    @GET
    @Path("custom")
    public Response custom(@PathParam("deck") String deckId, @QueryParam("tag") String tag,
                           @QueryParam("failed") boolean failed, @QueryParam("since") Long since,
                           @QueryParam("already") boolean alreadyAnswered, @QueryParam("kept") String kept,
                           @QueryParam("question") Long questionId) {
        BankViews.DeckSummary deck = deck(deckId);
        if (!failed && (tag == null || tag.isBlank() || tag.length() > ExtraSession.MAX_TAG)) {
            throw ClientFacingException.badRequest("tag: choose a tag, or failed=true for the cards failed today");
        }
        ExtraSession s = failed ? new ExtraSession(ExtraSession.Kind.FAILED, 0, null, startOf(since))
                : new ExtraSession(ExtraSession.Kind.TAG, 0, tag.strip(), startOf(since));
        return extraSession(deck, s, since == null, alreadyAnswered, kept, questionId);
    }

    private long startOf(Long since) {
        return since == null || since < 0 ? clock.now().toEpochMilli() : since;
    }

    /** A session's first address names its start (a redirect); then its next card, or its end. */
    private Response extraSession(BankViews.DeckSummary deck, ExtraSession s, boolean starting, boolean already,
                                  String kept, Long questionId) {
        if (starting) {
            return Response.seeOther(URI.create(s.path(deck.externalId()))).build();
        }
        return Response.ok(extraPage(deck, s, already ? StudyWords.messages(ui.lang()).already_answered()
                : keptNotice(kept), questionId)).build();
    }

    /** After signing in again: whether the answer posted after the session expired was applied. */
    private String keptNotice(String kept) {
        if (kept == null) {
            return null;
        }
        StudyMessages m = StudyWords.messages(ui.lang());
        return "applied".equals(kept) ? m.kept_applied() : m.kept_failed();
    }

    /**
     * The session's next card, or {@code shownQuestion} (the card an undo brought back) while the session still has
     * it, or the session's end. Undo is offered while the session has an answer to take back.
     */
    private TemplateInstance extraPage(BankViews.DeckSummary deck, ExtraSession s, String notice, Long shownQuestion) {
        long uid = user.id();
        Instant now = clock.now();
        Instant dayStart = settings.schedulerFor(uid).studyDays().startOfDay(now);
        ExtraSessions.Next next = extraSessions.next(uid, deck.id(), s, now, dayStart);
        boolean undoable = reviews.undoableInSession(uid, deck.id(), s.origin(), s.start());
        String heading = StudyWords.extraHeading(ui.lang(), s);
        if (next.questionId().isEmpty()) {
            return Templates.extraDone(new StudyViews.ExtraDone(deck, heading,
                    StudyWords.messages(ui.lang()).extra_over(), s, undoable));
        }
        long questionId = shownQuestion != null && extraSessions.includes(uid, deck.id(), s, now, dayStart, shownQuestion)
                ? shownQuestion : next.questionId().get();
        BankViews.QuestionDetail q = question(deck, questionId);
        return Templates.card(card(uid, deck, q, now, false, UUID.randomUUID().toString(),
                QuizViews.question(q, showingSeed(uid, q.id())), undoable)
                .inSession(s, heading + " · " + StudyWords.messages(ui.lang()).extra_left(next.left())), notice);
    }

    private String extraHeading(long uid, BankViews.DeckSummary deck, ExtraSession s) {
        Instant now = clock.now();
        int left = extraSessions.next(uid, deck.id(), s, now, settings.schedulerFor(uid).studyDays().startOfDay(now))
                .left();
        return StudyWords.extraHeading(ui.lang(), s) + " · " + StudyWords.messages(ui.lang()).extra_left(left);
    }

    private static ExtraSession extraFromForm(String extra, Integer days, String tag, Long since) {
        try {
            return ExtraSession.fromForm(extra, days, tag, since);
        } catch (IllegalArgumentException e) {
            throw ClientFacingException.badRequest(e.getMessage());
        }
    }

    /**
     * Show the answer (flashcards) or check it (quiz questions). It changes nothing, but it is a POST so that the
     * typed answer stays out of addresses, the history and access logs; the page is the response.
     */
    @POST
    @Path("answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance answer(@PathParam("deck") String deckId, @RestForm long question, @RestForm String rid,
                                   @RestForm String typed, @RestForm List<Integer> choice, @RestForm String truth,
                                   @RestForm List<Integer> match, @RestForm boolean undo, @RestForm boolean skip,
                                   @RestForm List<String> gap, @RestForm List<String> gapChoice,
                                   @RestForm String extra, @RestForm Integer days, @RestForm String tag,
                                   @RestForm Long since) {
        BankViews.DeckSummary deck = deck(deckId);
        ExtraSession session = extraFromForm(extra, days, tag, since);
        BankViews.QuestionDetail q = question(deck, question);
        long uid = user.id();
        String text = typed == null ? null : typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED) : typed;
        String reviewId = validUuid(rid) ? rid : UUID.randomUUID().toString();
        long seed = showingSeed(uid, q.id());
        QuizView quiz;
        if (q.type().autoGraded()) {
            QuizKey key = bank.quizKey(q.id(), ui.lang()).orElseThrow(NotFoundException::new);
            // choices and matching selects post written positions, whatever order they were shown in
            List<List<String>> gapAnswers = key.cloze() == null ? List.of()
                    : ClozeForm.responses(key.cloze(), gap == null ? List.of() : gap, gapChoice == null ? List.of() : gapChoice);
            QuizResponse response = new QuizResponse(choice == null ? Set.of() : new HashSet<>(choice), text,
                    match == null ? List.of() : match, truth == null ? null : Boolean.valueOf(truth), gapAnswers);
            QuizResult result = skip ? AnswerChecker.noAnswer(key) : AnswerChecker.check(key, response);
            if (result.verdict() == QuizResult.Verdict.NOT_A_NUMBER) {
                StudyViews.Card retry = card(uid, deck, q, clock.now(), false, reviewId,
                        QuizViews.retry(q, seed, text, result.unknownUnit()), undo);
                return Templates.card(session == null ? retry : retry.inSession(session, extraHeading(uid, deck, session)),
                        null);
            }
            // kept for the class dashboard's item analysis; the form's review id makes a reload count once
            quizAnswers.record(uid, q.id(), UUID.fromString(reviewId), result.correct(), response);
            quiz = QuizViews.checked(q, key, seed, response, result);
        } else {
            quiz = QuizViews.revealed(q, text);
        }
        StudyViews.Card shown = card(uid, deck, q, clock.now(), true, reviewId, quiz, undo);
        return Templates.card(session == null ? shown : shown.inSession(session, extraHeading(uid, deck, session)), null);
    }

    @POST
    @Path("grade")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @jakarta.annotation.security.PermitAll // an answer posted after the session expired is kept (PendingAnswers)
    public Response grade(@PathParam("deck") String deckId, @RestForm long question, @RestForm int rating,
                          @RestForm String rid, @RestForm Long durationMs,
                          @HeaderParam(NEXT_CARD_HEADER) String nextCardInline, @RestForm String extra,
                          @RestForm Integer days, @RestForm String tag, @RestForm Long since,
                          @jakarta.ws.rs.CookieParam(io.demodeck.account.SessionAuthentication.COOKIE) String staleSession,
                          @Context io.vertx.core.http.HttpServerRequest request) {
        if (!user.signedIn()) {
            // kept until the learner signs in again, then applied once; the sign-in page says the session expired
            boolean expired = staleSession != null && !staleSession.isBlank();
            Response.ResponseBuilder toLogin = Response.seeOther(URI.create(expired ? "/login?expired=true" : "/login"));
            if (rating >= 1 && rating <= 4 && validUuid(rid) && deckId.length() <= 200) {
                ExtraSession kept;
                try {
                    kept = ExtraSession.fromForm(extra, days, tag, since);
                } catch (IllegalArgumentException e) {
                    kept = null;
                }
                toLogin.cookie(PendingAnswers.keep(new PendingAnswers.Pending(deckId, question, rating,
                        UUID.fromString(rid), durationMs == null ? 0 : Math.max(0, durationMs), kept),
                        "https".equals(request.scheme())));
            }
            return toLogin.build();
        }
        BankViews.DeckSummary deck = deck(deckId);
        ExtraSession session = extraFromForm(extra, days, tag, since);
        question(deck, question);
        if (rating < 1 || rating > 4) {
            throw ClientFacingException.badRequest("rating must be 1 (Again) to 4 (Easy)");
        }
        if (!validUuid(rid)) {
            throw ClientFacingException.badRequest("the form is missing its review id; reload the page");
        }
        long duration = durationMs == null ? 0 : Math.max(0, Math.min(durationMs, Duration.ofHours(1).toMillis()));
        boolean already;
        try {
            already = reviews.grade(user.id(), question, Rating.fromGrade(rating), clock.now(), duration,
                    UUID.fromString(rid), session == null ? "web" : session.origin()).replayed();
        } catch (ReviewIdReusedException e) {
            throw ClientFacingException.badRequest("this answer's form was already used for another answer; reload the page");
        }
        // a form graded before (the browser's Back, a double submit): nothing changes, the learner is told so
        if (session != null) {
            String path = session.path(deck.externalId());
            if ("card".equals(nextCardInline)) {
                String notice = already ? StudyWords.messages(ui.lang()).already_answered() : null;
                return Response.ok(extraPage(deck, session, notice, null)).header("Content-Location", path).build();
            }
            return Response.seeOther(URI.create(already ? path + "&already=true" : path)).build();
        }
        URI nextCard = URI.create("/study/" + deck.externalId() + "?undo=true");
        if ("card".equals(nextCardInline)) {
            // the page the redirect would lead to, and its address for the browser's history
            return Response.ok(next(deckId, null, true, already, null)).header("Content-Location", nextCard).build();
        }
        return Response.seeOther(already ? URI.create(nextCard + "&already=true") : nextCard).build();
    }

    /** "More new cards today" on the done page: raises today's new-card limit only, then goes on studying. */
    @POST
    @Path("more-new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moreNew(@PathParam("deck") String deckId, @RestForm Integer count) {
        BankViews.DeckSummary deck = deck(deckId);
        if (count == null || count < 1 || count > ExtraNewCards.MAX_AT_ONCE) {
            throw ClientFacingException.badRequest("count: how many more new cards, 1 to " + ExtraNewCards.MAX_AT_ONCE);
        }
        long uid = user.id();
        extraNewCards.add(uid, settings.schedulerFor(uid).studyDays().startOfDay(clock.now()), count);
        return Response.seeOther(URI.create("/study/" + deck.externalId())).build();
    }

    /**
     * Undo: in the normal queue the deck's last answer, and again back through the session's answers; in a review-ahead
     * or custom session (its fields come with the form) that session's last answer, and again back through its
     * answers. The undone card is shown again.
     */
    @POST
    @Path("undo")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response undo(@PathParam("deck") String deckId, @RestForm String extra, @RestForm Integer days,
                         @RestForm String tag, @RestForm Long since) {
        BankViews.DeckSummary deck = deck(deckId);
        ExtraSession session = extraFromForm(extra, days, tag, since);
        if (session != null) {
            var undone = reviews.undoLastInSession(user.id(), deck.id(), session.origin(), session.start());
            return Response.seeOther(URI.create(session.path(deck.externalId())
                    + undone.map(u -> "&question=" + u.card().questionId()).orElse(""))).build();
        }
        var undone = reviews.undoLastInDeck(user.id(), deck.id());
        // Undo again goes on back through the session's answers, one at a time
        boolean more = summaries.of(user.id(), deck.id(), clock.now()).answers() > 0;
        String target = "/study/" + deck.externalId()
                + undone.map(u -> "?question=" + u.card().questionId() + (more ? "&undo=true" : "")).orElse("");
        return Response.seeOther(URI.create(target)).build();
    }

    // ---------------------------------------------------------------------------------------------

    private StudyViews.Card card(long uid, BankViews.DeckSummary deck, BankViews.QuestionDetail q, Instant now,
                                 boolean revealed, String rid, QuizView quiz, boolean undoable) {
        return card(deck, q, reviews.counts(uid, deck.id(), now), reviews.preview(uid, q.id(), now), revealed, rid,
                quiz, undoable);
    }

    private StudyViews.Card card(BankViews.DeckSummary deck, BankViews.QuestionDetail q, ReviewService.QueueCounts counts,
                                 Map<Rating, ReviewService.PreviewOption> preview, boolean revealed, String rid,
                                 QuizView quiz, boolean undoable) {
        boolean wrong = quiz.checked() != null && quiz.checked().graded() && !quiz.checked().correct();
        // a cloze suggests Good, Hard or Again by how many gaps are right (ClozeResult#suggestedGrade)
        int suggested = quiz.checked() != null && quiz.checked().cloze() != null ? quiz.checked().cloze().suggestedGrade()
                : wrong ? 1 : 3;
        List<StudyViews.GradeButton> buttons = new ArrayList<>();
        for (Rating r : Rating.values()) {
            Duration interval = preview.get(r).interval();
            String label = label(r);
            buttons.add(new StudyViews.GradeButton(r.grade(), label, IntervalText.shortForm(interval, ui.lang()),
                    label + ", " + nextReviewWord() + " " + IntervalText.longForm(interval, ui.lang()),
                    r.grade() == suggested));
        }
        return new StudyViews.Card(deck, q, new StudyViews.Counts(counts.newCards(), counts.learning(), counts.review()),
                revealed, rid, buttons, quiz, undoable);
    }

    /** The same for every request of one showing of the card (a reload, the check): new once it is answered. */
    private long showingSeed(long uid, long questionId) {
        return OptionOrder.seed(uid, questionId,
                reviews.card(uid, questionId).map(ReviewService.CardView::reps).orElse(0));
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

    private BankViews.DeckSummary deck(String deckId) {
        // a deck the learner may not see answers as a missing one
        return bank.visibleDeck(io.demodeck.deck.DeckAccess.Viewer.of(user), deckId, ui.lang())
                .orElseThrow(NotFoundException::new);
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
