package io.demodeck.importer.gift;

import io.demodeck.importer.ProblemCode;

import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportProblem;
import io.demodeck.importer.ParsedImport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.demodeck.importer.Fixtures.byPrompt;
import static io.demodeck.importer.Fixtures.bytes;
import static io.demodeck.importer.Fixtures.text;
import static io.demodeck.importer.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GiftParserTest {

    private final GiftParser parser = new GiftParser();

    private ParsedImport parse(byte[] data) {
        return parser.parse(data, "all-types.gift", new ImportOptions(null, "en", null, null));
    }

    @Test
    void readsEveryQuestionTypeOfTheFixture() {
        ParsedImport result = parse(bytes("gift/all-types.gift"));
        assertFalse(result.rejected(), result.problems()::toString);
        assertTrue(result.problems().isEmpty(), result.problems()::toString);
        DeckContent deck = result.deck();
        assertEquals("all-types", deck.externalId());
        assertEquals("Amphibians", deck.texts().get("en").title(), "the last category segment titles the deck");
        assertEquals(13, deck.questions().size());

        QuestionContent single = deck.questions().get(0);
        assertEquals("mc-single", single.externalId(), "[id:] is the stable id");
        assertEquals(QuestionType.SINGLE_CHOICE, single.type());
        assertEquals(List.of("zoology::amphibians", "fred", "barney-wilma"), single.tags());
        assertEquals("Who's buried in Grant's tomb?", text(single).prompt());
        assertEquals("Grant is buried there with his wife.", text(single).generalFeedback());
        assertEquals(List.of("Grant", "Ulysses S. Grant", "No one"), single.options().stream().map(QuestionContent.Option::text).toList());
        assertEquals(1.0, single.options().get(1).fraction());
        assertEquals("Right!", single.options().get(1).feedback());

        QuestionContent multi = byPrompt(deck, "primes");
        assertEquals(QuestionType.MULTIPLE_CHOICE, multi.type(), "no '=' answer means checkboxes");
        assertEquals("Which are **primes**?", text(multi).prompt(), "[html] is cleaned and stored as Markdown");
        assertEquals(List.of(0.5, 0.5, -1.0), multi.options().stream().map(QuestionContent.Option::fraction).toList());
        assertTrue(multi.externalId().startsWith("h-"), "no [id:]: a content hash of the prompt");

        QuestionContent tf = deck.questions().get(2);
        assertEquals("tf-1", tf.externalId());
        assertEquals(QuestionType.TRUE_FALSE, tf.type());
        assertEquals(Boolean.TRUE, tf.correctBoolean());
        assertTrue(tf.options().isEmpty());

        QuestionContent tfFeedback = byPrompt(deck, "The sun rises");
        assertEquals(Boolean.FALSE, tfFeedback.correctBoolean());
        assertEquals("Yes, it sets in the west.", tfFeedback.options().get(1).feedback(), "choosing false is right");
        assertEquals("No, it rises in the east.", tfFeedback.options().get(0).feedback(), "choosing true is wrong");
        assertEquals("General TF feedback", text(tfFeedback).generalFeedback());

        QuestionContent shortAnswer = deck.questions().get(4);
        assertEquals(QuestionType.SHORT_ANSWER, shortAnswer.type());
        assertEquals(List.of("Grant", "Ulysses S. Grant", "*"), shortAnswer.options().stream().map(QuestionContent.Option::text).toList());
        assertEquals(List.of(1.0, 0.5, 0.0), shortAnswer.options().stream().map(QuestionContent.Option::fraction).toList());
        assertEquals("Completely wrong", shortAnswer.options().get(2).feedback());

        QuestionContent tolerance = deck.questions().get(5);
        assertEquals(QuestionType.NUMERICAL, tolerance.type());
        assertEquals(1817.0, tolerance.correctMin());
        assertEquals(1827.0, tolerance.correctMax());

        QuestionContent range = byPrompt(deck, "from 1 to 5");
        assertEquals(1.0, range.correctMin());
        assertEquals(5.0, range.correctMax());

        QuestionContent multiNumeric = deck.questions().get(7);
        assertEquals(1822.0, multiNumeric.correctMin());
        assertEquals(1822.0, multiNumeric.correctMax());
        assertEquals(List.of("1822:0", "1822:2", "*"), multiNumeric.options().stream().map(QuestionContent.Option::text).toList());
        assertEquals("Way off.", multiNumeric.options().get(2).feedback());

        QuestionContent matching = byPrompt(deck, "Match the animals");
        assertEquals(QuestionType.MATCHING, matching.type());
        assertEquals(3, matching.options().size());
        assertEquals("meow", matching.options().get(0).matchText());
        assertEquals("", matching.options().get(2).text(), "an empty left side is a distractor");
        assertEquals(0.0, matching.options().get(2).fraction());

        QuestionContent essay = byPrompt(deck, "essay");
        assertEquals(QuestionType.ESSAY, essay.type());
        assertEquals("A good essay mentions the answer block.", text(essay).generalFeedback());

        QuestionContent description = byPrompt(deck, "description");
        assertEquals(QuestionType.DESCRIPTION, description.type());
        assertEquals("This is a **description**, not a question.", text(description).prompt());

        QuestionContent missingWord = byPrompt(deck, "Moodle costs");
        assertEquals("Moodle costs \\_\\_\\_\\_\\_ to download.", text(missingWord).prompt());
        assertEquals(QuestionType.SINGLE_CHOICE, missingWord.type());

        QuestionContent escapes = byPrompt(deck, "brace");
        assertEquals("A {brace}, a colon: an equals = tilde ~ hash \\# backslash \\\\ line\nbreak?", text(escapes).prompt(),
                "escapes restored, then the Markdown characters escaped to show as written");
        assertEquals("yes: really", escapes.options().get(0).text());
    }

    @Test
    void reportsEveryBrokenQuestionWithItsLineAndImportsTheRest() {
        ParsedImport result = parse(bytes("gift/broken.gift"));
        assertFalse(result.rejected());
        assertEquals(3, result.deck().questions().size(), result.problems()::toString);
        assertEquals(6, result.skipped());
        List<Integer> errorLines = result.problems().stream().filter(ImportProblem::isError).map(ImportProblem::line).toList();
        assertEquals(List.of(3, 5, 7, 9, 11, 13), errorLines, result.problems()::toString);
        assertTrue(result.problems().stream().anyMatch(p -> !p.isError() && p.line() == 15
                && p.is(ProblemCode.GIFT_UNKNOWN_ESCAPE) && "\\q".equals(p.arg("escape"))), result.problems()::toString);
        assertTrue(result.problems().get(0).is(ProblemCode.GIFT_BLOCK_NOT_CLOSED), result.problems()::toString);
    }

    @Test
    void aFileInAnotherEncodingIsRejectedWithTheLineOfTheFirstBadByte() {
        byte[] cp1251 = "Question one?{=yes}\n\nВопрос?{=да}".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        ParsedImport result = parse(cp1251);
        assertTrue(result.rejected());
        assertEquals(3, result.problems().get(0).line());
        assertTrue(result.problems().get(0).is(ProblemCode.NOT_UTF8), result.problems()::toString);
    }

    @Test
    void aTruncatedFileReportsTheLastQuestion() {
        ParsedImport result = parse(utf8("Q1?{=a}\n\nQ2?{=a ~b ~"));
        assertEquals(1, result.deck().questions().size());
        assertEquals(3, result.problems().get(0).line());
    }

    @Test
    void theSamePromptTwiceKeepsBothWithDistinctIds() {
        ParsedImport result = parse(utf8("Same?{T}\n\nSame?{F}"));
        assertEquals(2, result.deck().questions().size());
        assertFalse(result.deck().questions().get(0).externalId().equals(result.deck().questions().get(1).externalId()));
    }

    @Test
    void aDuplicateExplicitIdIsAnError() {
        ParsedImport result = parse(utf8("// [id:a]\nOne?{T}\n\n// [id:a]\nTwo?{F}"));
        assertEquals(1, result.deck().questions().size());
        assertEquals(1, result.skipped());
    }

    @Test
    void scriptsInHtmlAreRemovedBeforeStoring() {
        ParsedImport result = parse(utf8("[html]<p onclick=\"x()\">Hi<script>alert(1)</script> <img src=\"http://evil/x.png\"></p>{T}"));
        String prompt = text(result.deck().questions().get(0)).prompt();
        assertEquals("Hi", prompt);
        assertNull(text(result.deck().questions().get(0)).answer());
    }

    @Test
    void guessesRussianFromTheScriptWhenNoLanguageIsGiven() {
        ParsedImport result = parser.parse(utf8("Столица Франции?{=Париж}"), "ru.gift", io.demodeck.importer.ImportOptions.defaults());
        assertEquals("ru", result.deck().originalLanguage());
        assertEquals("ru", result.deck().questions().get(0).originalLanguage());
    }

    @Test
    void aLongRunOfBlanksInAQuestionDoesNotHang() {
        // found by ImportFuzzTest (gift:189): joining the lines of a block was quadratic in a run of blanks
        String blanks = " ".repeat(300_000);
        ParsedImport result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> parser.parse(utf8("Is this" + blanks + "true?\n{T}"), "x.gift", new ImportOptions(null, "en", null, null)));
        assertEquals("Is this" + blanks + "true?", text(result.deck().questions().get(0)).prompt());
    }

    @Test
    void aLongRunOfDigitsInANumericalAnswerDoesNotHang() {
        // found by ImportFuzzTest (gift:9471, 10,000-input run): the number pattern split a run of digits every way
        ParsedImport result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parser.parse(
                utf8("How many?{#" + "9".repeat(200_000) + ":1}"), "x.gift", new ImportOptions(null, "en", null, null)));
        assertEquals(QuestionType.NUMERICAL, result.deck().questions().get(0).type());
    }

    @Test
    void aFileWithoutQuestionsIsReportedWhereItEnds() {
        // found by ImportFuzzTest: "the file contains no questions" had no line
        ParsedImport result = parser.parse(utf8("// only a comment\n$CATEGORY: a/b\n"), "x.gift", ImportOptions.defaults());
        assertTrue(result.rejected());
        assertEquals(3, result.problems().get(0).line());
    }

    @Test
    void aNumericalAnswerWithoutEqualsIsStillSplitAtTheWrongAnswerFeedback() {
        ParsedImport result = parse(bytes("gift/fidelity.gift"));
        assertEquals(0, result.skipped(), result.problems()::toString);
        QuestionContent q = byPrompt(result.deck(), "number from 1 to 5");
        assertEquals(QuestionType.NUMERICAL, q.type());
        assertEquals(1.0, q.correctMin(), "3:2 is 3 plus or minus 2");
        assertEquals(5.0, q.correctMax());
        QuestionContent.Option wrong = q.options().stream().filter(o -> o.text().equals("*")).findFirst().orElseThrow();
        assertEquals("Completely wrong", wrong.feedback());
        assertEquals(0.0, wrong.fraction());
    }

    @Test
    void anEscapedHashAnswerShowsAsAHashNotAHeading() {
        ParsedImport result = parse(bytes("gift/fidelity.gift"));
        QuestionContent typed = byPrompt(result.deck(), "comment in a shell");
        assertEquals(QuestionType.SHORT_ANSWER, typed.type());
        assertEquals("#", typed.options().get(0).text(), "an accepted answer is text, compared with what is typed");
        QuestionContent chosen = byPrompt(result.deck(), "Pick the comment character");
        assertEquals("#", io.demodeck.platform.MarkdownRenderer.inlineHtml(chosen.options().get(0).text()));
        assertEquals("# or //", Jsoup.parse(io.demodeck.platform.MarkdownRenderer.toHtml(text(chosen).generalFeedback())).text());
    }

    @Test
    void theNameIsTheTitleAndTheCategoryTheSameTagPathAsInMoodleXml() {
        ParsedImport gift = parse(bytes("gift/fidelity.gift"));
        QuestionContent q = byPrompt(gift.deck(), "number from 1 to 5");
        assertEquals("Q5", q.title());
        assertEquals("Grant tomb", byPrompt(gift.deck(), "Grant is buried").title());
        ParsedImport moodle = new io.demodeck.importer.moodle.MoodleXmlParser().parse(utf8("""
                <quiz><question type="category"><category><text>$course$/top/History/US presidents</text></category></question>
                <question type="essay"><name><text>E</text></name><questiontext><text>Why?</text></questiontext></question></quiz>
                """), "m.xml", new ImportOptions(null, "en", null, null));
        assertEquals(List.of("history::us-presidents"), moodle.deck().questions().get(0).tags());
        assertEquals(moodle.deck().questions().get(0).tags(), q.tags(), "the same category, the same tag");
    }
}
