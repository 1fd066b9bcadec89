package io.demodeck.importer.moodle;

import io.demodeck.importer.ProblemCode;

import io.demodeck.bank.QuestionContent;
import io.demodeck.bank.QuestionType;
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
        // the cloze parser's own words, quoted in the problem
        List<String> errors = problems.stream().map(p -> p.arg("detail")).toList();
        assertEquals(5, errors.size(), errors::toString);
        assertEquals("No sub-questions", problems.get(0).arg("question"), problems::toString);
        assertTrue(errors.get(0).contains("no gaps"), errors::toString);
        assertTrue(errors.get(1).contains("gap 1 (MULTICHOICE) needs at least 2 choices; it has none"), errors::toString);
        assertTrue(errors.get(2).contains("gap 1 (MULTICHOICE) needs at least 2 choices; it has 1"), errors::toString);
        assertTrue(errors.get(3).contains("gap 1 (MULTICHOICE) has no answer worth 100%"), errors::toString);
        assertTrue(errors.get(4).contains("gap 1 (NUMERICAL): 'zero' is not a number"), errors::toString);
        assertTrue(result.problems().stream().filter(ImportProblem::isError).allMatch(p -> p.line() > 0));
    }
}
