package io.demodeck.quiz.cloze;

import io.demodeck.platform.MarkdownRenderer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes a cloze back: as stored (Moodle's syntax), as HTML with something in place of each gap, and for Anki. */
public final class ClozeWriter {

    /** Private-use characters around a gap's index: they pass Markdown rendering and HTML cleaning untouched. */
    private static final char OPEN = '\uE030';
    private static final char CLOSE = '\uE031';
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d{1,4})" + CLOSE);

    private ClozeWriter() {
    }

    /** The stored text: the Markdown as it is, each gap in Moodle's syntax; {@link ClozeParser#parse(String)} reads it back the same. */
    public static String write(Cloze cloze) {
        StringBuilder sb = new StringBuilder();
        for (Cloze.Part p : cloze.parts()) {
            switch (p) {
                case Cloze.Text t -> sb.append(t.markdown());
                case Cloze.Gap g -> sb.append(gap(g, Function.identity()));
            }
        }
        return sb.toString();
    }

    /**
     * One gap in Moodle's syntax.
     *
     * @param text how answer and feedback texts are written after escaping (HTML-escaped for a Moodle questiontext)
     */
    public static String gap(Cloze.Gap g, Function<String, String> text) {
        StringBuilder sb = new StringBuilder("{").append(g.weight()).append(':').append(g.typeName()).append(':');
        for (int i = 0; i < g.answers().size(); i++) {
            Cloze.Answer a = g.answers().get(i);
            if (i > 0) {
                sb.append('~');
            }
            String answer = text.apply(escape(a.text()));
            if (a.fraction() == 1) {
                sb.append('=');
            } else if (a.fraction() != 0 || answer.startsWith("=") || answer.startsWith("%")) {
                sb.append('%').append(percent(a.fraction())).append('%');
            }
            sb.append(answer);
            if (a.feedback() != null) {
                sb.append('#').append(text.apply(escape(a.feedback())));
            }
        }
        return sb.append('}').toString();
    }

    /** The characters that end an answer or a gap are escaped; the numerical '*' and ':' stay. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '}' || c == '#' || c == '~' || c == '{') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String percent(double fraction) {
        // 10 significant digits: -33.333 % is read as -0.33332999999999996 and must be written as -33.333 again
        return BigDecimal.valueOf(fraction).movePointRight(2).round(new java.math.MathContext(10)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * The text rendered to HTML with {@code gapHtml} in place of each gap. The HTML between two gaps may be an
     * unbalanced fragment; joined in order it is whole.
     *
     * @return the HTML before each gap, with that gap; the last entry holds the HTML after the last gap and no gap
     */
    public static List<Fragment> fragments(Cloze cloze) {
        StringBuilder md = new StringBuilder();
        List<Cloze.Gap> gaps = new ArrayList<>();
        for (Cloze.Part p : cloze.parts()) {
            switch (p) {
                case Cloze.Text t -> md.append(t.markdown());
                case Cloze.Gap g -> {
                    md.append(OPEN).append(gaps.size()).append(CLOSE);
                    gaps.add(g);
                }
            }
        }
        String html = MarkdownRenderer.toHtml(md.toString());
        List<Fragment> out = new ArrayList<>();
        boolean[] placed = new boolean[gaps.size()];
        Matcher m = PLACEHOLDER.matcher(html);
        int from = 0;
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index >= gaps.size() || placed[index]) {
                continue;
            }
            placed[index] = true;
            out.add(new Fragment(html.substring(from, m.start()), gaps.get(index)));
            from = m.end();
        }
        String tail = html.substring(from);
        for (int i = 0; i < gaps.size(); i++) {
            if (!placed[i]) {
                // a gap Markdown swallowed (inside a link target): offered after the text rather than lost
                out.add(new Fragment(tail, gaps.get(i)));
                tail = "";
            }
        }
        out.add(new Fragment(tail, null));
        return out;
    }

    /** HTML before a gap (or after the last one, then {@code gap} is null). */
    public record Fragment(String html, Cloze.Gap gap) {
    }

    /** The text as HTML with {@code gapHtml} written in place of each gap. */
    public static String html(Cloze cloze, Function<Cloze.Gap, String> gapHtml) {
        StringBuilder sb = new StringBuilder();
        for (Fragment f : fragments(cloze)) {
            sb.append(f.html());
            if (f.gap() != null) {
                sb.append(gapHtml.apply(f.gap()));
            }
        }
        return sb.toString();
    }

    /** The text with a numbered blank for each gap, HTML: what lists and previews show (no answer given away). */
    public static String blanksHtml(Cloze cloze) {
        return html(cloze, g -> "<span class=\"cloze-blank\">[" + g.number() + "] ______</span>");
    }

    /** The right answer of a gap as a learner would write it: "Paris", "23.8 ± 0.1", "red, blue". */
    public static String rightAnswerText(Cloze.Gap g) {
        List<String> right = new ArrayList<>();
        for (Cloze.Answer a : g.rightAnswers()) {
            if (g.kind() == Cloze.Kind.NUMERICAL) {
                double[] vt = ClozeParser.valueAndTolerance(a.text());
                if (vt == null) {
                    continue;
                }
                right.add(vt[1] == 0 ? number(vt[0]) : number(vt[0]) + " ± " + number(vt[1]));
            } else {
                right.add(a.text());
            }
            if (g.kind() != Cloze.Kind.MULTIRESPONSE) {
                break; // the first right answer is the one to show
            }
        }
        return String.join(", ", right);
    }

    static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * The question as the text of an Anki cloze note ({@code {{c1::Paris}}}), HTML as Anki fields hold it. Every gap
     * is a deletion of the same card (c1), since the question is learnt as one; a choice gap's choices are the hint.
     * For the .apkg exporter: {@code ClozeWriter.ankiClozeText(prompt)}.
     *
     * @param clozePrompt the stored prompt of a CLOZE question
     */
    public static String ankiClozeText(String clozePrompt) {
        Cloze cloze = ClozeParser.parse(clozePrompt);
        String html = html(cloze, g -> {
            String hint = g.choice() ? g.answers().stream().map(Cloze.Answer::text).reduce((a, b) -> a + " / " + b).orElse("") : "";
            return "{{c1::" + ankiSafe(escapeHtml(rightAnswerText(g))) + (hint.isEmpty() ? "" : "::" + ankiSafe(escapeHtml(hint))) + "}}";
        }).strip();
        // one paragraph needs no <p>: Anki shows the field as it is
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }

    /** "::" and "}}" would end an Anki deletion early. */
    private static String ankiSafe(String s) {
        return s.replace("::", ": :").replace("}}", "} }");
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The text as Markdown with a numbered blank for each gap (formats without gaps). */
    public static String blanksMarkdown(Cloze cloze) {
        StringBuilder sb = new StringBuilder();
        for (Cloze.Part p : cloze.parts()) {
            switch (p) {
                case Cloze.Text t -> sb.append(t.markdown());
                case Cloze.Gap g -> sb.append("\\[").append(g.number()).append("\\] \\_\\_\\_\\_\\_");
            }
        }
        return sb.toString();
    }

    /** Every gap's right answer, Markdown: "\[1\] Paris; \[2\] 23.8 ± 0.1". */
    public static String answersMarkdown(Cloze cloze) {
        StringBuilder sb = new StringBuilder();
        for (Cloze.Gap g : cloze.gaps()) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append("\\[").append(g.number()).append("\\] ")
                    .append(rightAnswerText(g).replaceAll("([\\\\`*_\\[\\]#<>|])", "\\\\$1"));
        }
        return sb.toString();
    }

    /** The text as plain text with a numbered blank for each gap (GIFT, names). */
    public static String blanksPlain(Cloze cloze) {
        return org.jsoup.Jsoup.parse(html(cloze, g -> " [" + g.number() + "] ______ ")).text().replaceAll("\\s+", " ").strip();
    }
}
