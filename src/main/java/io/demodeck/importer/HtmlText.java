package io.demodeck.importer;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imported HTML (Moodle, Anki, GIFT [html]) is first cleaned to a safe list, then stored as Markdown, the one
 * content format of the app, which is rendered with raw HTML escaped. Scripts, event handlers, iframes and
 * remote images never reach the database.
 */
public final class HtmlText {

    // bounded repetitions: a huge field full of '<a' must not make the scan quadratic
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^<>]{0,2000}>|&[a-zA-Z#][a-zA-Z0-9]{0,30};");
    /** Deeper elements are flattened by the parser and rendered as plain text: no real text nests this deep. */
    private static final int MAX_DEPTH = 64;
    private static final String BASE_URI = "http://local.invalid/";
    private static final Pattern MD_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]#<>|]|&(?=#?[A-Za-z0-9]{1,32};))");
    private static final Pattern LEADING_BLANKS = Pattern.compile("^[ \\t]++", Pattern.MULTILINE);
    /** What opens a block at the start of a line: a list item, a setext underline, a heading, a quote. */
    private static final Pattern LINE_START = Pattern.compile("^([ \\t]*+)(\\d{1,9})([.)])|^([ \\t]*+)([-+=])", Pattern.MULTILINE);

    /** Basic formatting, lists, code, and images whose source is resolved to our own media URLs. */
    private static final Safelist SAFE = Safelist.basic()
            .addTags("img", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "hr", "table", "tr", "td", "th",
                    "tbody", "thead", "sub", "sup")
            .addAttributes("img", "src", "alt")
            .preserveRelativeLinks(true);

    private HtmlText() {
    }

    public static boolean looksLikeHtml(String text) {
        return text != null && LOOKS_LIKE_HTML.matcher(text).find();
    }

    /**
     * The visible text of what may be HTML, for fields shown and compared as text (accepted answers, matching
     * pairs): entities decoded, tags dropped.
     */
    public static String toPlain(String text) {
        if (text == null || !looksLikeHtml(text)) {
            return text == null ? null : text.strip();
        }
        return org.jsoup.Jsoup.parse(text).text().replace('\u00a0', ' ').strip();
    }

    /** Text that may be HTML; plain text is escaped so that it shows as written. */
    public static String toMarkdown(String text, UnaryOperator<String> imageSource) {
        if (text == null || !looksLikeHtml(text)) {
            return text == null ? null : plainToMarkdown(text);
        }
        return htmlToMarkdown(text, imageSource);
    }

    /**
     * Plain text as Markdown that renders to the same visible text: every character Markdown gives a meaning
     * ({@code \ ` * _ [ ] # < > |}, and {@code &} before an entity) is escaped, and so is whatever would open a block at the start of a
     * line (a list item {@code 1.} {@code -} {@code +}, a setext underline {@code =}).
     */
    public static String plainToMarkdown(String text) {
        if (text == null) {
            return null;
        }
        return escapeText(text.strip(), true);
    }

    /** A piece of plain text inside Markdown, blanks kept; {@code atLineStart} when it begins a line. */
    public static String escapePlain(String text, boolean atLineStart) {
        return escapeText(text, atLineStart);
    }

    private static String escapeText(String text, boolean atLineStart) {
        String escaped = MD_SPECIAL.matcher(text).replaceAll("\\\\$1");
        // text that continues a line keeps its first line as it is; every other line starts a line
        int firstBreak = escaped.indexOf('\n');
        String head = atLineStart ? "" : firstBreak < 0 ? escaped : escaped.substring(0, firstBreak);
        // blanks that start a line would make an indented code block, where escapes show; HTML does not show them
        String rest = LEADING_BLANKS.matcher(escaped.substring(head.length())).replaceAll("");
        Matcher m = LINE_START.matcher(rest);
        StringBuilder sb = new StringBuilder(escaped.length() + 8).append(head);
        while (m.find()) {
            if (m.group(2) != null) {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + "\\" + m.group(3)));
            } else {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(4) + "\\" + m.group(5)));
            }
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * @param imageSource maps an image's src to a local URL, or null to drop the image (remote or missing)
     */
    public static String htmlToMarkdown(String html, UnaryOperator<String> imageSource) {
        // the base URI lets relative srcs (Anki media names, our rewritten paths) survive the clean. The depth
        // limit bounds the parser's work: jsoup is quadratic in the nesting depth of a fragment
        Document dirty = Document.createShell(BASE_URI);
        dirty.body().appendChildren(Parser.htmlParser().setMaxDepth(MAX_DEPTH)
                .parseFragmentInput(html, dirty.body(), BASE_URI));
        Document doc = new Cleaner(SAFE).clean(dirty);
        StringBuilder sb = new StringBuilder();
        render(doc.body(), sb, imageSource, 0);
        // trailing blanks go; matched only from the start of a run, or a long run of blanks costs quadratic time
        return sb.toString().replaceAll("(?<![ \\t])[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void render(Node node, StringBuilder sb, UnaryOperator<String> imageSource, int depth) {
        if (depth > MAX_DEPTH && node instanceof Element deep) {
            // recursion and the re-copying of nested formatting stay bounded
            sb.append(escapeText(deep.wholeText().replace('\u00a0', ' '), atLineStart(sb)));
            return;
        }
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                sb.append(escapeText(t.getWholeText().replace('\u00a0', ' '), atLineStart(sb)));
            } else if (child instanceof Element e) {
                element(e, sb, imageSource, depth);
            }
        }
    }

    private static boolean atLineStart(StringBuilder sb) {
        int n = sb.length();
        int i = n - 1;
        while (i >= 0 && (sb.charAt(i) == ' ' || sb.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || sb.charAt(i) == '\n';
    }

    private static void element(Element e, StringBuilder sb, UnaryOperator<String> imageSource, int depth) {
        switch (e.normalName()) {
            case "br" -> sb.append("\n");
            case "p", "div", "blockquote", "table", "tr" -> {
                block(sb);
                render(e, sb, imageSource, depth + 1);
                block(sb);
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                block(sb);
                sb.append("**");
                render(e, sb, imageSource, depth + 1);
                sb.append("**");
                block(sb);
            }
            case "b", "strong" -> wrap(e, sb, "**", imageSource, depth);
            case "i", "em" -> wrap(e, sb, "*", imageSource, depth);
            case "code" -> sb.append('`').append(e.wholeText().replace("`", "'")).append('`');
            case "pre" -> {
                block(sb);
                sb.append("```\n").append(e.wholeText().replace("```", "'''").strip()).append("\n```");
                block(sb);
            }
            case "li" -> {
                if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
                sb.append("- ");
                render(e, sb, imageSource, depth + 1);
                sb.append('\n');
            }
            case "hr" -> {
                block(sb);
                sb.append("---");
                block(sb);
            }
            case "td", "th" -> {
                render(e, sb, imageSource, depth + 1);
                sb.append(" | ");
            }
            case "a" -> {
                String href = e.attr("href");
                if (href.startsWith("http://") || href.startsWith("https://")) {
                    sb.append('[');
                    render(e, sb, imageSource, depth + 1);
                    sb.append("](").append(href.replace(")", "%29").replace(" ", "%20")).append(')');
                } else {
                    render(e, sb, imageSource, depth + 1);
                }
            }
            case "img" -> {
                String src = imageSource.apply(e.attr("src"));
                if (src != null) {
                    sb.append("![").append(MD_SPECIAL.matcher(e.attr("alt")).replaceAll("\\\\$1")).append("](")
                            .append(src.replace(")", "%29").replace(" ", "%20")).append(')');
                }
            }
            default -> render(e, sb, imageSource, depth + 1);
        }
    }

    private static void wrap(Element e, StringBuilder sb, String mark, UnaryOperator<String> imageSource, int depth) {
        StringBuilder inner = new StringBuilder();
        render(e, inner, imageSource, depth + 1);
        String s = inner.toString();
        if (s.isBlank()) {
            sb.append(s);
        } else {
            sb.append(mark).append(s.strip()).append(mark);
        }
    }

    /** Ends the current paragraph; looks at the last two characters only (a copy of the text each time is quadratic). */
    private static void block(StringBuilder sb) {
        int n = sb.length();
        if (n > 0 && !(n >= 2 && sb.charAt(n - 1) == '\n' && sb.charAt(n - 2) == '\n')) {
            sb.append(sb.charAt(n - 1) == '\n' ? "\n" : "\n\n");
        }
    }

    /** Images may only point at media stored with the deck; anything remote is dropped. */
    public static UnaryOperator<String> noImages() {
        return src -> null;
    }
}
