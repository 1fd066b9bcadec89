package io.demodeck.importer.export;

import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Moodle GIFT: one block per question with {@code // [id:]} and {@code // [tag:]} comments, texts in
 * {@code [markdown]} with every special character escaped and line breaks written as {@code \n}. GIFT has one
 * language: the question's original one.
 */
final class GiftExporter {

    private GiftExporter() {
    }

    static List<String> write(DeckContent deck, List<String> media, Writer out) throws IOException {
        List<String> warnings = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        DeckContent.Text title = deck.texts().getOrDefault(deck.originalLanguage(), deck.texts().values().iterator().next());
        sb.append("// ").append(oneLine(title.title())).append(" — exported from DemoDeck\n\n");
        for (QuestionContent q : deck.questions()) {
            out.append(sb); // one question at a time: the file is never whole in memory
            sb.setLength(0);
            String lang = q.originalLanguage();
            QuestionContent.Text t = q.texts().get(lang);
            if (q.texts().size() > 1) {
                warnings.add(q.externalId() + ": GIFT holds one language; only '" + lang + "' is exported");
            }
            sb.append("// [id:").append(q.externalId().replace("]", "")).append("]\n");
            if (!q.tags().isEmpty()) {
                sb.append("//");
                q.tags().forEach(tag -> sb.append(" [tag:").append(tag.replace("]", "")).append(']'));
                sb.append('\n');
            }
            if (q.title() != null) {
                sb.append("::").append(escape(q.title())).append("::");
            }
            io.demodeck.quiz.cloze.Cloze cloze = q.type() == QuestionType.CLOZE
                    ? io.demodeck.quiz.cloze.ClozeParser.parse(t.prompt()) : null;
            // GIFT has no gaps: a cloze is written as an essay, blanks in its text, its answers as general feedback
            sb.append("[markdown]").append(escape(cloze == null ? t.prompt()
                    : io.demodeck.quiz.cloze.ClozeWriter.blanksMarkdown(cloze)));
            List<QuestionContent.Option> options = q.options().stream().filter(o -> o.lang().equals(lang)).toList();
            String general = t.generalFeedback() != null ? t.generalFeedback() : t.answer();
            if (cloze != null) {
                warnings.add(q.externalId() + ": GIFT has no cloze questions; written as an essay with numbered blanks,"
                        + " the answers of the gaps as general feedback");
                String answers = io.demodeck.quiz.cloze.ClozeWriter.answersMarkdown(cloze);
                general = general == null ? answers : answers + "\n\n" + general;
            }
            if (t.generalFeedback() != null && t.answer() != null || !t.keyPoints().isEmpty() || t.accurateNote() != null) {
                warnings.add(q.externalId() + ": key points, notes and a second answer text have no place in GIFT");
            }
            String gf = general == null ? "" : "####[markdown]" + escape(general);
            switch (q.type()) {
                case DESCRIPTION -> {
                    if (general != null) {
                        warnings.add(q.externalId() + ": a description has no general feedback in GIFT");
                    }
                }
                case FLASHCARD, ESSAY, CLOZE -> {
                    if (q.type() == QuestionType.FLASHCARD) {
                        warnings.add(q.externalId() + ": a flashcard is written as an essay with its answer as general feedback");
                    }
                    sb.append(" {").append(gf).append('}');
                }
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    sb.append(" {");
                    for (QuestionContent.Option o : options) {
                        boolean plainRight = q.type() == QuestionType.SINGLE_CHOICE && o.fraction() == 1;
                        boolean plainWrong = o.fraction() == 0;
                        sb.append("\n\t").append(plainRight ? "=" : "~");
                        if (!plainRight && !plainWrong) {
                            sb.append('%').append(percent(o.fraction())).append('%');
                        }
                        option(sb, o);
                    }
                    sb.append(gf.isEmpty() ? "" : "\n\t" + gf).append("\n}");
                }
                case TRUE_FALSE -> {
                    boolean value = Boolean.TRUE.equals(q.correctBoolean());
                    sb.append(" {").append(value ? "TRUE" : "FALSE");
                    // an option without feedback is common: findFirst() would throw on its null
                    String trueFb = feedbackOf(options, "true");
                    String falseFb = feedbackOf(options, "false");
                    String wrong = value ? falseFb : trueFb;
                    String right = value ? trueFb : falseFb;
                    if (wrong != null || right != null) {
                        sb.append('#').append(wrong == null ? "" : "[markdown]" + escape(wrong));
                        if (right != null) {
                            sb.append('#').append("[markdown]").append(escape(right));
                        }
                    }
                    sb.append(gf).append('}');
                }
                case SHORT_ANSWER -> {
                    sb.append(" {");
                    for (QuestionContent.Option o : options) {
                        sb.append("\n\t=");
                        if (o.fraction() != 1) {
                            sb.append('%').append(percent(o.fraction())).append('%');
                        }
                        option(sb, o);
                    }
                    sb.append(gf.isEmpty() ? "" : "\n\t" + gf).append("\n}");
                }
                case NUMERICAL -> {
                    sb.append(" {#");
                    if (options.isEmpty()) {
                        sb.append(q.correctMin().equals(q.correctMax()) ? number(q.correctMin())
                                : number(q.correctMin()) + ".." + number(q.correctMax()));
                    } else {
                        for (QuestionContent.Option o : options) {
                            if (o.text().equals("*")) {
                                sb.append("\n\t~");
                            } else {
                                sb.append("\n\t=");
                                if (o.fraction() != 1) {
                                    sb.append('%').append(percent(o.fraction())).append('%');
                                }
                                sb.append(o.text());
                            }
                            if (o.feedback() != null) {
                                sb.append("#[markdown]").append(escape(o.feedback()));
                            }
                        }
                    }
                    sb.append(gf).append('}');
                }
                case MATCHING -> {
                    sb.append(" {");
                    for (QuestionContent.Option o : options) {
                        sb.append("\n\t=").append(o.text().isBlank() ? "" : "[markdown]" + escape(o.text()))
                                .append(" -> ").append(escape(o.matchText() == null ? "" : o.matchText()));
                    }
                    sb.append(gf.isEmpty() ? "" : "\n\t" + gf).append("\n}");
                }
            }
            sb.append("\n\n");
        }
        out.append(sb);
        TextMedia.warn(media, warnings);
        return warnings;
    }

    private static String feedbackOf(List<QuestionContent.Option> options, String text) {
        return options.stream().filter(o -> o.text().equals(text)).findFirst().map(QuestionContent.Option::feedback)
                .orElse(null);
    }

    private static void option(StringBuilder sb, QuestionContent.Option o) {
        sb.append("[markdown]").append(escape(o.text()));
        if (o.feedback() != null) {
            sb.append("#[markdown]").append(escape(o.feedback()));
        }
    }

    /** Exact decimal of the weight, so a re-import gives the same fraction. */
    private static String percent(double fraction) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Moodle's repchar: escape the special characters, line breaks as \n. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        String text = s.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '~', '=', '#', '{', '}', ':' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}
