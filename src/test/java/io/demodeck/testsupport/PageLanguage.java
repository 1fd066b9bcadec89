package io.demodeck.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What "a page reads in one language" means to the tests that check it ({@code RussianPagesTest} over HTTP, the
 * browser walk {@code PageLanguageWalkInBrowserTest}): which parts of a page are content or code and not checked,
 * which names are the same in both languages, and what counts as a word of the other language.
 */
public final class PageLanguage {

    private PageLanguage() {
    }

    /** Names that are the same in Russian text: products, formats, standards and the terms of the demos' code. */
    public static final Set<String> ALLOWED = Set.of("DemoDeck", "Anki", "Quizlet", "Moodle", "GIFT", "XML", "JSON", "CSV",
            "Markdown", "FSRS", "Go", "JVM", "JDK", "Java", "API", "UTC", "IANA", "Europe", "Moscow", "ZIP", "HTML",
            "CPU", "CPUs", "PID", "SIGSEGV", "OpenJDK", "Linux", "HTTP", "Chromium", "apkg", "txt", "xml", "json", "csv",
            "join", "clone", "execve", "wait", "fork", "exec", "stdin", "AtomicInteger", "ReentrantLock", "System", "exit",
            "GitHub", "TSV", "UTF", "MiB", "KiB", "sha", "Bearer", "JavaScript",
            // the demo page quotes the Go toolchain's own `go version` line where Go is installed
            "version", "linux", "amd64", "arm64",
            // a language is named in its own language in the switcher and the forms
            "English",
            // keys on the keyboard
            "Enter", "Ctrl", "Tab",
            // a browser, named in the list of the account's sessions
            "Chrome",
            // the question type that the Russian name explains: "Пропуски (cloze)"
            "cloze",
            // import format ids, the names of the file kinds
            "anki", "colpkg", "gift", "markdown", "moodle", "quizlet",
            // the thread id of Linux, named so in Russian texts too
            "TID");

    /** Russian words an English page may show: a language named in its own language (the registration form). */
    public static final Set<String> ALLOWED_RUSSIAN = Set.of("Русский");

    /**
     * Content the learner or the bank wrote (deck and question texts, notes, key points, tags) and code. Charts are
     * not content: their axis labels, legends and titles are checked.
     */
    public static final String CONTENT = "code, pre, script, style, noscript, .prompt, .answer, .key-points, .note, "
            + ".question-list a, .deck-list a, .deck-list p, .tags, .tag, .tag-choice, .choices, .question-title, "
            + ".question h1, .study-card h1, select[name=timeZone] option, .demo-proof, .demo-claims, .deck-title, "
            + ".question-text, .content, label.choice:has(input[name=choice]), .answer-feedback, .choice-feedback, "
            + ".general-feedback > :not(h3), .word-diff, .typed-answer > .pre, p.typed-answer, .learner-answer, "
            + ".question-label, label.choice:has(input[name=covered]), .interview-key-points";

    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Za-z][A-Za-z'’]{2,}\\b");
    private static final Pattern RUSSIAN_WORD = Pattern.compile("[А-Яа-яЁё][А-Яа-яЁё-]+");
    private static final Pattern PATH = Pattern.compile("(?<![\\p{L}\\d])/[\\w./-]+"); // /proc/thread-self is code
    /** What a Russian text quotes in «…»: a deck's id, a line of an imported file. */
    private static final Pattern QUOTED = Pattern.compile("«[^»]*»");

    /** {@link #CONTENT} plus what a page of this language marks as quoted in the other one ({@code lang="en"}). */
    public static String content(String lang) {
        return CONTENT + ", [lang=" + other(lang) + "]";
    }

    public static String other(String lang) {
        return "ru".equals(lang) ? "en" : "ru";
    }

    /**
     * The words of the other language in a text of a page in {@code lang}, without the names both share, paths, and
     * (in Russian) what the text quotes in «…».
     */
    public static List<String> foreignWords(String lang, String text) {
        String unquoted = "ru".equals(lang) ? QUOTED.matcher(text).replaceAll(" ") : text;
        Matcher m = ("ru".equals(lang) ? ENGLISH_WORD : RUSSIAN_WORD).matcher(PATH.matcher(unquoted).replaceAll(" "));
        Set<String> allowed = "ru".equals(lang) ? ALLOWED : ALLOWED_RUSSIAN;
        List<String> words = new ArrayList<>();
        while (m.find()) {
            if (!allowed.contains(m.group())) {
                words.add(m.group());
            }
        }
        return words;
    }
}
