package io.demodeck.importer;

import org.junit.jupiter.api.Test;

import io.demodeck.platform.MarkdownRenderer;
import org.jsoup.Jsoup;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTextTest {

    @Test
    void plainTextIsEscapedToShowAsWritten() {
        assertEquals("a \\< b and 2\\*3", HtmlText.toMarkdown("a < b and 2*3", HtmlText.noImages()));
        assertEquals("\\#", HtmlText.toMarkdown("#", HtmlText.noImages()), "a lone # is not an empty heading");
        assertEquals("1\\. first\n\\- second\n\\+ third", HtmlText.plainToMarkdown("1. first\n- second\n+ third"));
    }

    /** Characters that mean something in Markdown, at every position, with line breaks and blanks between them. */
    private static final String ALPHABET = "#*_[]<>|\\`!&;-+=.)1234567890 aZяё\t\n~:()\"'{}%$^/";

    @Test
    void anyPlainStringRendersToTheSameVisibleText() {
        SplittableRandom random = new SplittableRandom(20261205L);
        for (int n = 0; n < 5000; n++) {
            int length = 1 + random.nextInt(40);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append(random.nextInt(8) == 0 ? "&amp;" : String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))));
            }
            String plain = sb.toString();
            String html = MarkdownRenderer.toHtml(HtmlText.plainToMarkdown(plain));
            assertEquals(visible(plain), visible(Jsoup.parse(html).text()),
                    () -> "case " + " '" + plain.replace("\n", "\\n") + "' rendered as " + html);
        }
    }

    private static String visible(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    @Test
    void dangerousMarkupIsRemovedAndFormattingKept() {
        String html = "<div onmouseover=\"steal()\"><p>Use <strong>bold</strong>, <em>it</em> and <code>x&lt;y</code>"
                + "<script>alert(1)</script><iframe src=\"http://evil\"></iframe></p><ul><li>one</li><li>two</li></ul>"
                + "<a href=\"javascript:alert(1)\">bad link</a> <a href=\"https://ok.example/a\">good link</a></div>";
        assertEquals("Use **bold**, *it* and `x<y`\n\n- one\n- two\nbad link [good link](https://ok.example/a)",
                HtmlText.toMarkdown(html, HtmlText.noImages()));
    }

    @Test
    void imagesOnlyWhenTheResolverKnowsThem() {
        String html = "<img src=\"local.png\" alt=\"ok\"><img src=\"http://tracker/x.gif\">";
        assertEquals("![ok](/decks/d/media/local.png)", HtmlText.toMarkdown(html,
                src -> src.equals("local.png") ? "/decks/d/media/local.png" : null));
    }

    @Test
    void markdownCharactersInHtmlTextAreEscaped() {
        assertEquals("2\\*3\\*4 and a\\_b", HtmlText.toMarkdown("<p>2*3*4 and a_b</p>", HtmlText.noImages()));
    }

    @Test
    void deeplyNestedOrManyBlockElementsDoNotHang() {
        // found by ImportFuzzTest (gift:381, apkg:536): nesting and paragraphs cost quadratic time (and stack)
        String nested = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> HtmlText.toMarkdown("<b>".repeat(50_000) + "deep", HtmlText.noImages()));
        assertTrue(nested.contains("deep"), nested);
        String paragraphs = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> HtmlText.toMarkdown("<p>x</p>".repeat(50_000), HtmlText.noImages()));
        assertEquals(("x\n\n".repeat(50_000)).strip(), paragraphs);
    }
}
