package io.demodeck.importer.quizlet;

import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ParsedImport;
import org.junit.jupiter.api.Test;

import static io.demodeck.importer.Fixtures.bytes;
import static io.demodeck.importer.Fixtures.text;
import static io.demodeck.importer.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuizletParserTest {

    private final QuizletParser parser = new QuizletParser();

    @Test
    void tabAndNewlineByDefaultWithBrokenRowsReported() {
        ParsedImport result = parser.parse(bytes("quizlet/tab-newline.txt"), "set.txt", new ImportOptions(null, "en", null, null));
        assertEquals(2, result.deck().questions().size());
        assertEquals(QuestionType.FLASHCARD, result.deck().questions().get(0).type());
        assertEquals("term one", text(result.deck().questions().get(0)).prompt());
        assertEquals("definition one", text(result.deck().questions().get(0)).answer());
        assertEquals(1, result.skipped());
        assertEquals(3, result.problems().get(0).line());
    }

    @Test
    void customSeparatorsChosenByTheInstructor() {
        ParsedImport result = parser.parse(bytes("quizlet/custom.txt"), "set.txt", new ImportOptions(null, "en", " * ", "\\"));
        assertEquals(2, result.deck().questions().size(), result.problems()::toString);
        assertEquals("terme 2", text(result.deck().questions().get(1)).prompt());
        assertEquals("def 2", text(result.deck().questions().get(1)).answer());
    }

    @Test
    void theSameSeparatorTwiceIsRejected() {
        ParsedImport result = parser.parse(bytes("quizlet/custom.txt"), "set.txt", new ImportOptions(null, "en", ";", ";"));
        assertTrue(result.rejected());
    }

    @Test
    void aFileWithoutRowsIsReportedWhereItEnds() {
        // found by ImportFuzzTest (quizlet:174): "the file contains no questions" had no line
        ParsedImport result = parser.parse(utf8("\n\n"), "set.txt", ImportOptions.defaults());
        assertTrue(result.rejected());
        assertEquals(3, result.problems().get(0).line());
    }
}
