package io.demodeck.bank;

import io.demodeck.quiz.QuestionType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankMarkdownParserTest {

    private final BankMarkdownParser parser = new BankMarkdownParser();

    static final String VALID = """
            # deck: sample
            title.ru: Пример
            title.en: Sample
            language: ru

            ## what-is-a-thread
            type: flashcard
            tags: Threads, OS
            demos: thread-anatomy

            ### ru: prompt
            Что такое поток?

            ### ru: answer
            Единица планирования.

            ```
            ## not a heading inside a fence
            ```

            ### ru: key points
            - счётчик команд
            - стек

            ### en: prompt
            What is a thread?

            ### en: answer
            The unit of scheduling.

            ### en: key points
            - program counter
            - stack

            ## clone-call
            type: single_choice

            ### en: prompt
            Which call creates threads and processes on Linux?

            ### en: answer
            clone

            ### en: choices
            - [ ] fork only
            - [x] clone
            - [ ] mmap

            ## stack-kib
            type: numerical
            correct: 2
            tolerance: 0.5

            ### en: prompt
            Goroutine stack in KiB?

            ### en: answer
            2 KiB.
            """;

    @Test
    void readsEveryPartOfADemoDeckFile() {
        ParseResult result = parser.parse("sample.md", VALID);
        assertTrue(result.isOk(), () -> result.problems().toString());
        DeckContent deck = result.deck();
        assertEquals("sample", deck.externalId());
        assertEquals("Sample", deck.texts().get("en").title());
        assertEquals(3, deck.questions().size());

        QuestionContent thread = deck.questions().get(0);
        assertEquals(QuestionType.FLASHCARD, thread.type());
        assertEquals(List.of("threads", "os"), thread.tags());
        assertEquals(List.of("thread-anatomy"), thread.demoIds());
        assertEquals(List.of("program counter", "stack"), thread.texts().get("en").keyPoints());
        assertTrue(thread.texts().get("ru").answer().contains("## not a heading inside a fence"),
                "a ## line inside a code fence stays part of the answer");
        assertEquals("ru", thread.originalLanguage());

        QuestionContent clone = deck.questions().get(1);
        assertEquals(3, clone.options().size());
        assertEquals(1.0, clone.options().get(1).fraction());
        assertEquals(0.0, clone.options().get(0).fraction());
        assertEquals("en", clone.originalLanguage(), "only English given: English is its original");

        QuestionContent stack = deck.questions().get(2);
        assertEquals(1.5, stack.correctMin());
        assertEquals(2.5, stack.correctMax());
    }

    @Test
    void reportsEachProblemWithItsLine() {
        String broken = """
                # deck: broken
                title.en: Broken

                ## first
                type: single_choice

                ### en: prompt
                Pick one

                ### en: answer
                b

                ### en: choices
                - [x] a
                - [x] b

                ## first
                type: riddle

                ### en: prompt
                ?
                """;
        ParseResult result = parser.parse("broken.md", broken);
        assertFalse(result.isOk());
        assertNull(result.deck());
        assertTrue(logged(result).contains(new ParseProblem(13,
                "a single_choice question needs at least 2 choices and exactly one '[x]' (found 2 choices, 2 marked)")),
                result.problems().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 17 && p.message().contains("used twice")),
                result.problems().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 18 && p.message().contains("unknown type 'riddle'")),
                result.problems().toString());
    }

    @Test
    void flashcardsNeedTwoToFiveKeyPointsInEveryLanguage() {
        String text = """
                # deck: kp
                title.en: KP

                ## one-point
                type: flashcard

                ### en: prompt
                Q

                ### en: answer
                A

                ### en: key points
                - only one
                """;
        ParseResult result = parser.parse("kp.md", text);
        assertEquals(List.of(new ParseProblem(13, "a flashcard needs 2 to 5 key points in '### en: key points' (found 1)")),
                logged(result));
    }

    @Test
    void quizPartsMustAgreeAcrossLanguages() {
        String text = """
                # deck: langs
                title.en: Langs

                ## pick
                type: single_choice

                ### ru: prompt
                Выберите
                ### ru: answer
                б
                ### ru: choices
                - [ ] а
                - [x] б
                ### en: prompt
                Pick
                ### en: answer
                a
                ### en: choices
                - [x] a
                - [ ] b
                """;
        ParseResult result = parser.parse("langs.md", text);
        assertEquals(List.of(new ParseProblem(4, "question 'pick' marks different choices as right in different languages")),
                logged(result));
    }

    @Test
    void theRawSeedDocumentIsAPlainMarkdownDeck() throws IOException {
        String seed;
        try (InputStream in = getClass().getResourceAsStream("/bank/seed-answer.md")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseResult result = parser.parse("seed-answer.md", seed);
        assertTrue(result.isOk(), () -> result.problems().toString());
        DeckContent deck = result.deck();
        assertEquals("seed-answer", deck.externalId());
        assertEquals("ru", deck.originalLanguage());
        assertEquals(1, deck.questions().size());
        QuestionContent q = deck.questions().get(0);
        assertEquals("Что такое горутина и чем она отличается от тредов и процессов?", q.texts().get("ru").prompt());
        assertTrue(q.texts().get("ru").answer().startsWith("Горутина - это так называемый"));
        assertTrue(q.texts().get("ru").answer().endsWith("процессу требуется память для кода и данных)."));
        assertEquals(1, q.line());
    }

    @Test
    void plainMarkdownIdsFollowTheHeadingNotTheAnswer() {
        DeckContent a = parser.parse("n.md", "## Question one\nanswer A\n").deck();
        DeckContent b = parser.parse("n.md", "## Question one\nanswer B, edited\n").deck();
        assertEquals(a.questions().get(0).externalId(), b.questions().get(0).externalId());
    }

    @Test
    void aPlainFileWithoutHeadingsIsAnError() {
        ParseResult result = parser.parse("empty.md", "just text\n");
        // at the end of the file, where the search for a heading ended
        assertEquals(List.of(new ParseProblem(2, "no '## ' heading found: a plain Markdown deck needs one per question")),
                logged(result));
    }

    static final String WITH_FOLLOW_UPS = """
            # deck: next
            title.en: Next

            ## first
            type: flashcard
            follow-ups: second

            ### en: prompt
            What is a goroutine?

            ### en: answer
            A function the Go runtime schedules.

            ### en: key points
            - runtime
            - M:N

            ### en: common wrong answers
            - A goroutine is an OS thread. => The kernel never sees it: the runtime runs it on a few OS threads.
            - It has a fixed 8 KiB stack. => It starts at 2 KiB and grows by copying.

            ### ru: prompt
            Что такое горутина?

            ### ru: answer
            Функция, которую планирует рантайм Go.

            ### ru: key points
            - рантайм
            - M:N

            ## second
            type: flashcard

            ### en: prompt
            Who schedules it?

            ### en: answer
            The runtime.

            ### en: key points
            - G-M-P
            - `GOMAXPROCS`
            """;

    @Test
    void readsFollowUpsAndCommonWrongAnswersPerLanguage() {
        ParseResult result = parser.parse("next.md", WITH_FOLLOW_UPS);
        assertTrue(result.isOk(), () -> result.problems().toString());
        QuestionContent first = result.deck().questions().get(0);
        assertEquals(List.of("second"), first.followUps());
        assertEquals(List.of(
                new QuestionContent.WrongAnswer("A goroutine is an OS thread.",
                        "The kernel never sees it: the runtime runs it on a few OS threads."),
                new QuestionContent.WrongAnswer("It has a fixed 8 KiB stack.", "It starts at 2 KiB and grows by copying.")),
                first.texts().get("en").wrongAnswers());
        assertEquals(List.of(), first.texts().get("ru").wrongAnswers(), "wrong answers are given per language");
        assertEquals(List.of(), result.deck().questions().get(1).followUps());
    }

    @Test
    void aFollowUpThatIsNotInTheDeckIsReportedAtItsLine() {
        ParseResult result = parser.parse("next.md", WITH_FOLLOW_UPS.replace("follow-ups: second", "follow-ups: second, thrid"));
        assertFalse(result.isOk());
        assertEquals(List.of(new ParseProblem(6, "follow-up 'thrid' of question 'first' is not a question id of this deck")),
                logged(result));

        ParseResult self = parser.parse("next.md", WITH_FOLLOW_UPS.replace("follow-ups: second", "follow-ups: first"));
        assertEquals(List.of(new ParseProblem(6, "question 'first' names itself as a follow-up")), logged(self));

        ParseResult malformed = parser.parse("next.md", WITH_FOLLOW_UPS.replace("follow-ups: second", "follow-ups: Second!"));
        assertEquals(List.of(new ParseProblem(6, "follow-up 'second!' is not a question id (lower-case letters, digits and '-')")),
                logged(malformed));
    }

    @Test
    void aWrongAnswerWithoutItsReasonIsReportedAtItsLine() {
        ParseResult result = parser.parse("next.md", WITH_FOLLOW_UPS.replace(
                "- It has a fixed 8 KiB stack. => It starts at 2 KiB and grows by copying.", "- It has a fixed 8 KiB stack."));
        assertEquals(List.of(new ParseProblem(20,
                "expected '- what candidates say => why it is wrong', found '- It has a fixed 8 KiB stack.'")), logged(result));
    }

    /** The problems as the bank loader logs them: line and English text (their codes are the importer's). */
    private static List<ParseProblem> logged(ParseResult result) {
        return result.problems().stream().map(p -> new ParseProblem(p.line(), p.message())).toList();
    }
}
