package io.demodeck.bank;

import io.demodeck.demo.DemoCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer that points at a demo points at one the app has: the ids in {@code demos:} and every demo named
 * in the text ("the `fork-cow` demo", "демонстрация `isolation`") are in {@link DemoCatalog}, a demo named in the
 * text is also linked, and text that speaks of "the demo" belongs to a question that links one.
 */
class BankDemoReferencesTest {

    /** A backticked id right before or after the word demo (any case, either language). */
    private static final Pattern NAMED = Pattern.compile(
            "(?iu)(?:\\bdemos?\\b|демонстраци\\p{L}*)\\s+`([a-z0-9][a-z0-9-]*)`|`([a-z0-9][a-z0-9-]*)`\\s+(?:demos?\\b|демонстраци\\p{L}*)");
    /** Any mention of a demo at all. */
    private static final Pattern MENTION = Pattern.compile("(?iu)\\bdemos?\\b|демонстраци");

    @Test
    void everyDemoAnAnswerCitesIsInTheCatalogue() {
        List<String> problems = problems(id -> DemoCatalog.byId(id).isPresent());
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void theCheckFindsADemoNamedInTheTextAndOneThatIsNotLinked() {
        String deck = """
                # deck: refs
                title.en: Refs

                ## q
                type: flashcard
                demos: isolation

                ### en: prompt
                Q?

                ### en: answer
                In the `no-such-demo` demo the child sees 42; the `isolation` demo shows the rest.

                ### en: key points
                - a
                - b

                ## unlinked
                type: flashcard

                ### en: prompt
                Q2?

                ### en: answer
                The demo shows it.

                ### en: key points
                - a
                - b
                """;
        List<String> problems = problems(List.of(new BankFile("refs.md", deck)), id -> DemoCatalog.byId(id).isPresent());
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("no-such-demo") && problems.get(0).contains("not in the demo catalogue"));
        assertTrue(problems.get(1).contains("no-such-demo") && problems.get(1).contains("not in its 'demos:'"));
        assertTrue(problems.get(2).contains("unlinked") && problems.get(2).contains("links no demo"));
    }

    static List<String> problems(Predicate<String> known) {
        List<BankFile> files = BankFiles.packaged();
        assertFalse(files.isEmpty(), "the packaged bank is on the test class path");
        return problems(files, known);
    }

    static List<String> problems(List<BankFile> files, Predicate<String> known) {
        List<String> problems = new ArrayList<>();
        for (BankFile file : files) {
            ParseResult parsed = new BankMarkdownParser().parse(file.name(), file.text());
            assertTrue(parsed.isOk(), () -> file.name() + ": " + parsed.problems());
            for (QuestionContent q : parsed.deck().questions()) {
                String where = file.name() + " " + q.externalId() + ": ";
                Set<String> named = new LinkedHashSet<>();
                boolean mentioned = false;
                for (String text : texts(q)) {
                    Matcher m = NAMED.matcher(text);
                    while (m.find()) {
                        named.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                    mentioned |= MENTION.matcher(text).find();
                }
                for (String id : q.demoIds()) {
                    if (!known.test(id)) {
                        problems.add(where + "demo '" + id + "' is not in the demo catalogue");
                    }
                }
                for (String id : named) {
                    if (!known.test(id)) {
                        problems.add(where + "the text names demo '" + id + "', which is not in the demo catalogue");
                    }
                    if (!q.demoIds().contains(id)) {
                        problems.add(where + "the text names demo '" + id + "', which is not in its 'demos:' line");
                    }
                }
                if (mentioned && q.demoIds().isEmpty()) {
                    problems.add(where + "the text speaks of a demo but the question links no demo");
                }
            }
        }
        return problems;
    }

    /** Everything a learner reads of a question, in every language. */
    private static List<String> texts(QuestionContent q) {
        return q.texts().values().stream().flatMap(t -> Stream.concat(
                Stream.of(t.prompt(), t.answer(), t.accurateNote(), t.generalFeedback()),
                Stream.concat(t.keyPoints().stream(),
                        t.wrongAnswers().stream().flatMap(w -> Stream.of(w.claim(), w.why())))))
                .filter(s -> s != null).toList();
    }
}
