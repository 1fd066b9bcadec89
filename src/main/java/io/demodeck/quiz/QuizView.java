package io.demodeck.quiz;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * The quiz part of a study card: the answer fields in the order shown (before the check), and the verdict with its
 * feedback (after it). Built by {@code study.QuizViews}; HTML fields are already safe.
 *
 * @param checked the learner's answer, checked; null before the check
 * @param retry   the answer could not be read (a numerical answer that is no number); null otherwise
 */
@TemplateData
public record QuizView(List<ChoiceView> choices, List<MatchRow> matchRows, List<MatchOption> matchOptions,
                       Checked checked, Retry retry) {

    /**
     * A choice as shown.
     *
     * @param value        its written position, which the form sends and the key grades
     * @param key          the number key that picks it (1-based shown position)
     * @param feedbackHtml what the source says about picking it, or null
     */
    @TemplateData
    public record ChoiceView(int value, int key, String html, boolean right, boolean selected, String feedbackHtml) {

        public boolean hasKey() {
            return key <= 9;
        }
    }

    /** A right-hand side to pick in a matching question; {@code value} is the first pair that has it. */
    @TemplateData
    public record MatchOption(int value, String text) {
    }

    /**
     * A left-hand item of a matching question and what was picked for it.
     *
     * @param chosen     the pair whose right-hand side was picked (-1 = none)
     * @param chosenText that right-hand side, or null
     * @param rightText  the right-hand side that belongs to it
     */
    @TemplateData
    public record MatchRow(int index, String left, int chosen, String chosenText, boolean right, String rightText) {
    }

    /**
     * The learner's answer, checked.
     *
     * @param graded       a quiz question, graded automatically (else a flashcard, the answer only shown)
     * @param keyPointHits flashcards: which key points the typed answer mentions
     * @param feedbackHtml what the source says about the answer matched (short answer), or null
     * @param cloze        cloze: every gap's result, else null
     */
    @TemplateData
    public record Checked(boolean graded, QuizResult.Verdict verdict, String typed, List<WordDiff.Segment> diff,
                          String expected, Boolean truth, List<Boolean> keyPointHits, String feedbackHtml,
                          io.demodeck.quiz.cloze.ClozeResult cloze) {

        public boolean correct() {
            return verdict == QuizResult.Verdict.RIGHT || verdict == QuizResult.Verdict.RIGHT_WITH_TYPO;
        }

        public boolean withTypo() {
            return verdict == QuizResult.Verdict.RIGHT_WITH_TYPO;
        }

        public boolean typedSomething() {
            return typed != null && !typed.isBlank();
        }

        public boolean hit(int index) {
            return keyPointHits != null && index < keyPointHits.size() && keyPointHits.get(index);
        }
    }

    /** @param unknownUnit the unit typed that the question does not name, or null (no number at all) */
    @TemplateData
    public record Retry(String typed, String unknownUnit) {
    }
}
