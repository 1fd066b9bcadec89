package io.demodeck.study;

import io.demodeck.bank.BankViews;
import io.demodeck.quiz.CharDiff;

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
     * @param undoable       a grade was just given in this deck, so "Undo" is offered
     */
    public record Card(BankViews.DeckSummary deck, BankViews.QuestionDetail q, Counts counts, boolean revealed,
                       String clientReviewId, List<GradeButton> buttons, Feedback feedback, boolean undoable,
                       List<MatchRow> matchRows, List<MatchOption> matchOptions) {
    }

    /** A right-hand side to pick in a matching question; {@code value} is the pair it belongs to. */
    public record MatchOption(int value, String text) {
    }

    public record Counts(int newCards, int learning, int review) {
    }

    /** @param suggested the button Space/Enter presses: Good, or Again after a wrong quiz answer */
    public record GradeButton(int rating, String label, String interval, String accessibleName, boolean suggested) {
    }

    /** A left-hand item of a matching question and the right-hand side picked for it (-1 = none). */
    public record MatchRow(int index, String left, int chosen, boolean right) {
    }

    /**
     * The learner's answer, checked.
     *
     * @param graded        a quiz question was graded automatically
     * @param keyPointHits  flashcards: which key points the typed answer mentions
     */
    public record Feedback(boolean graded, boolean correct, String typed, List<CharDiff.Segment> diff, String expected,
                           List<Integer> selected, Boolean truth, List<Boolean> keyPointHits) {

        public boolean typedSomething() {
            return typed != null && !typed.isBlank();
        }

        public boolean selectedChoice(int index) {
            return selected != null && selected.contains(index);
        }

        public boolean hit(int index) {
            return keyPointHits != null && index < keyPointHits.size() && keyPointHits.get(index);
        }
    }

    /**
     * The end of today's queue: when the next card of the deck comes back, if any.
     *
     * @param nextCardInSeconds when a learning card can be shown (its due time less the learn-ahead limit); null when
     *                          none is learning: the page counts down and then shows it
     * @param nextCardIn        the same spelled out ("in 5 minutes")
     * @param session           this session's answers ({@code answers} spelled out), Again rate and time spent
     * @param notStarted        questions of the deck the learner has not started: "more new cards today" is offered
     */
    public record Done(BankViews.DeckSummary deck, String nextDue, boolean undoable, Long nextCardInSeconds,
                       String nextCardIn, SessionSummary.Summary session, String answers, String timeSpent,
                       String dueTomorrow, int notStarted) {
    }
}
