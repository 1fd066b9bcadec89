package io.demodeck.bank;

import io.demodeck.platform.MarkdownRenderer;
import io.demodeck.quiz.cloze.ClozeException;
import io.demodeck.quiz.cloze.ClozeParser;
import io.demodeck.quiz.cloze.ClozeView;
import io.demodeck.quiz.cloze.ClozeWriter;

/**
 * How a stored cloze prompt is shown: never with its answers. Imports check every cloze before storing it, so a
 * prompt that does not parse (edited in the database) is shown as text rather than failing the page.
 */
final class ClozeViews {

    private ClozeViews() {
    }

    /** The text with a numbered blank for each gap. */
    static String blanks(String prompt) {
        try {
            return ClozeWriter.blanksHtml(ClozeParser.parse(prompt));
        } catch (ClozeException e) {
            return MarkdownRenderer.toHtml(prompt);
        }
    }

    static String blanksInline(String prompt) {
        String html = blanks(prompt).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    /** The gaps to fill; the question's id orders the choices of shuffled gaps, the same on every showing. */
    static ClozeView view(String prompt, long questionId) {
        try {
            return ClozeView.of(ClozeParser.parse(prompt), questionId);
        } catch (ClozeException e) {
            return null;
        }
    }
}
