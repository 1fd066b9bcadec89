package io.demodeck.study;

import io.demodeck.bank.BankViews;
import io.demodeck.quiz.QuizView;

import java.util.List;

/** What the study page shows. Built from the review engine and the bank; never entities. */
public final class StudyViews {

    private StudyViews() {
    }

    /**
     * One card on the study page.
     *
     * @param revealed       the answer side (after Show answer / Check)
     * @param clientReviewId idempotency key of the grade form: a double submit grades once
     * @param quiz           the answer fields in the order shown, and after the check the verdict and feedback
     * @param undoable       a grade was just given in this deck (in a review-ahead or custom session: the session has
     *                       an answer to take back), so "Undo" is offered
     * @param extra          the review-ahead or custom session the card belongs to (null: the normal queue)
     * @param extraHeading   that session's name and the cards left in it, e.g. "Review ahead: 3 cards left"
     */
    public record Card(BankViews.DeckSummary deck, BankViews.QuestionDetail q, Counts counts, boolean revealed,
                       String clientReviewId, List<GradeButton> buttons, QuizView quiz, boolean undoable,
                       ExtraSession extra, String extraHeading) {

        public Card(BankViews.DeckSummary deck, BankViews.QuestionDetail q, Counts counts, boolean revealed,
                    String clientReviewId, List<GradeButton> buttons, QuizView quiz, boolean undoable) {
            this(deck, q, counts, revealed, clientReviewId, buttons, quiz, undoable, null, null);
        }

        public Card inSession(ExtraSession session, String heading) {
            return new Card(deck, q, counts, revealed, clientReviewId, buttons, quiz, undoable, session, heading);
        }
    }

    public record Counts(int newCards, int learning, int review) {
    }

    /** @param suggested the button Space/Enter presses: Good, or Again after a wrong quiz answer */
    public record GradeButton(int rating, String label, String interval, String accessibleName, boolean suggested) {
    }

    /**
     * The end of today's queue: when the next card of the deck comes back, if any.
     *
     * @param nextCardInSeconds when a learning card can be shown (its due time less the learn-ahead limit); null when
     *                          none is learning: the page counts down and then shows it
     * @param nextCardIn        the same spelled out ("in 5 minutes")
     * @param session           this session's answers ({@code answers} spelled out), Again rate and time spent
     * @param notStarted        questions of the deck the learner has not started: "more new cards today" is offered
     * @param offer             review ahead and the custom sessions: the tags of started cards, cards failed today
     */
    public record Done(BankViews.DeckSummary deck, String nextDue, boolean undoable, Long nextCardInSeconds,
                       String nextCardIn, SessionSummary.Summary session, String answers, String timeSpent,
                       String dueTomorrow, int notStarted, ExtraSessions.Offer offer, List<Option> aheadDays) {
    }

    /** An option of a select: its value and its text. */
    public record Option(int value, String label) {
    }

    /**
     * The end of a review-ahead or custom session.
     *
     * @param undoable the session has an answer to take back, so "Undo" is offered
     */
    public record ExtraDone(BankViews.DeckSummary deck, String heading, String message, ExtraSession session,
                            boolean undoable) {
    }
}
