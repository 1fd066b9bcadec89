package io.demodeck.importer.moodle;

import io.demodeck.platform.Sha256;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.DeckAssembler;
import io.demodeck.importer.HtmlText;
import io.demodeck.importer.ImportLog;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportParser;
import io.demodeck.importer.ImportText;
import io.demodeck.importer.MediaFile;
import io.demodeck.importer.ParsedImport;
import io.demodeck.importer.ProblemCode;
import io.demodeck.quiz.cloze.Cloze;
import io.demodeck.quiz.cloze.ClozeException;
import io.demodeck.quiz.cloze.ClozeParser;
import io.demodeck.quiz.cloze.ClozeWriter;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Moodle XML ({@code qformat_xml}): nested categories, idnumber, tags, the core question types, CDATA, and
 * base64 {@code <file>}s, which are stored as media and linked from the text; cloze (multianswer) questions with
 * their gaps. Calculated questions are reported one by one and left out; so is any unknown type.
 */
public final class MoodleXmlParser implements ImportParser {

    static final String PLUGINFILE = "@@PLUGINFILE@@/";

    @Override
    public ParsedImport parse(byte[] data, String fileName, ImportOptions options) {
        ImportLog log = new ImportLog();
        XmlTree.Node root;
        try {
            root = XmlTree.parse(data);
        } catch (XmlTree.XmlException e) {
            log.error(e.line, e.code, e.args);
            return ParsedImport.rejected(log);
        }
        if (!root.name.equals("quiz")) {
            log.error(root.line, ProblemCode.MOODLE_ROOT_NOT_QUIZ, root.name);
            return ParsedImport.rejected(log);
        }
        String deckId = options.deck() != null ? options.deck() : ImportText.deckIdFromFileName(fileName);
        StringBuilder sample = new StringBuilder();
        for (XmlTree.Node q : root.all("question")) {
            String t = q.textOf("questiontext");
            if (t != null && sample.length() < 100_000) {
                sample.append(t).append('\n');
            }
        }
        DeckAssembler deck = new DeckAssembler(deckId, ImportText.language(options, sample.toString()),
                ImportText.titleFromFileName(fileName), fileName, log);
        Map<String, MediaFile> media = new LinkedHashMap<>();
        long[] mediaBytes = {0};
        List<String> category = List.of();
        for (XmlTree.Node node : root.children) {
            if (!node.name.equals("question")) {
                log.warning(node.line, ProblemCode.MOODLE_NOT_A_QUESTION, node.name);
                continue;
            }
            String type = node.attr("type") == null ? "" : node.attr("type").toLowerCase(Locale.ROOT);
            if (type.equals("category")) {
                String path = node.textOf("category");
                if (path != null) {
                    category = ImportText.categoryPath(path);
                    if (!category.isEmpty()) {
                        deck.title(category.get(category.size() - 1));
                    }
                }
                continue;
            }
            new Question(node, type, category, deck, log, deckId, media, mediaBytes).read();
        }
        return deck.build(new ArrayList<>(media.values()), root.line);
    }

    /** One {@code <question>}: reported by its line and name. */
    private static final class Question {
        private final XmlTree.Node node;
        private final String type;
        private final List<String> category;
        private final DeckAssembler deck;
        private final ImportLog log;
        private final String deckId;
        private final Map<String, MediaFile> media;
        private final long[] mediaBytes;
        /** The question's {@code <name>}, null when it has none: with the type, how a problem names the question. */
        private final String name;
        private final String title;

        Question(XmlTree.Node node, String type, List<String> category, DeckAssembler deck, ImportLog log,
                 String deckId, Map<String, MediaFile> media, long[] mediaBytes) {
            this.node = node;
            this.type = type;
            this.category = category;
            this.deck = deck;
            this.log = log;
            this.deckId = deckId;
            this.media = media;
            this.mediaBytes = mediaBytes;
            String name = node.textOf("name");
            this.title = name == null || name.isBlank() ? null : HtmlText.toPlain(name);
            this.name = name == null || name.isBlank() ? null : name.strip();
        }

        void read() {
            int line = node.line;
            String prompt = text(node.child("questiontext"));
            String general = text(node.child("generalfeedback"));
            String idnumber = node.textOf("idnumber");
            List<String> tags = new ArrayList<>();
            if (!category.isEmpty()) {
                tags.add(String.join("::", category));
            }
            XmlTree.Node tagsNode = node.child("tags");
            if (tagsNode != null) {
                for (XmlTree.Node tag : tagsNode.all("tag")) {
                    String t = tag.textOf("text") != null ? tag.textOf("text") : tag.text.toString();
                    if (t != null && !t.isBlank()) {
                        tags.add(t.strip());
                    }
                }
            }
            if (type.equals("cloze") || type.equals("multianswer")) {
                cloze(idnumber == null || idnumber.isBlank() ? null : idnumber.strip(), tags, general, line);
                return;
            }
            if (type.startsWith("calculated") || type.equals("randomsamatch") || type.equals("random")
                    || type.equals("ddwtos") || type.equals("gapselect") || type.equals("ordering")) {
                log.skip(line, ProblemCode.MOODLE_TYPE_UNSUPPORTED, type, name);
                return;
            }
            if (prompt == null || prompt.isBlank()) {
                log.skip(line, ProblemCode.MOODLE_NO_QUESTIONTEXT, type, name);
                return;
            }
            String id = idnumber == null || idnumber.isBlank() ? null : idnumber.strip();
            switch (type) {
                case "description" -> deck.add(id, QuestionType.DESCRIPTION, tags, prompt, null, general, null, null,
                        null, List.of(), line, null, title);
                case "essay" -> deck.add(id, QuestionType.ESSAY, tags, prompt, text(node.child("graderinfo")), general,
                        null, null, null, List.of(), line, null, title);
                case "multichoice" -> multichoice(id, tags, prompt, general, line);
                case "truefalse" -> trueFalse(id, tags, prompt, general, line);
                case "shortanswer" -> shortAnswer(id, tags, prompt, general, line);
                case "numerical" -> numerical(id, tags, prompt, general, line);
                case "matching", "match" -> matching(id, tags, prompt, general, line);
                default -> log.skip(line, ProblemCode.MOODLE_TYPE_UNKNOWN, type, name);
            }
        }

        /**
         * A cloze: its gaps are read from the questiontext as Moodle reads them (answers and feedback as text), the
         * text around them is converted as any text, and each gap is written back in its place in Moodle's syntax.
         */
        private void cloze(String id, List<String> tags, String general, int line) {
            XmlTree.Node questionText = node.child("questiontext");
            XmlTree.Node t = questionText == null ? null : questionText.child("text");
            String raw = t == null ? null : t.text.toString();
            if (raw == null || raw.isBlank()) {
                log.skip(line, ProblemCode.MOODLE_NO_QUESTIONTEXT, type, name);
                return;
            }
            String format = questionText.attr("format") == null ? "" : questionText.attr("format").strip().toLowerCase(Locale.ROOT);
            boolean html = !format.equals("markdown") && !format.equals("plain_text");
            Cloze cloze;
            try {
                cloze = ClozeParser.parse(raw, html, html ? HtmlText::toPlain : UnaryOperator.identity());
            } catch (ClozeException e) {
                log.skip(line, ProblemCode.MOODLE_CLOZE_INVALID, type, name, e.coded());
                return;
            }
            List<Cloze.Gap> gaps = cloze.gaps();
            StringBuilder marked = new StringBuilder();
            for (Cloze.Part part : cloze.parts()) {
                switch (part) {
                    case Cloze.Text text -> marked.append(text.markdown());
                    case Cloze.Gap gap -> marked.append(GAP_OPEN).append(gaps.indexOf(gap)).append(GAP_CLOSE);
                }
            }
            String converted = text(questionText, marked.toString());
            java.util.regex.Matcher m = GAP_MARK.matcher(converted);
            StringBuilder stored = new StringBuilder();
            boolean[] placed = new boolean[gaps.size()];
            int from = 0;
            while (m.find()) {
                int index = Integer.parseInt(m.group(1));
                if (index < gaps.size() && !placed[index]) {
                    placed[index] = true;
                    stored.append(literalBraces(converted.substring(from, m.start())))
                            .append(ClozeWriter.gap(gaps.get(index), java.util.function.Function.identity()));
                    from = m.end();
                }
            }
            stored.append(literalBraces(converted.substring(from)));
            for (int i = 0; i < placed.length; i++) {
                if (!placed[i]) {
                    log.skip(line, ProblemCode.MOODLE_GAP_IN_REMOVED_MARKUP, type, name, i + 1);
                    return;
                }
            }
            deck.add(id, QuestionType.CLOZE, tags, stored.toString().strip(), null, general, null, null, null, List.of(),
                    line, null, title);
        }

        private void multichoice(String id, List<String> tags, String prompt, String general, int line) {
            List<DeckAssembler.Opt> opts = answers(line, false);
            if (opts == null) {
                return;
            }
            if (opts.size() < 2) {
                log.skip(line, ProblemCode.MOODLE_TWO_ANSWERS, type, name);
                return;
            }
            if (opts.stream().noneMatch(o -> o.fraction() > 0)) {
                log.skip(line, ProblemCode.MOODLE_NO_POSITIVE_ANSWER, type, name);
                return;
            }
            String single = node.textOf("single");
            boolean isSingle = single == null ? opts.stream().filter(o -> o.fraction() > 0).count() == 1
                    : single.strip().equals("true") || single.strip().equals("1");
            if (isSingle && opts.stream().noneMatch(o -> o.fraction() >= 0.999)) {
                log.skip(line, ProblemCode.MOODLE_SINGLE_NO_FULL, type, name);
                return;
            }
            deck.add(id, isSingle ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE, tags, prompt, null,
                    general, null, null, null, opts, line, null, title);
        }

        private void trueFalse(String id, List<String> tags, String prompt, String general, int line) {
            Boolean value = null;
            String trueFb = null;
            String falseFb = null;
            for (XmlTree.Node a : node.all("answer")) {
                String t = a.textOf("text");
                String v = t == null ? a.text.toString().strip() : t.strip();
                double fraction = fraction(a);
                String fb = text(a.child("feedback"));
                if (v.equalsIgnoreCase("true")) {
                    trueFb = fb;
                    if (fraction > 0) {
                        value = true;
                    }
                } else if (v.equalsIgnoreCase("false")) {
                    falseFb = fb;
                    if (fraction > 0) {
                        value = false;
                    }
                }
            }
            if (value == null) {
                log.skip(line, ProblemCode.MOODLE_TRUE_FALSE_UNMARKED, type, name);
                return;
            }
            List<DeckAssembler.Opt> opts = trueFb == null && falseFb == null ? List.of() : List.of(
                    new DeckAssembler.Opt("true", null, value ? 1 : 0, trueFb),
                    new DeckAssembler.Opt("false", null, value ? 0 : 1, falseFb));
            deck.add(id, QuestionType.TRUE_FALSE, tags, prompt, null, general, value, null, null, opts, line, null, title);
        }

        private void shortAnswer(String id, List<String> tags, String prompt, String general, int line) {
            List<DeckAssembler.Opt> opts = answers(line, true);
            if (opts == null) {
                return;
            }
            if (opts.stream().noneMatch(o -> o.fraction() > 0)) {
                log.skip(line, ProblemCode.MOODLE_NO_ACCEPTED_ANSWER, type, name);
                return;
            }
            deck.add(id, QuestionType.SHORT_ANSWER, tags, prompt, null, general, null, null, null, opts, line, null, title);
        }

        private void numerical(String id, List<String> tags, String prompt, String general, int line) {
            List<DeckAssembler.Opt> opts = new ArrayList<>();
            double[] best = null;
            double bestFraction = 0;
            for (XmlTree.Node a : node.all("answer")) {
                String t = a.textOf("text");
                String v = (t == null ? a.text.toString() : t).strip();
                double fraction = fraction(a);
                String fb = text(a.child("feedback"));
                if (v.equals("*")) {
                    opts.add(new DeckAssembler.Opt("*", null, fraction, fb));
                    continue;
                }
                String tolText = a.textOf("tolerance");
                double value;
                double tol;
                try {
                    value = Double.parseDouble(v);
                    tol = tolText == null || tolText.isBlank() ? 0 : Math.abs(Double.parseDouble(tolText.strip()));
                } catch (NumberFormatException e) {
                    log.skip(a.line, ProblemCode.MOODLE_ANSWER_NOT_A_NUMBER, type, name, ImportText.abbreviate(v));
                    return;
                }
                opts.add(new DeckAssembler.Opt(tol == 0 ? v : v + ":" + tolText.strip(), null, fraction, fb));
                if (best == null || fraction > bestFraction) {
                    best = new double[] {value - tol, value + tol};
                    bestFraction = fraction;
                }
            }
            if (best == null || bestFraction <= 0) {
                log.skip(line, ProblemCode.MOODLE_NO_RIGHT_NUMBER, type, name);
                return;
            }
            if (node.child("units") != null && !node.child("units").children.isEmpty()) {
                log.warning(line, ProblemCode.MOODLE_UNITS_IGNORED, type, name);
            }
            List<DeckAssembler.Opt> kept = opts.size() == 1 && opts.get(0).feedback() == null
                    && opts.get(0).fraction() == 1 ? List.of() : opts;
            deck.add(id, QuestionType.NUMERICAL, tags, prompt, null, general, null, best[0], best[1], kept, line, null, title);
        }

        private void matching(String id, List<String> tags, String prompt, String general, int line) {
            List<DeckAssembler.Opt> opts = new ArrayList<>();
            for (XmlTree.Node sub : node.all("subquestion")) {
                String left = plainText(sub);
                XmlTree.Node answer = sub.child("answer");
                String right = answer == null ? null : answer.textOf("text") != null
                        ? answer.textOf("text").strip() : answer.text.toString().strip();
                if (right == null || right.isEmpty()) {
                    log.skip(sub.line, ProblemCode.MOODLE_SUBQUESTION_NO_ANSWER, type, name);
                    return;
                }
                boolean distractor = left == null || left.isBlank();
                opts.add(new DeckAssembler.Opt(distractor ? "" : left, HtmlText.toPlain(right),
                        distractor ? 0 : 1, null));
            }
            if (opts.stream().filter(o -> o.fraction() > 0).count() < 2) {
                log.skip(line, ProblemCode.MOODLE_TWO_SUBQUESTIONS, type, name);
                return;
            }
            deck.add(id, QuestionType.MATCHING, tags, prompt, null, general, null, null, null, opts, line, null, title);
        }

        /** The {@code <answer>}s with fraction, text and feedback; null after reporting a broken one. */
        private List<DeckAssembler.Opt> answers(int line, boolean plain) {
            List<DeckAssembler.Opt> opts = new ArrayList<>();
            for (XmlTree.Node a : node.all("answer")) {
                double fraction = fraction(a);
                if (Double.isNaN(fraction)) {
                    log.skip(a.line, ProblemCode.MOODLE_FRACTION_RANGE, type, name, String.valueOf(a.attr("fraction")));
                    return null;
                }
                // accepted answers are compared with what a learner types: text, not Markdown
                String t = plain ? plainText(a) : text(a);
                if (t == null || t.isBlank()) {
                    log.skip(a.line, ProblemCode.MOODLE_ANSWER_NO_TEXT, type, name);
                    return null;
                }
                opts.add(new DeckAssembler.Opt(t, null, fraction, text(a.child("feedback"))));
            }
            return opts;
        }

        private static double fraction(XmlTree.Node a) {
            String f = a.attr("fraction");
            if (f == null || f.isBlank()) {
                return 0;
            }
            try {
                double v = Double.parseDouble(f.strip()) / 100.0;
                return v < -1 || v > 1 || !Double.isFinite(v) ? Double.NaN : v;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        /** A text element shown and compared as written: its visible text. */
        private static String plainText(XmlTree.Node element) {
            XmlTree.Node t = element == null ? null : element.child("text");
            return t == null ? null : HtmlText.toPlain(t.text.toString());
        }

        /** A text element: its files stored as media, @@PLUGINFILE@@ links pointed at them, HTML made safe Markdown. */
        private String text(XmlTree.Node element) {
            if (element == null) {
                return null;
            }
            XmlTree.Node t = element.child("text");
            return text(element, t == null ? null : t.text.toString());
        }

        /** @param raw the element's text as it is to be converted (a cloze's, with its gaps marked) */
        private String text(XmlTree.Node element, String raw) {
            if (raw == null) {
                return null;
            }
            Map<String, String> urls = new HashMap<>();
            for (XmlTree.Node file : element.all("file")) {
                String fileName = file.attr("name");
                if (fileName == null || fileName.isBlank()) {
                    log.warning(file.line, ProblemCode.MOODLE_FILE_NO_NAME, type, name);
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(file.text.toString().replaceAll("\\s+", ""));
                    if (bytes.length == 0) {
                        throw new IllegalArgumentException("empty");
                    }
                } catch (IllegalArgumentException e) {
                    log.warning(file.line, ProblemCode.MOODLE_FILE_NOT_BASE64, type, name, fileName);
                    continue;
                }
                if (mediaBytes[0] + bytes.length > MediaFile.MAX_BYTES_PER_IMPORT) {
                    log.warning(file.line, ProblemCode.MOODLE_MEDIA_OVER_BUDGET, type, name, fileName,
                            MediaFile.MAX_BYTES_PER_IMPORT / (1024 * 1024));
                    continue;
                }
                // files of different questions often share a name (image.png): the content hash keeps them apart
                String prefix = Sha256.hex(Base64.getEncoder().encodeToString(bytes)).substring(0, 12) + "-";
                // a file DemoDeck exported carries its prefix already: the name stays the same
                String stored = MediaFile.storedName(fileName).startsWith(prefix) ? MediaFile.storedName(fileName)
                        : prefix + MediaFile.storedName(fileName);
                if (!media.containsKey(stored)) {
                    mediaBytes[0] += bytes.length;
                    media.put(stored, new MediaFile(stored, MediaFile.contentTypeOf(fileName), bytes));
                }
                urls.put(fileName, mediaUrl(deckId, stored));
            }
            UnaryOperator<String> images = src -> {
                if (src == null || !src.startsWith(PLUGINFILE)) {
                    return null;
                }
                String imageName = URLDecoder.decode(src.substring(PLUGINFILE.length()), StandardCharsets.UTF_8);
                String url = urls.get(imageName);
                if (url == null) {
                    log.warning(element.line, ProblemCode.MOODLE_IMAGE_NOT_EMBEDDED, type, name, imageName);
                }
                return url;
            };
            String format = element.attr("format") == null ? "" : element.attr("format").strip().toLowerCase(Locale.ROOT);
            return switch (format) {
                case "markdown" -> raw.strip();
                case "plain_text" -> HtmlText.plainToMarkdown(raw);
                default -> HtmlText.toMarkdown(raw, images);
            };
        }
    }

    private static final char GAP_OPEN = '\uE040';
    private static final char GAP_CLOSE = '\uE041';
    private static final java.util.regex.Pattern GAP_MARK = java.util.regex.Pattern.compile(GAP_OPEN + "(\\d{1,4})" + GAP_CLOSE);
    /** A '{' that would read as the start of a gap ({2:…) in text that was none, e.g. written as the entity &#123;. */
    private static final java.util.regex.Pattern GAP_LIKE = java.util.regex.Pattern.compile("(?<!\\\\)\\{(?=\\d{0,4}:)");

    private static String literalBraces(String markdown) {
        return GAP_LIKE.matcher(markdown).replaceAll("\\\\{");
    }

    static String mediaUrl(String deckId, String name) {
        return "/decks/" + deckId + "/media/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
