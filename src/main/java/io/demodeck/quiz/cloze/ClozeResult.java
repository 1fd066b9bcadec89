package io.demodeck.quiz.cloze;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * A cloze answer, graded gap by gap.
 *
 * @param gaps  one result per gap, in order
 * @param score the marks earned, 0..1: each gap's credit times its weight, over the weights
 */
@TemplateData
public record ClozeResult(List<GapResult> gaps, double score) {

    public ClozeResult {
        gaps = List.copyOf(gaps);
    }

    /**
     * The one FSRS rating the answer suggests (docs: README, "Cloze questions"): every gap fully right = Good (3),
     * no credit at all = Again (1), anything between = Hard (2).
     */
    public int suggestedGrade() {
        return allRight() ? 3 : score <= 0 && gaps.stream().allMatch(g -> g.credit() <= 0) ? 1 : 2;
    }

    public boolean allRight() {
        return gaps.stream().allMatch(GapResult::right);
    }

    public int rightCount() {
        return (int) gaps.stream().filter(GapResult::right).count();
    }

    public GapResult gap(int number) {
        return gaps.stream().filter(g -> g.number() == number).findFirst().orElse(null);
    }

    /**
     * @param number   the gap's place, from 1
     * @param right    full credit
     * @param credit   0..1 (a 50 % answer earns half)
     * @param given    what the learner answered, as text ("" when nothing)
     * @param expected the right answer as text
     * @param feedback the feedback of the answer given (several for a multiresponse gap, joined), or null
     */
    @TemplateData
    public record GapResult(int number, boolean right, double credit, String given, String expected, String feedback) {

        public boolean partly() {
            return !right && credit > 0;
        }

        public boolean answered() {
            return given != null && !given.isBlank();
        }
    }
}
