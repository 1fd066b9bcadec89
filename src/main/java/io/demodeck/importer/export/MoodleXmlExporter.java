package io.demodeck.importer.export;

import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.MediaFile;
import io.demodeck.platform.MarkdownRenderer;
import io.demodeck.quiz.cloze.Cloze;
import io.demodeck.quiz.cloze.ClozeParser;
import io.demodeck.quiz.cloze.ClozeWriter;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle XML ({@code qformat_xml}), for a Moodle question bank: a category before each run of questions whose
 * first {@code a::b} tag is that path, idnumber = the stable id, the other tags, every supported type, texts as
 * HTML with the deck's files they show embedded as base64 ({@code @@PLUGINFILE@@}). It reads back with the
 * {@code moodle-xml} importer to the same questions.
 */
final class MoodleXmlExporter {

    /** A link to a stored file as the importers write it: /decks/{deck}/media/{name}. */
    private static final Pattern MEDIA_LINK = Pattern.compile("(src|href)=\"/decks/[^/\"]+/media/([^\"/?#]+)\"");
    private static final int NAME_LENGTH = 60;

    private MoodleXmlExporter() {
    }

    static List<String> write(DeckContent deck, MediaSource media, Writer out) throws IOException {
        List<String> warnings = new ArrayList<>();
        Map<String, MediaFile> files = referencedFiles(deck, media);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
        String category = null;
        for (QuestionContent q : deck.questions()) {
            out.append(sb); // one question at a time
            sb.setLength(0);
            String path = categoryOf(q);
            String wanted = path == null ? "" : path;
            if (category == null && path != null || category != null && !category.equals(wanted)) {
                // "top" alone is no category: questions after it get none
                sb.append("  <question type=\"category\">\n    <category><text>$course$/top")
                        .append(path == null ? "" : "/" + xml(path.replace("::", "/"))).append("</text></category>\n  </question>\n");
                category = wanted;
            }
            question(sb, q, files, warnings);
        }
        sb.append("</quiz>\n");
        out.append(sb);
        return warnings;
    }

    /** The first tag that is a path (a::b) is the question's category; a one-word tag stays a tag. */
    static String categoryOf(QuestionContent q) {
        return q.tags().stream().filter(t -> t.contains("::")).findFirst().orElse(null);
    }

    /** Moodle needs a name: the title, else the start of the prompt's text. */
    static String nameOf(QuestionContent q) {
        if (q.title() != null) {
            return q.title();
        }
        String prompt = q.texts().get(q.originalLanguage()).prompt();
        String plain = q.type() == QuestionType.CLOZE ? ClozeWriter.blanksPlain(ClozeParser.parse(prompt))
                : org.jsoup.Jsoup.parse(MarkdownRenderer.toHtml(prompt)).text().strip();
        if (plain.isEmpty()) {
            plain = q.externalId();
        }
        return plain.length() > NAME_LENGTH ? plain.substring(0, NAME_LENGTH - 1).strip() + "…" : plain;
    }

    private static void question(StringBuilder sb, QuestionContent q, Map<String, MediaFile> files, List<String> warnings) {
        String lang = q.originalLanguage();
        QuestionContent.Text t = q.texts().get(lang);
        if (q.texts().size() > 1) {
            warnings.add(q.externalId() + ": Moodle XML holds one language; only '" + lang + "' is exported");
        }
        if (!t.keyPoints().isEmpty() || t.accurateNote() != null) {
            warnings.add(q.externalId() + ": key points and notes have no place in Moodle XML");
        }
        List<QuestionContent.Option> options = q.options().stream().filter(o -> o.lang().equals(lang)).toList();
        String type = switch (q.type()) {
            case DESCRIPTION -> "description";
            case FLASHCARD, ESSAY -> "essay";
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> "multichoice";
            case TRUE_FALSE -> "truefalse";
            case SHORT_ANSWER -> "shortanswer";
            case NUMERICAL -> "numerical";
            case MATCHING -> "matching";
            case CLOZE -> "cloze";
        };
        sb.append("  <question type=\"").append(type).append("\">\n");
        sb.append("    <name><text>").append(xml(nameOf(q))).append("</text></name>\n");
        if (q.type() == QuestionType.CLOZE) {
            clozeText(sb, t.prompt(), files);
        } else {
            html(sb, "questiontext", t.prompt(), files, "    ");
        }
        String general = t.generalFeedback();
        if (q.type() != QuestionType.FLASHCARD && q.type() != QuestionType.ESSAY && t.answer() != null) {
            warnings.add(q.externalId() + ": the answer text is written as general feedback");
            general = general == null ? t.answer() : general + "\n\n" + t.answer();
        }
        html(sb, "generalfeedback", general == null ? "" : general, files, "    ");
        sb.append("    <defaultgrade>1</defaultgrade>\n    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n");
        sb.append("    <idnumber>").append(xml(q.externalId())).append("</idnumber>\n");
        switch (q.type()) {
            case FLASHCARD, ESSAY -> {
                if (q.type() == QuestionType.FLASHCARD) {
                    warnings.add(q.externalId() + ": a flashcard is written as an essay with its answer as the grader information");
                }
                sb.append("    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n"
                        + "    <responsefieldlines>15</responsefieldlines>\n    <attachments>0</attachments>\n");
                html(sb, "graderinfo", t.answer() == null ? "" : t.answer(), files, "    ");
                sb.append("    <responsetemplate format=\"html\"><text></text></responsetemplate>\n");
            }
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                sb.append("    <single>").append(q.type() == QuestionType.SINGLE_CHOICE).append("</single>\n")
                        .append("    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n");
                for (QuestionContent.Option o : options) {
                    answer(sb, o.fraction(), o.text(), true, o.feedback(), files, null);
                }
            }
            case TRUE_FALSE -> {
                boolean value = Boolean.TRUE.equals(q.correctBoolean());
                String trueFb = feedbackOf(options, "true");
                String falseFb = feedbackOf(options, "false");
                answer(sb, value ? 1 : 0, "true", false, trueFb, files, null);
                answer(sb, value ? 0 : 1, "false", false, falseFb, files, null);
            }
            case SHORT_ANSWER -> {
                sb.append("    <usecase>0</usecase>\n");
                for (QuestionContent.Option o : options) {
                    answer(sb, o.fraction(), o.text(), false, o.feedback(), files, null);
                }
            }
            case NUMERICAL -> {
                if (options.isEmpty()) {
                    double mid = (q.correctMin() + q.correctMax()) / 2;
                    answer(sb, 1, number(mid), false, null, files, number((q.correctMax() - q.correctMin()) / 2));
                } else {
                    for (QuestionContent.Option o : options) {
                        String[] valueAndTolerance = numberAndTolerance(o.text());
                        answer(sb, o.fraction(), valueAndTolerance[0], false, o.feedback(), files, valueAndTolerance[1]);
                    }
                }
            }
            case MATCHING -> {
                sb.append("    <shuffleanswers>true</shuffleanswers>\n");
                for (QuestionContent.Option o : options) {
                    sb.append("    <subquestion format=\"html\">\n      <text>").append(xml(o.text() == null ? "" : o.text()))
                            .append("</text>\n      <answer><text>").append(xml(o.matchText() == null ? "" : o.matchText()))
                            .append("</text></answer>\n    </subquestion>\n");
                }
            }
            case DESCRIPTION, CLOZE -> {
            }
        }
        List<String> tags = q.tags().stream().filter(tag -> !tag.equals(categoryOf(q))).toList();
        if (!tags.isEmpty()) {
            sb.append("    <tags>\n");
            tags.forEach(tag -> sb.append("      <tag><text>").append(xml(tag)).append("</text></tag>\n"));
            sb.append("    </tags>\n");
        }
        sb.append("  </question>\n");
    }

    private static String feedbackOf(List<QuestionContent.Option> options, String text) {
        return options.stream().filter(o -> o.text().equals(text)).findFirst().map(QuestionContent.Option::feedback)
                .orElse(null);
    }

    /** "3:2", "1..5", "3" or "*" as Moodle's answer and tolerance. */
    static String[] numberAndTolerance(String text) {
        String s = text.strip();
        int range = s.indexOf("..");
        try {
            if (range > 0) {
                double lo = Double.parseDouble(s.substring(0, range).strip());
                double hi = Double.parseDouble(s.substring(range + 2).strip());
                return new String[] {number((lo + hi) / 2), number((hi - lo) / 2)};
            }
            int colon = s.indexOf(':');
            if (colon > 0) {
                return new String[] {s.substring(0, colon).strip(), s.substring(colon + 1).strip()};
            }
        } catch (NumberFormatException e) {
            // written as it is: the importer names it
        }
        return new String[] {s, null};
    }

    private static void answer(StringBuilder sb, double fraction, String text, boolean html, String feedback,
                               Map<String, MediaFile> files, String tolerance) {
        sb.append("    <answer fraction=\"").append(percent(fraction)).append("\" format=\"")
                .append(html ? "html" : "plain_text").append("\">\n");
        if (html) {
            sb.append("      <text>").append(xml(withPluginFiles(MarkdownRenderer.toHtml(text), new LinkedHashSet<>()))).append("</text>\n");
            embed(sb, text, files, "      ");
        } else {
            sb.append("      <text>").append(xml(text)).append("</text>\n");
        }
        if (tolerance != null) {
            sb.append("      <tolerance>").append(xml(tolerance)).append("</tolerance>\n");
        }
        if (feedback != null) {
            html(sb, "feedback", feedback, files, "      ");
        }
        sb.append("    </answer>\n");
    }

    /** A Markdown text as an HTML text element, the files it shows inside it. */
    private static void html(StringBuilder sb, String element, String markdown, Map<String, MediaFile> files, String indent) {
        Set<String> used = new LinkedHashSet<>();
        String html = withPluginFiles(MarkdownRenderer.toHtml(markdown), used);
        sb.append(indent).append('<').append(element).append(" format=\"html\">\n").append(indent).append("  <text>")
                .append(xml(html.strip())).append("</text>\n");
        embed(sb, markdown, files, indent + "  ");
        sb.append(indent).append("</").append(element).append(">\n");
    }

    /** A cloze's text: its Markdown as HTML, each gap in Moodle's syntax with its texts HTML-escaped, as Moodle reads them. */
    private static void clozeText(StringBuilder sb, String prompt, Map<String, MediaFile> files) {
        Cloze cloze = ClozeParser.parse(prompt);
        String html = withPluginFiles(ClozeWriter.html(cloze, g -> ClozeWriter.gap(g, MoodleXmlExporter::escapeHtml)),
                new LinkedHashSet<>());
        sb.append("    <questiontext format=\"html\">\n      <text>").append(xml(html.strip())).append("</text>\n");
        embed(sb, prompt, files, "      ");
        sb.append("    </questiontext>\n");
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void embed(StringBuilder sb, String markdown, Map<String, MediaFile> files, String indent) {
        Set<String> used = new LinkedHashSet<>();
        withPluginFiles(MarkdownRenderer.toHtml(markdown), used);
        for (String name : used) {
            MediaFile f = files.get(name);
            if (f != null) {
                sb.append(indent).append("<file name=\"").append(xml(name)).append("\" path=\"/\" encoding=\"base64\">")
                        .append(Base64.getEncoder().encodeToString(f.data())).append("</file>\n");
            }
        }
    }

    /** Links to the deck's files point at the embedded copies; {@code used} collects their names. */
    private static String withPluginFiles(String html, Set<String> used) {
        Matcher m = MEDIA_LINK.matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            used.add(URLDecoder.decode(m.group(2).replace("&amp;", "&"), StandardCharsets.UTF_8));
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "=\"@@PLUGINFILE@@/" + m.group(2) + "\""));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The stored files the questions link to, read once. */
    private static Map<String, MediaFile> referencedFiles(DeckContent deck, MediaSource media) throws IOException {
        Set<String> used = new LinkedHashSet<>();
        for (QuestionContent q : deck.questions()) {
            QuestionContent.Text t = q.texts().get(q.originalLanguage());
            for (String s : new String[] {t.prompt(), t.answer(), t.generalFeedback()}) {
                if (s != null) {
                    withPluginFiles(MarkdownRenderer.toHtml(s), used);
                }
            }
            q.options().forEach(o -> {
                withPluginFiles(MarkdownRenderer.toHtml(o.text()), used);
                if (o.feedback() != null) {
                    withPluginFiles(MarkdownRenderer.toHtml(o.feedback()), used);
                }
            });
        }
        Map<String, MediaFile> files = new HashMap<>();
        if (!used.isEmpty()) {
            media.forEach(f -> {
                if (used.contains(f.name())) {
                    files.put(f.name(), f);
                }
            });
        }
        return files;
    }

    private static String percent(double fraction) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Text content and attribute values: the five XML specials, and no control characters XML 1.0 forbids. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
