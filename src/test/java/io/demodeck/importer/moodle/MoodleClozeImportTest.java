package io.demodeck.importer.moodle;

import io.demodeck.importer.ProblemCode;

import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportProblem;
import io.demodeck.importer.ParsedImport;
import io.demodeck.quiz.cloze.Cloze;
import io.demodeck.quiz.cloze.ClozeParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.demodeck.importer.Fixtures.bytes;
import static io.demodeck.importer.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoodleClozeImportTest {

    private ParsedImport parse() {
        return new MoodleXmlParser().parse(bytes("moodle/cloze.xml"), "cloze.xml", new ImportOptions(null, "en", null, null));
    }

    @Test
    void theDocumentedExampleBecomesOneClozeQuestionWithItsGaps() {
        ParsedImport result = parse();
        assertFalse(result.rejected(), result.problems()::toString);
        QuestionContent q = result.deck().questions().getFirst();
        assertEquals(QuestionType.CLOZE, q.type());
        assertEquals("docs-example", q.externalId());
        assertEquals("Documented example", q.title());
        assertEquals(List.of("geography::europe", "moodle-docs"), q.tags());
        assertEquals("Cloze questions mix types.", text(q).generalFeedback());
        assertTrue(q.options().isEmpty(), "the key lives in the prompt");
        Cloze cloze = ClozeParser.parse(text(q).prompt());
        List<Cloze.Gap> gaps = cloze.gaps();
        assertEquals(List.of("MULTICHOICE", "SHORTANSWER", "NUMERICAL", "MULTICHOICE", "NUMERICAL"),
                gaps.stream().map(Cloze.Gap::typeName).toList());
        assertEquals(List.of(1, 1, 2, 1, 3), gaps.stream().map(Cloze.Gap::weight).toList());
        assertEquals(new Cloze.Answer("Correct answer", 1, "Feedback for correct answer"), gaps.getFirst().answers().get(2));
        assertTrue(text(q).prompt().startsWith("This question consists of some text"), text(q).prompt());
        assertTrue(text(q).prompt().contains(":-)") && text(q).prompt().endsWith("Good luck!"), text(q).prompt());
    }

    @Test
    void htmlAroundAndInsideTheGapsIsReadAsMoodleReadsIt() {
        QuestionContent q = parse().deck().questions().get(1);
        String prompt = text(q).prompt();
        assertTrue(prompt.startsWith("The capital of **France** is {1:SHORTANSWER_C:=Paris#Right~%50%paris#"), prompt);
        List<Cloze.Gap> gaps = ClozeParser.parse(prompt).gaps();
        assertTrue(gaps.get(0).caseSensitive());
        assertEquals("MULTICHOICE_VS", gaps.get(1).typeName());
        assertEquals("C#", gaps.get(2).answers().get(0).text(), "an entity before '#' is no feedback");
        assertEquals("Sharp } indeed", gaps.get(2).answers().get(0).feedback());
        assertEquals("AT&T", gaps.get(2).answers().get(1).text());
        assertEquals("MULTIRESPONSE_H", gaps.get(3).typeName());
        assertTrue(prompt.contains("tags \\<b\\> and C\\#"), "the text outside the gaps is escaped Markdown: " + prompt);
    }

    @Test
    void brokenClozeIsSkippedWithTheGapNamed() {
        ParsedImport result = parse();
        assertEquals(2, result.deck().questions().size());
        assertEquals(5, result.skipped());
        List<ImportProblem> problems = result.problems().stream().filter(ImportProblem::isError).toList();
        assertTrue(problems.stream().allMatch(p -> p.is(ProblemCode.MOODLE_CLOZE_INVALID)), problems::toString);
        // each names the problems of its cloze text by their own keys and values, for the page to say
        List<Object> errors = problems.stream().map(p -> p.args().get("detail")).toList();
        assertEquals(5, errors.size(), errors::toString);
        assertEquals("No sub-questions", problems.get(0).arg("question"), problems::toString);
        assertEquals(List.of(java.util.Map.of("key", "cloze_no_gaps", "args", java.util.Map.of())), errors.get(0));
        assertEquals(List.of(java.util.Map.of("key", "cloze_two_choices", "args",
                java.util.Map.of("gap", 1, "type", "MULTICHOICE", "count", 0))), errors.get(1));
        assertEquals(List.of(java.util.Map.of("key", "cloze_two_choices", "args",
                java.util.Map.of("gap", 1, "type", "MULTICHOICE", "count", 1))), errors.get(2));
        assertEquals(List.of(java.util.Map.of("key", "cloze_no_full_answer", "args",
                java.util.Map.of("gap", 1, "type", "MULTICHOICE"))), errors.get(3));
        assertEquals(List.of(java.util.Map.of("key", "cloze_not_a_number", "args",
                java.util.Map.of("gap", 1, "type", "NUMERICAL", "value", "zero"))), errors.get(4));
        assertTrue(result.problems().stream().filter(ImportProblem::isError).allMatch(p -> p.line() > 0));
    }
}
