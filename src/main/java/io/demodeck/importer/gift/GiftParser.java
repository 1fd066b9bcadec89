package io.demodeck.importer.gift;

import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.DeckAssembler;
import io.demodeck.importer.HtmlText;
import io.demodeck.importer.ImportLog;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportParser;
import io.demodeck.importer.ImportText;
import io.demodeck.importer.ParsedImport;
import io.demodeck.importer.ProblemCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle GIFT, following {@code question/format/gift/format.php}: blank-line separated blocks, comments with
 * {@code [id:]} and {@code [tag:]}, {@code $CATEGORY:}, {@code ::name::}, format tags, every escape, and the type
 * detection order of Moodle. Each broken question is reported with its line and skipped; the rest import.
 */
public final class GiftParser implements ImportParser {

    // Escaped characters become private-use placeholders while the structure is parsed, then come back.
    private static final String ESCAPABLE = "~=#{}:\\";
    private static final char PLACEHOLDER_BASE = '\uE000';
    private static final char NEWLINE_PLACEHOLDER = '\uE010';
    private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d{1,3}(?:\\.\\d*)?)%");
    private static final Pattern ID_TAG = Pattern.compile("\\[id:([^\\]]+)]");
    private static final Pattern TAG_TAG = Pattern.compile("\\[tag:([^\\]]+)]");
    private static final Pattern FORMAT = Pattern.compile("^\\s*\\[(html|moodle|plain|markdown)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TF = Pattern.compile("(?i)T|TRUE|F|FALSE");
    // possessive digit runs: with "\\d+\\.?\\d*" a long run of digits can be split in n ways, tried one by one
    private static final String NUMBER = "-?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][-+]?\\d++)?";
    private static final Pattern NUM_RANGE = Pattern.compile("(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER + ")");
    private static final Pattern NUM_TOLERANCE = Pattern.compile("(" + NUMBER + ")\\s*(?::\\s*(" + NUMBER + "))?");

    /** The ::name:: of the question being read: its title. */
    private String title;

    @Override
    public ParsedImport parse(byte[] data, String fileName, ImportOptions options) {
        ImportLog log = new ImportLog();
        String text = ImportText.utf8(data, log);
        if (text == null) {
            return new ParsedImport(null, log.problems(), 0, List.of());
        }
        String deckId = options.deck() != null ? options.deck() : ImportText.deckIdFromFileName(fileName);
        var deck = new DeckAssembler(deckId, ImportText.language(options, text),
                ImportText.titleFromFileName(fileName), fileName, log);
        String[] lines = text.split("\n", -1);
        List<String> block = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        int start = 0;
        String category = null;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String trimmed = line.strip();
            if (trimmed.startsWith("//")) {
                comments.add(trimmed);
                continue;
            }
            if (!trimmed.isEmpty()) {
                if (block.isEmpty()) {
                    start = i + 1;
                }
                block.add(line);
                continue;
            }
            if (block.isEmpty()) {
                continue;
            }
            String joined = String.join("\n", block).strip();
            if (joined.startsWith("$CATEGORY:")) {
                int nl = joined.indexOf('\n');
                category = (nl < 0 ? joined.substring(10) : joined.substring(10, nl)).strip();
                deck.title(lastSegment(category));
                joined = nl < 0 ? "" : joined.substring(nl + 1).strip();
            }
            if (!joined.isEmpty()) {
                question(joined, start, comments, category, deck, log);
            }
            block.clear();
            comments.clear();
        }
        return deck.build(List.of(), lines.length);
    }

    private static String lastSegment(String category) {
        List<String> path = ImportText.categoryPath(category);
        return path.isEmpty() ? null : path.get(path.size() - 1);
    }

    /** The same tag as Moodle XML makes of the category: {@code a::b::c}. */
    private static List<String> categoryTags(String category) {
        List<String> path = category == null ? List.of() : ImportText.categoryPath(category);
        return path.isEmpty() ? List.of() : List.of(String.join("::", path));
    }

    private void question(String raw, int line, List<String> comments, String category,
                          DeckAssembler deck, ImportLog log) {
        String id = null;
        List<String> tags = new ArrayList<>(categoryTags(category));
        for (String c : comments) {
            Matcher m = ID_TAG.matcher(c);
            if (m.find()) {
                id = m.group(1).strip();
            }
            Matcher t = TAG_TAG.matcher(c);
            while (t.find()) {
                tags.add(t.group(1).strip());
            }
        }
        String text = protect(raw, line, log);
        String name = null;
        if (text.startsWith("::")) {
            int end = text.indexOf("::", 2);
            if (end < 0) {
                log.skip(line, ProblemCode.GIFT_NAME_NOT_CLOSED);
                return;
            }
            name = text.substring(2, end).strip();
            text = text.substring(end + 2).strip();
        }
        title = name == null ? null : restore(name).strip();
        int open = text.indexOf('{');
        int close = open < 0 ? -1 : text.indexOf('}', open);
        if (open < 0 && text.indexOf('}') >= 0) {
            log.skip(line, ProblemCode.GIFT_CLOSE_WITHOUT_OPEN);
            return;
        }
        if (open >= 0 && close < 0) {
            log.skip(line, ProblemCode.GIFT_BLOCK_NOT_CLOSED);
            return;
        }
        if (open >= 0 && text.indexOf('{', open + 1) >= 0 && text.indexOf('{', open + 1) < close) {
            log.skip(line, ProblemCode.GIFT_SECOND_OPEN);
            return;
        }
        if (close >= 0 && text.indexOf('{', close + 1) >= 0) {
            log.skip(line, ProblemCode.GIFT_TWO_BLOCKS);
            return;
        }
        if (open < 0) {
            String prompt = format(text);
            deck.add(id, QuestionType.DESCRIPTION, tags, prompt, null, null, null, null, null, List.of(), line, null, title);
            return;
        }
        String before = text.substring(0, open).strip();
        String after = text.substring(close + 1).strip();
        String answers = text.substring(open + 1, close);
        // the answer block mid-sentence is the "missing word" format
        String promptRaw = after.isEmpty() ? before : before + " _____ " + after;
        String prompt = format(promptRaw);
        if (prompt.isBlank()) {
            log.skip(line, ProblemCode.GIFT_NO_TEXT);
            return;
        }
        String general = null;
        int gf = answers.indexOf("####");
        if (gf >= 0) {
            general = format(answers.substring(gf + 4));
            answers = answers.substring(0, gf);
        }
        String a = answers.strip();
        String what = name == null ? null : restore(name);
        if (a.isEmpty()) {
            deck.add(id, QuestionType.ESSAY, tags, prompt, null, general, null, null, null, List.of(), line, null, title);
        } else if (a.startsWith("#")) {
            numerical(id, tags, prompt, general, a.substring(1), line, what, deck, log);
        } else if (a.contains("~")) {
            choice(id, tags, prompt, general, a, line, what, deck, log);
        } else if (a.contains("=") && a.contains("->")) {
            matching(id, tags, prompt, general, a, line, what, deck, log);
        } else if (TF.matcher(beforeHash(a).strip()).matches()) {
            trueFalse(id, tags, prompt, general, a, line, deck);
        } else {
            shortAnswer(id, tags, prompt, general, a, line, what, deck, log);
        }
    }

    private static String beforeHash(String s) {
        int h = s.indexOf('#');
        return h < 0 ? s : s.substring(0, h);
    }

    private void choice(String id, List<String> tags, String prompt, String general, String a, int line, String what,
                        DeckAssembler deck, ImportLog log) {
        List<DeckAssembler.Opt> opts = new ArrayList<>();
        boolean anyEquals = false;
        for (String piece : pieces(a, "=~")) {
            char marker = piece.charAt(0);
            String body = piece.substring(1);
            Double weight = weight(body);
            if (weight == null && body.strip().startsWith("%")) {
                log.skip(line, ProblemCode.GIFT_WEIGHT, what, abbrev(body));
                return;
            }
            body = stripWeight(body);
            String[] tf = splitFeedback(body);
            if (tf[0].isBlank()) {
                log.skip(line, ProblemCode.GIFT_EMPTY_ANSWER, what, String.valueOf(marker));
                return;
            }
            double fraction = weight != null ? weight : marker == '=' ? 1 : 0;
            anyEquals |= marker == '=';
            opts.add(new DeckAssembler.Opt(format(tf[0]), null, fraction, tf[1] == null ? null : format(tf[1])));
        }
        if (opts.size() < 2) {
            log.skip(line, ProblemCode.GIFT_CHOICE_TWO_ANSWERS, what);
            return;
        }
        if (opts.stream().noneMatch(o -> o.fraction() > 0)) {
            log.skip(line, ProblemCode.GIFT_NO_RIGHT_ANSWER, what);
            return;
        }
        // Moodle: without an '=' answer the question has checkboxes
        QuestionType type = anyEquals ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE;
        deck.add(id, type, tags, prompt, null, general, null, null, null, opts, line, null, title);
    }

    /** A piece of the answer block, escapes restored, short enough for a message. */
    private static String abbrev(String s) {
        String r = restore(s).strip();
        return r.length() > 40 ? r.substring(0, 37) + "…" : r;
    }

    private void matching(String id, List<String> tags, String prompt, String general, String a, int line, String what,
                          DeckAssembler deck, ImportLog log) {
        List<DeckAssembler.Opt> opts = new ArrayList<>();
        for (String piece : pieces(a, "=")) {
            String body = piece.substring(1);
            int arrow = body.indexOf("->");
            if (arrow < 0) {
                log.skip(line, ProblemCode.GIFT_PAIR_NO_ARROW, what, abbrev(body));
                return;
            }
            String left = body.substring(0, arrow).strip();
            String right = body.substring(arrow + 2).strip();
            if (right.isEmpty()) {
                log.skip(line, ProblemCode.GIFT_PAIR_NO_RIGHT, what, abbrev(body));
                return;
            }
            // an empty left side is a distractor: an extra answer on the right
            opts.add(new DeckAssembler.Opt(plain(left), plain(right), left.isEmpty() ? 0 : 1, null));
        }
        if (opts.stream().filter(o -> o.fraction() > 0).count() < 2) {
            log.skip(line, ProblemCode.GIFT_MATCHING_TWO_PAIRS, what);
            return;
        }
        deck.add(id, QuestionType.MATCHING, tags, prompt, null, general, null, null, null, opts, line, null, title);
    }

    private void trueFalse(String id, List<String> tags, String prompt, String general, String a, int line,
                           DeckAssembler deck) {
        String[] parts = a.split("#", -1);
        boolean value = parts[0].strip().toUpperCase(Locale.ROOT).startsWith("T");
        String wrongFeedback = parts.length > 1 ? format(parts[1]) : null;
        String rightFeedback = parts.length > 2 ? format(parts[2]) : null;
        List<DeckAssembler.Opt> opts = new ArrayList<>();
        if (wrongFeedback != null || rightFeedback != null) {
            // the feedback is kept on the two choices: true first, then false
            String trueFb = value ? rightFeedback : wrongFeedback;
            String falseFb = value ? wrongFeedback : rightFeedback;
            opts.add(new DeckAssembler.Opt("true", null, value ? 1 : 0, blank(trueFb)));
            opts.add(new DeckAssembler.Opt("false", null, value ? 0 : 1, blank(falseFb)));
        }
        deck.add(id, QuestionType.TRUE_FALSE, tags, prompt, null, general, value, null, null, opts, line, null, title);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void shortAnswer(String id, List<String> tags, String prompt, String general, String a, int line,
                             String what, DeckAssembler deck, ImportLog log) {
        List<DeckAssembler.Opt> opts = new ArrayList<>();
        String source = a.strip().startsWith("=") ? a : "=" + a.strip();
        for (String piece : pieces(source, "=")) {
            String body = piece.substring(1);
            Double weight = weight(body);
            if (weight == null && body.strip().startsWith("%")) {
                log.skip(line, ProblemCode.GIFT_WEIGHT, what, abbrev(body));
                return;
            }
            String[] tf = splitFeedback(stripWeight(body));
            if (tf[0].isBlank()) {
                log.skip(line, ProblemCode.GIFT_EMPTY_ACCEPTED, what);
                return;
            }
            opts.add(new DeckAssembler.Opt(plain(tf[0]), null, weight != null ? weight : 1,
                    tf[1] == null ? null : format(tf[1])));
        }
        if (opts.stream().noneMatch(o -> o.fraction() > 0)) {
            log.skip(line, ProblemCode.GIFT_SHORT_NO_ANSWER, what);
            return;
        }
        deck.add(id, QuestionType.SHORT_ANSWER, tags, prompt, null, general, null, null, null, opts, line, null, title);
    }

    private void numerical(String id, List<String> tags, String prompt, String general, String a, int line, String what,
                           DeckAssembler deck, ImportLog log) {
        // like Moodle: "{#3:2~#wrong}" is the answer 3:2 and then a wrong-answer feedback, with or without a leading '='
        List<String> pieces = pieces(a.strip(), "=~");
        List<DeckAssembler.Opt> opts = new ArrayList<>();
        double[] best = null;
        double bestFraction = 0;
        for (String piece : pieces) {
            char marker = piece.charAt(0);
            String p = piece.substring(1);
            Double weight = weight(p);
            String[] tf = splitFeedback(stripWeight(p));
            String value = restore(tf[0]).strip();
            String feedback = tf[1] == null ? null : format(tf[1]);
            if (marker == '~') {
                // "~#feedback": what any other answer gets; Moodle stores it as a '*' answer
                opts.add(new DeckAssembler.Opt("*", null, 0, feedback));
                continue;
            }
            double[] bounds = bounds(value);
            if (bounds == null) {
                log.skip(line, ProblemCode.GIFT_NOT_A_NUMBER, what, value);
                return;
            }
            double fraction = weight != null ? weight : 1;
            opts.add(new DeckAssembler.Opt(value, null, fraction, feedback));
            if (best == null || fraction > bestFraction) {
                best = bounds;
                bestFraction = fraction;
            }
        }
        if (best == null || bestFraction <= 0) {
            log.skip(line, ProblemCode.GIFT_NUMERICAL_NO_ANSWER, what);
            return;
        }
        // one exact answer without feedback needs no options: the bounds say everything
        List<DeckAssembler.Opt> kept = opts.size() == 1 && opts.get(0).feedback() == null
                && opts.get(0).fraction() == 1 ? List.of() : opts;
        deck.add(id, QuestionType.NUMERICAL, tags, prompt, null, general, null, best[0], best[1], kept, line, null, title);
    }

    static double[] bounds(String value) {
        Matcher r = NUM_RANGE.matcher(value);
        if (r.matches()) {
            double lo = Double.parseDouble(r.group(1));
            double hi = Double.parseDouble(r.group(2));
            return lo <= hi ? new double[] {lo, hi} : null;
        }
        Matcher t = NUM_TOLERANCE.matcher(value);
        if (t.matches()) {
            double v = Double.parseDouble(t.group(1));
            double tol = t.group(2) == null ? 0 : Math.abs(Double.parseDouble(t.group(2)));
            return new double[] {v - tol, v + tol};
        }
        return null;
    }

    /** Splits "=a ~b =c" into "=a ", "~b ", "=c" at every marker (escaped markers are placeholders by now). */
    private static List<String> pieces(String answers, String markers) {
        List<String> result = new ArrayList<>();
        String s = answers.strip();
        int from = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (markers.indexOf(c) >= 0) {
                if (from >= 0) {
                    result.add(s.substring(from, i));
                }
                from = i;
            } else if (from < 0 && !Character.isWhitespace(c)) {
                from = -2;
                break;
            }
        }
        if (from == -2) {
            // text before the first marker: treat it as an '=' answer, as Moodle does for {Frog}
            return pieces("=" + s, markers);
        }
        if (from >= 0) {
            result.add(s.substring(from));
        }
        return result;
    }

    private static Double weight(String body) {
        Matcher m = WEIGHT.matcher(body.strip());
        if (!m.find()) {
            return null;
        }
        double w = Double.parseDouble(m.group(1));
        return w < -100 || w > 100 ? null : w / 100.0;
    }

    private static String stripWeight(String body) {
        return WEIGHT.matcher(body.strip()).replaceFirst("");
    }

    /** "answer#feedback" → {answer, feedback or null}. */
    private static String[] splitFeedback(String body) {
        int h = body.indexOf('#');
        return h < 0 ? new String[] {body.strip(), null} : new String[] {body.substring(0, h).strip(), body.substring(h + 1).strip()};
    }

    /** Replaces escapes with placeholders; reports an unknown escape (kept as written, like Moodle). */
    static String protect(String raw, int line, ImportLog log) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 1 >= raw.length()) {
                log.warning(line, ProblemCode.GIFT_LONE_BACKSLASH);
                sb.append(c);
                continue;
            }
            char next = raw.charAt(i + 1);
            int k = ESCAPABLE.indexOf(next);
            if (k >= 0) {
                sb.append((char) (PLACEHOLDER_BASE + k));
                i++;
            } else if (next == 'n') {
                sb.append(NEWLINE_PLACEHOLDER);
                i++;
            } else {
                log.warning(line, ProblemCode.GIFT_UNKNOWN_ESCAPE, "\\" + next, "\\~ \\= \\# \\{ \\} \\: \\n \\\\");
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String restore(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == NEWLINE_PLACEHOLDER) {
                sb.append('\n');
            } else if (c >= PLACEHOLDER_BASE && c < PLACEHOLDER_BASE + ESCAPABLE.length()) {
                sb.append(ESCAPABLE.charAt(c - PLACEHOLDER_BASE));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A text that is shown and compared as written (an accepted answer, a side of a pair): escapes restored, HTML
     * reduced to its visible text, no Markdown.
     */
    private static String plain(String protectedText) {
        String s = protectedText.strip();
        Matcher m = FORMAT.matcher(s);
        String fmt = "moodle";
        if (m.find()) {
            fmt = m.group(1).toLowerCase(Locale.ROOT);
            s = s.substring(m.end());
        }
        s = restore(s.replaceAll("(?<![ \\t])[ \\t]*\\n[ \\t]*", " ")).strip();
        return fmt.equals("html") || fmt.equals("moodle") ? HtmlText.toPlain(s) : s;
    }

    /** Restores escapes and applies the text's format tag; HTML (allowed in the default moodle format) is cleaned. */
    private static String format(String protectedText) {
        String s = protectedText.strip();
        String fmt = "moodle";
        Matcher m = FORMAT.matcher(s);
        if (m.find()) {
            fmt = m.group(1).toLowerCase(Locale.ROOT);
            s = s.substring(m.end());
        }
        // lines of a multi-line block join with a space; \n is the explicit line break. A match starts only where
        // a run of blanks starts: tried at every blank of a long run, the scan would be quadratic
        s = s.replaceAll("(?<![ \\t])[ \\t]*\\n[ \\t]*", " ");
        s = restore(s).strip();
        return switch (fmt) {
            case "plain" -> HtmlText.plainToMarkdown(s);
            case "markdown" -> s;
            default -> HtmlText.toMarkdown(s, HtmlText.noImages());
        };
    }
}
