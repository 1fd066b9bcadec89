package io.demodeck.quiz.cloze;

import java.util.List;

/**
 * A cloze question (Moodle "embedded answers", qtype_multianswer): Markdown text with gaps, in order. Stored as its
 * text with the gaps written in Moodle's syntax ({@code {1:SHORTANSWER:=Paris}}); {@link ClozeParser} reads it,
 * {@link ClozeWriter} writes it back.
 */
public record Cloze(List<Part> parts) {

    public Cloze {
        parts = List.copyOf(parts);
    }

    public List<Gap> gaps() {
        return parts.stream().filter(Gap.class::isInstance).map(Gap.class::cast).toList();
    }

    public sealed interface Part permits Text, Gap {
    }

    /** Text between gaps, Markdown. */
    public record Text(String markdown) implements Part {
    }

    /**
     * One gap (a Moodle sub-question).
     *
     * @param number        its place among the gaps, from 1
     * @param weight        its share of the question's marks (Moodle's leading number; 1 when left out)
     * @param caseSensitive short answer: SHORTANSWER_C compares letter case
     * @param layout        how choices are offered: INLINE for typed gaps
     * @param shuffle       choices are shown in another order than written (the _S variants)
     */
    public record Gap(int number, int weight, Kind kind, boolean caseSensitive, Layout layout, boolean shuffle,
                      List<Answer> answers) implements Part {

        public Gap {
            answers = List.copyOf(answers);
        }

        /** The type as Moodle's long name: SHORTANSWER_C, MULTICHOICE_VS, MULTIRESPONSE_H, … */
        public String typeName() {
            return switch (kind) {
                case SHORT_ANSWER -> caseSensitive ? "SHORTANSWER_C" : "SHORTANSWER";
                case NUMERICAL -> "NUMERICAL";
                case MULTICHOICE -> "MULTICHOICE" + suffix(layout == Layout.VERTICAL ? "V" : layout == Layout.HORIZONTAL ? "H" : "");
                case MULTIRESPONSE -> "MULTIRESPONSE" + suffix(layout == Layout.HORIZONTAL ? "H" : "");
            };
        }

        private String suffix(String orientation) {
            String s = orientation + (shuffle ? "S" : "");
            return s.isEmpty() ? "" : "_" + s;
        }

        public boolean choice() {
            return kind == Kind.MULTICHOICE || kind == Kind.MULTIRESPONSE;
        }

        /** The answers that earn full credit (multiresponse: every one with credit). */
        public List<Answer> rightAnswers() {
            return answers.stream().filter(a -> kind == Kind.MULTIRESPONSE ? a.fraction() > 0 : a.full()).toList();
        }
    }

    public enum Kind { SHORT_ANSWER, NUMERICAL, MULTICHOICE, MULTIRESPONSE }

    public enum Layout { INLINE, DROPDOWN, VERTICAL, HORIZONTAL }

    /**
     * One alternative of a gap.
     *
     * @param text     plain text; numerical: "value", "value:tolerance" or "*"; short answer: '*' is a wildcard
     * @param fraction credit, -1..1
     * @param feedback plain text shown when it is given, or null
     */
    public record Answer(String text, double fraction, String feedback) {

        /** Weights written as percentages come back as 0.99999…: "100 %" with a rounding margin. */
        public boolean full() {
            return fraction >= 0.999;
        }
    }
}
