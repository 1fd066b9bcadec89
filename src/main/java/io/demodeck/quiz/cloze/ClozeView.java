package io.demodeck.quiz.cloze;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A cloze question as pages and the API show it: the text as HTML pieces with a gap after each piece.
 *
 * @param segments the HTML before each gap with that gap; the last one holds the HTML after the last gap and no gap
 */
@TemplateData
public record ClozeView(List<Segment> segments) {

    public ClozeView {
        segments = List.copyOf(segments);
    }

    /**
     * @param seed orders the choices of shuffled gaps (the _S types): the same seed, the same order on every showing
     */
    public static ClozeView of(Cloze cloze, long seed) {
        List<Segment> segments = new ArrayList<>();
        for (ClozeWriter.Fragment f : ClozeWriter.fragments(cloze)) {
            segments.add(new Segment(f.html(), f.gap() == null ? null : gap(f.gap(), seed)));
        }
        return new ClozeView(segments);
    }

    public List<GapView> gaps() {
        return segments.stream().map(Segment::gap).filter(java.util.Objects::nonNull).toList();
    }

    private static GapView gap(Cloze.Gap g, long seed) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < g.answers().size(); i++) {
            Cloze.Answer a = g.answers().get(i);
            choices.add(new Choice(i, a.text(), a.fraction(), g.kind() == Cloze.Kind.MULTIRESPONSE ? a.fraction() > 0 : a.full(),
                    a.feedback()));
        }
        List<Choice> shown = new ArrayList<>(choices);
        if (g.shuffle()) {
            java.util.Collections.shuffle(shown, new Random(seed * 31 + g.number()));
        }
        int longest = g.answers().stream().mapToInt(a -> a.text().length()).max().orElse(4);
        return new GapView(g.number(), g.typeName(), g.kind().name().toLowerCase(Locale.ROOT),
                g.layout().name().toLowerCase(Locale.ROOT), g.caseSensitive(), g.shuffle(), g.weight(),
                Math.max(4, Math.min(40, longest + 2)), g.choice() ? shown : List.of(), g.choice() ? List.of() : choices,
                ClozeWriter.rightAnswerText(g));
    }

    /** @param html the HTML before {@code gap}; may be an unbalanced piece, whole when joined in order */
    @TemplateData
    public record Segment(String html, GapView gap) {
    }

    /**
     * One gap.
     *
     * @param type        Moodle's type name (SHORTANSWER_C, MULTICHOICE_VS, …)
     * @param kind        short_answer, numerical, multichoice or multiresponse
     * @param layout      inline (typed), dropdown, vertical or horizontal
     * @param size        a text input's width in characters
     * @param choices     choice gaps: the choices in the order shown; {@code index} is the one to post
     * @param answers     typed gaps: the accepted answers with their credit
     * @param rightAnswer the right answer as text
     */
    @TemplateData
    public record GapView(int number, String type, String kind, String layout, boolean caseSensitive, boolean shuffle,
                          int weight, int size, List<Choice> choices, List<Choice> answers, String rightAnswer) {

        public boolean typed() {
            return "short_answer".equals(kind) || "numerical".equals(kind);
        }

        public boolean numerical() {
            return "numerical".equals(kind);
        }

        public boolean dropdown() {
            return "dropdown".equals(layout);
        }

        public boolean multiResponse() {
            return "multiresponse".equals(kind);
        }

        public boolean horizontal() {
            return "horizontal".equals(layout);
        }
    }

    /** @param right earns full credit (multiresponse: any credit) */
    @TemplateData
    public record Choice(int index, String text, double credit, boolean right, String feedback) {
    }
}
