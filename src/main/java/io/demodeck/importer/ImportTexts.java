package io.demodeck.importer;

import io.demodeck.bank.QuestionType;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Import problems in the page's language: the parsers write English (the API's problem texts), the report page
 * says the places, the severities and the known texts in Russian through the {@code imp} bundle.
 */
public final class ImportTexts {

    private static final Pattern QUESTION = Pattern.compile("question (\\d+)");
    private static final Pattern NOTE = Pattern.compile("note (\\d+)");
    private static final Pattern MORE = Pattern.compile("(\\d+) more problems are not listed");
    private static final Pattern NO_TERM_SEPARATOR = Pattern.compile(
            "no term separator in '(.*)': check the 'between term and definition' setting", Pattern.DOTALL);
    private static final String SKIPPED = " — the question is skipped";

    private ImportTexts() {
    }

    static ImpMessages messages(String lang) {
        return MessageBundles.get(ImpMessages.class, Localized.Literal.of("ru".equals(lang) ? "ru" : "en"));
    }

    /** Where a problem is when it has no line: {@code {p.ref.importRef(inject:ui.lang)}}. */
    @TemplateExtension
    static String importRef(String ref, String lang) {
        if (ref == null || !"ru".equals(lang)) {
            return ref;
        }
        ImpMessages m = messages(lang);
        Matcher q = QUESTION.matcher(ref);
        if (q.matches()) {
            return m.ref_question(q.group(1));
        }
        Matcher n = NOTE.matcher(ref);
        if (n.matches()) {
            return m.ref_note(n.group(1));
        }
        return switch (ref) {
            case "deck" -> m.ref_deck();
            case "media" -> m.ref_media();
            default -> ref; // a JSON path or a ZIP entry: a name in the file, shown as code
        };
    }

    /** Whether a place is a name in the file (a JSON path, a ZIP entry) rather than words. */
    @TemplateExtension
    static boolean importRefIsName(String ref, String lang) {
        return ref != null && ref.equals(importRef(ref, "ru"));
    }

    /** A problem's text in {@code lang}: {@code {p.message.importProblem(inject:ui.lang)}}. */
    @TemplateExtension
    static String importProblem(String message, String lang) {
        if (message == null || !"ru".equals(lang)) {
            return message;
        }
        ImpMessages m = messages(lang);
        String text = message;
        String suffix = "";
        if (text.endsWith(SKIPPED)) {
            text = text.substring(0, text.length() - SKIPPED.length());
            suffix = " — " + m.skipped();
        }
        Matcher more = MORE.matcher(text);
        Matcher noSeparator = NO_TERM_SEPARATOR.matcher(text);
        String said = more.matches() ? m.more_problems(more.group(1))
                : noSeparator.matches() ? m.no_term_separator(noSeparator.group(1)) : switch (text) {
            case "the deck has no questions" -> m.no_questions();
            case "the file ends here without a single question" -> m.no_question_in_file();
            case "the package contains no questions" -> m.no_question_in_package();
            case "the term separator and the row separator must differ" -> m.separators_differ();
            default -> text;
        };
        return said + suffix;
    }

    /** The type of a {@code single_choice} count, for the question-type badge; null when unknown. */
    @TemplateExtension
    static QuestionType questionType(String fileName) {
        return QuestionType.fromFileName(fileName).orElse(null);
    }
}
