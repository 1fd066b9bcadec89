package io.demodeck.importer;

import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem the parsers can report is a {@link ProblemCode} (an {@link ImportLog} takes nothing else), so
 * enumerating the codes enumerates what they produce: each has its message in the {@code imp} bundle, taking exactly
 * the values the code names (Russian presence is {@code AllMessageBundlesTest}'s), and each is reported somewhere.
 */
class ProblemCodesTest {

    private static final Map<String, Method> MESSAGES = Arrays.stream(ImpMessages.class.getDeclaredMethods())
            .collect(Collectors.toMap(Method::getName, Function.identity()));

    /** The bundle's words that are no problem of their own: places, severities, the joins of a problem's text. */
    private static final Set<String> NOT_CODES = Set.of("severity_error", "severity_warning", "ref_question", "ref_note",
            "ref_deck", "ref_media", "ref_note_type", "ref_card", "ref_media_entry", "ref_zip_entry", "ref_archive_start",
            "ref_entry_after", "skipped", "left_out", "at_line", "at_ref", "about_gift_question",
            "about_moodle_question", "about_moodle_named_question");

    @Test
    void everyCodeHasAMessageTakingExactlyItsValues() {
        List<String> wrong = new ArrayList<>();
        for (ProblemCode code : ProblemCode.values()) {
            Method m = MESSAGES.get(code.key());
            if (m == null || m.getAnnotation(Message.class) == null) {
                wrong.add(code + ": no message " + code.key() + " in ImpMessages");
                continue;
            }
            List<String> names = Arrays.stream(m.getParameters()).map(Parameter::getName).toList();
            if (!names.equals(code.ownParams())) {
                wrong.add(code + ": the message takes " + names + ", the code names " + code.ownParams());
            }
            for (Parameter p : m.getParameters()) {
                if (p.getType() != String.class && p.getType() != long.class) {
                    wrong.add(code + ": " + p.getName() + " is a " + p.getType() + " (String or long, as a report stores it)");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyMessageOfTheBundleIsACodeOrAWordOfTheReport() throws IOException {
        TreeSet<String> orphans = new TreeSet<>(MESSAGES.keySet());
        orphans.removeAll(NOT_CODES);
        Arrays.stream(ProblemCode.values()).map(ProblemCode::key).forEach(orphans::remove);
        // the problems of a cloze text, said inside the problem that quotes them: each one the cloze parser reports
        Set<String> cloze = new TreeSet<>();
        Matcher m = Pattern.compile("\"(cloze_[a-z_]+)\"").matcher(Files.readString(CLOZE_PARSER));
        while (m.find()) {
            cloze.add(m.group(1));
        }
        TreeSet<String> clozeMessages = orphans.stream().filter(k -> k.startsWith("cloze_"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(cloze, clozeMessages, "the cloze parser's problems and their messages");
        orphans.removeAll(clozeMessages);
        assertEquals(Set.of(), orphans, "messages no code reports");
    }

    private static final Path CLOZE_PARSER = Path.of("src/main/java/io/demodeck/quiz/cloze/ClozeParser.java");

    @Test
    void everyCodeIsReportedBySomeImporter() throws IOException {
        Pattern used = Pattern.compile("ProblemCode\\.([A-Z0-9_]+)");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/demodeck/importer"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("ProblemCode.java")).toList()) {
                Matcher m = used.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        // the Markdown importer reports the problems of the bank's own parser by their keys
        Matcher md = Pattern.compile("\"(md_[a-z_]+)\"").matcher(Files.readString(MARKDOWN_PARSER));
        while (md.find()) {
            found.add(md.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        TreeSet<String> unused = Arrays.stream(ProblemCode.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        unused.removeAll(found);
        assertEquals(Set.of(), unused, "codes no importer reports: remove them with their messages");
    }

    private static final Path MARKDOWN_PARSER = Path.of("src/main/java/io/demodeck/bank/BankMarkdownParser.java");

    @Test
    void everyProblemOfTheMarkdownParserIsACodeWithItsValues() throws IOException {
        List<String> wrong = new ArrayList<>();
        // each call names its key, then the English text for the bank's log, then the values
        Matcher call = Pattern.compile("\"(md_[a-z_]+)\"").matcher(Files.readString(MARKDOWN_PARSER));
        while (call.find()) {
            if (ProblemCode.byKey(call.group(1)) == null) {
                wrong.add(call.group(1) + " is no ProblemCode");
            }
        }
        assertEquals(List.of(), wrong);
        // and what the parser reports for a broken file carries as many values as its code names
        var parsed = new io.demodeck.bank.BankMarkdownParser().parse("x.md", """
                # deck: Bad_Id
                title.en: Broken
                language: xx

                ## q1
                type: numerical
                range: 5..1

                ### en: prompt
                How many?

                ## q1
                type: riddle
                """);
        assertTrue(!parsed.problems().isEmpty(), parsed.problems()::toString);
        for (var p : parsed.problems()) {
            ProblemCode code = ProblemCode.byKey(p.code());
            assertNotNull(code, p::toString);
            assertEquals(code.params().size(), p.args().size(), p::toString);
        }
    }

    @Test
    void aProblemNamesItsValuesAndRefusesTheWrongNumberOfThem() {
        ImportProblem p = ImportProblem.of(ImportProblem.ERROR, 3, null, ImportProblem.QUESTION_SKIPPED,
                ProblemCode.GIFT_WEIGHT, "Q1", "%500%a");
        assertEquals("gift_weight", p.code());
        assertEquals(Map.of("question", "Q1", "value", "%500%a"), p.args());
        assertTrue(p.is(ProblemCode.GIFT_WEIGHT));
        assertThrows(IllegalArgumentException.class, () -> ImportProblem.of(ImportProblem.ERROR, 3, null, null,
                ProblemCode.GIFT_WEIGHT, "%500%a"));
        // a GIFT question without a name: the value is absent, not the text "null"
        assertEquals(Map.of("value", "x"), ImportProblem.of(ImportProblem.ERROR, 1, null, null, ProblemCode.GIFT_WEIGHT,
                null, "x").args());
    }

    @Test
    void aLongQuoteIsCutInTheMiddle() {
        String huge = "a".repeat(10_000) + "END";
        ImportProblem p = ImportProblem.of(ImportProblem.WARNING, 1, null, null, ProblemCode.ANKI_DUPLICATE_FRONT, huge, 1);
        String kept = p.arg("front");
        assertNotNull(kept);
        assertTrue(kept.length() <= ImportProblem.MAX_ARG && kept.endsWith("END") && kept.contains("…"), kept);
    }
}
