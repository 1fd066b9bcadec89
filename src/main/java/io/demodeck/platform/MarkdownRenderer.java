package io.demodeck.platform;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders content Markdown to HTML that is safe to insert into a page: raw HTML in the source is escaped
 * (so {@code <script>} shows as text) and link targets other than http(s)/mailto are dropped.
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();

    private MarkdownRenderer() {
    }

    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** For one-line texts (a choice, a key point): no surrounding paragraph. */
    public static String inlineHtml(String markdown) {
        String html = toHtml(markdown).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }
}
