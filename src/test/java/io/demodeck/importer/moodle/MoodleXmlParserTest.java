package io.demodeck.importer.moodle;

import io.demodeck.importer.ProblemCode;

import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportProblem;
import io.demodeck.importer.ParsedImport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.demodeck.importer.Fixtures.byPrompt;
import static io.demodeck.importer.Fixtures.bytes;
import static io.demodeck.importer.Fixtures.text;
import static io.demodeck.importer.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoodleXmlParserTest {

    private final MoodleXmlParser parser = new MoodleXmlParser();

    private ParsedImport parse(byte[] data) {
        return parser.parse(data, "quiz.xml", new ImportOptions(null, "en", null, null));
    }

    @Test
    void readsEveryCoreTypeCategoriesTagsAndEmbeddedFiles() {
        ParsedImport result = parse(bytes("moodle/all-types.xml"));
        assertFalse(result.rejected(), result.problems()::toString);
        DeckContent deck = result.deck();
        assertEquals("Kappa", deck.texts().get("en").title());
        assertEquals(9, deck.questions().size());

        QuestionContent mc = deck.questions().get(0);
        assertEquals("cap-1", mc.externalId(), "idnumber is the stable id");
        assertEquals(QuestionType.SINGLE_CHOICE, mc.type());
        assertEquals(List.of("iota::kappa", "geo", "europe"), mc.tags());
        assertEquals(1, result.media().size());
        String stored = result.media().get(0).name();
        assertTrue(stored.endsWith("-map_one.png"), stored);
        assertEquals("image/png", result.media().get(0).contentType());
        assertEquals("Which city is the **capital**? ![map](/decks/quiz/media/" + stored + ")", text(mc).prompt());
        assertEquals("Paris has been the capital since 987.", text(mc).generalFeedback());
        assertEquals(-0.3333333, mc.options().get(2).fraction(), 1e-9);
        assertEquals("Right", mc.options().get(0).feedback());

        QuestionContent multi = byPrompt(deck, "even numbers");
        assertEquals(QuestionType.MULTIPLE_CHOICE, multi.type());

        QuestionContent tf = byPrompt(deck, "flat");
        assertEquals(Boolean.FALSE, tf.correctBoolean());
        assertEquals("Indeed.", tf.options().get(1).feedback());

        QuestionContent sa = byPrompt(deck, "primary colour");
        assertEquals(List.of("red", "blue"), sa.options().stream().map(QuestionContent.Option::text).toList());

        QuestionContent num = byPrompt(deck, "pi to two");
        assertEquals(3.135, num.correctMin(), 1e-12);
        assertEquals(3.145, num.correctMax(), 1e-12);

        QuestionContent match = byPrompt(deck, "capitals");
        assertEquals(QuestionType.MATCHING, match.type());
        assertEquals("Berlin", match.options().get(2).matchText());
        assertEquals(0.0, match.options().get(2).fraction(), "an empty subquestion is a distractor");

        assertEquals("Look for structure.", text(byPrompt(deck, "Discuss")).answer());
        assertEquals(QuestionType.DESCRIPTION, byPrompt(deck, "Read this first").type());

        assertEquals(QuestionType.CLOZE, byPrompt(deck, "{1:SHORTANSWER:=Berlin}").type(), "a cloze is read with its gap");
        // calculated, a plugin type and a broken multichoice: each reported with its line, none dropped silently
        assertEquals(3, result.skipped());
        List<ImportProblem> errors = result.problems().stream().filter(ImportProblem::isError).toList();
        assertEquals(3, errors.size(), errors::toString);
        assertTrue(errors.get(0).is(ProblemCode.MOODLE_TYPE_UNSUPPORTED) && errors.get(0).arg("type").startsWith("calculated")
                && errors.get(0).line() > 0, errors::toString);
        assertTrue(errors.get(1).is(ProblemCode.MOODLE_TYPE_UNKNOWN) && "ddmarker".equals(errors.get(1).arg("type")),
                errors::toString);
    }

    @Test
    void refusesTheBillionLaughsQuickly() {
        ParsedImport result = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> parse(bytes("moodle/billion-laughs.xml")));
        assertTrue(result.rejected());
        assertTrue(result.problems().get(0).is(ProblemCode.XML_DOCTYPE_REFUSED), result.problems()::toString);
    }

    @Test
    void refusesExternalEntities() {
        ParsedImport result = parse(bytes("moodle/xxe.xml"));
        assertTrue(result.rejected());
        assertFalse(result.problems().toString().contains("root:"), "no file content leaks into the report");
    }

    @Test
    void aTruncatedFileIsRejectedWithItsLine() {
        ParsedImport result = parse(bytes("moodle/truncated.xml"));
        assertTrue(result.rejected());
        assertTrue(result.problems().get(0).line() >= 4, result.problems()::toString);
    }

    @Test
    void anotherRootElementIsRejected() {
        ParsedImport result = parse(utf8("<html><body/></html>"));
        assertTrue(result.rejected());
        assertTrue(result.problems().get(0).is(ProblemCode.MOODLE_ROOT_NOT_QUIZ), result.problems()::toString);
        assertEquals("html", result.problems().get(0).arg("element"));
    }

    @Test
    void brokenBase64IsAWarningAndTheQuestionStays() {
        ParsedImport result = parse(utf8("<quiz><question type=\"description\"><questiontext format=\"html\"><text>"
                + "<![CDATA[See <img src=\"@@PLUGINFILE@@/a.png\">]]></text><file name=\"a.png\" encoding=\"base64\">!!!</file>"
                + "</questiontext></question></quiz>"));
        assertEquals(1, result.deck().questions().size());
        assertEquals("See", text(result.deck().questions().get(0)).prompt());
        assertTrue(result.problems().stream().anyMatch(p -> p.is(ProblemCode.MOODLE_FILE_NOT_BASE64)
                && "a.png".equals(p.arg("file"))), result.problems()::toString);
    }

    @Test
    void aFileInAnotherEncodingThanDeclaredIsRejectedWithItsLine() {
        byte[] cp1251 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n<question type=\"description\"><questiontext>"
                .concat("<text>Привет</text></questiontext></question></quiz>")
                .getBytes(java.nio.charset.Charset.forName("windows-1251"));
        ParsedImport result = parse(cp1251);
        assertTrue(result.rejected());
        assertEquals(3, result.problems().get(0).line(), result.problems()::toString);
    }

    @Test
    void aDoctypeInsideTheDocumentIsReportedOnItsLine() {
        // found by ImportFuzzTest (moodle-xml:31): the parser's internal "Scanner State 24 not Recognized", no line
        ParsedImport result = parser.parse(utf8("<quiz>\n<!DOCTYPE quiz SYSTEM \"x\"></quiz>"), "x.xml", ImportOptions.defaults());
        assertTrue(result.rejected());
        assertEquals(2, result.problems().get(0).line());
        assertTrue(result.problems().get(0).is(ProblemCode.XML_DOCTYPE_REFUSED), result.problems()::toString);
    }

    @Test
    void aQuizWithoutQuestionsIsReportedAtItsRootElement() {
        ParsedImport result = parser.parse(utf8("<?xml version=\"1.0\"?>\n<quiz>\n</quiz>\n"), "x.xml", ImportOptions.defaults());
        assertTrue(result.rejected());
        assertEquals(2, result.problems().get(0).line());
    }
}
