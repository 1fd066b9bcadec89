package io.demodeck.editor;

import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.editor.FieldProblem.Rule;
import io.demodeck.editor.QuestionDraft.DraftOption;
import io.demodeck.editor.QuestionDraft.DraftText;
import io.demodeck.quiz.cloze.ClozeException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.demodeck.editor.Drafts.choice;
import static io.demodeck.editor.Drafts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule a draft is checked against, named by field path. */
class DraftRulesTest {

    /** field path → rule, for asserting exactly what was reported. */
    private static Map<String, Rule> problems(QuestionDraft draft) {
        return DraftRules.check(draft).stream().collect(Collectors.toMap(FieldProblem::field, FieldProblem::rule,
                (a, b) -> a, java.util.TreeMap::new));
    }

    private static QuestionDraft withType(QuestionDraft d, String type) {
        return new QuestionDraft(type, d.externalId(), d.title(), d.tags(), d.demoIds(), d.originalLanguage(),
                d.correct(), d.value(), d.tolerance(), d.min(), d.max(), d.texts());
    }

    @Test
    void aValidDraftOfEveryTypePasses() {
        for (QuestionDraft d : Drafts.everyType()) {
            assertEquals(List.of(), DraftRules.check(d), d.type());
        }
    }

    @Test
    void theTypeIsRequiredAndMustBeOneTheEditorWrites() {
        assertEquals(Rule.REQUIRED, problems(withType(Drafts.essay(), null)).get("type"));
        assertEquals(Rule.UNKNOWN_TYPE, problems(withType(Drafts.essay(), "poll")).get("type"));
        assertEquals(Map.of(), problems(withType(Drafts.essay(), " ESSAY ")), "case and spaces do not matter");
    }

    @Test
    void textsAreRussianOrEnglishWithAPrompt() {
        assertEquals(Map.of("texts", Rule.REQUIRED), problems(Drafts.of("essay", Map.of())));
        assertEquals(Rule.UNKNOWN_LANGUAGE, problems(Drafts.of("essay", Map.of("de", text("Was?", null)))).get("texts.de"));
        assertEquals(Map.of("texts.en.prompt", Rule.REQUIRED), problems(Drafts.of("essay", Map.of("en", text("  ", null)))));
        assertEquals(Map.of("texts.ru.answer", Rule.REQUIRED),
                problems(Drafts.of("flashcard", Map.of("ru", text("Вопрос?", " ")))), "a flashcard needs its answer");
    }

    @Test
    void textsHaveLimitsAndNoNul() {
        String long_ = "x".repeat(DraftRules.MAX_TEXT + 1);
        assertEquals(Map.of("texts.en.answer", Rule.TOO_LONG), problems(Drafts.of("flashcard", Map.of("en", text("Q?", long_)))));
        assertEquals(Map.of("texts.en.prompt", Rule.NUL), problems(Drafts.of("essay", Map.of("en", text("a\0b", null)))));
        QuestionDraft blankKeyPoint = Drafts.of("essay", Map.of("en",
                new DraftText("Q?", null, List.of("fine", " "), null, null, List.of())));
        assertEquals(Map.of("texts.en.keyPoints[1]", Rule.REQUIRED), problems(blankKeyPoint));
    }

    @Test
    void theOriginalLanguageIsOneTheQuestionIsWrittenIn() {
        QuestionDraft d = new QuestionDraft("essay", null, null, List.of(), List.of(), "ru", null, null, null, null,
                null, Map.of("en", text("Q?", null)));
        assertEquals(Map.of("originalLanguage", Rule.ORIGINAL_NOT_WRITTEN), problems(d));
    }

    @Test
    void typesWithoutChoicesRefuseThem() {
        QuestionDraft d = Drafts.of("flashcard", Map.of("en", text("Q?", "A.", choice("x", 1))));
        assertEquals(Map.of("texts.en.options", Rule.NOT_FOR_TYPE), problems(d));
        QuestionDraft tf = new QuestionDraft("essay", null, null, List.of(), List.of(), null, true, 1.0, null, null,
                null, Map.of("en", text("Q?", null)));
        assertEquals(Map.of("correct", Rule.NOT_FOR_TYPE, "value", Rule.NOT_FOR_TYPE), problems(tf));
    }

    @Test
    void aSingleChoiceHasExactlyOneRightChoice() {
        assertEquals(Map.of("texts.en.options", Rule.TOO_FEW),
                problems(Drafts.of("single_choice", Map.of("en", text("Q?", null, choice("only", 1))))));
        assertEquals(Map.of("texts.en.options", Rule.NO_FULL_CHOICE),
                problems(Drafts.of("single_choice", Map.of("en", text("Q?", null, choice("a", 0.5), choice("b", 0))))));
        assertEquals(Map.of("texts.en.options", Rule.ONE_FULL_CHOICE),
                problems(Drafts.of("single_choice", Map.of("en", text("Q?", null, choice("a", 1), choice("b", 1))))));
        assertEquals(Map.of("texts.en.options[1].text", Rule.REQUIRED),
                problems(Drafts.of("single_choice", Map.of("en", text("Q?", null, choice("a", 1), choice("", 0))))));
    }

    @Test
    void creditsAreBetweenMinusAndPlusHundredPercent() {
        assertEquals(Rule.FRACTION_RANGE, problems(Drafts.of("multiple_choice", Map.of("en",
                text("Q?", null, choice("a", 1.5), choice("b", 0))))).get("texts.en.options[0].fraction"));
        assertEquals(Rule.FRACTION_RANGE, problems(Drafts.of("multiple_choice", Map.of("en",
                text("Q?", null, choice("a", Double.NaN), choice("b", 1))))).get("texts.en.options[0].fraction"));
    }

    @Test
    void aMultipleChoiceRightCreditsAddUpToAHundredPercent() {
        List<FieldProblem> found = DraftRules.check(Drafts.of("multiple_choice", Map.of("en",
                text("Q?", null, choice("a", 0.5), choice("b", 0.3), choice("c", -1)))));
        assertEquals(1, found.size(), found::toString);
        assertEquals(Rule.POSITIVE_SUM, found.getFirst().rule());
        assertEquals(List.of("80"), found.getFirst().args(), "says what they add up to now");
        assertEquals(Map.of(), problems(Drafts.of("multiple_choice", Map.of("en",
                text("Q?", null, choice("a", 0.3333), choice("b", 0.3333), choice("c", 0.3333))))), "thirds round");
    }

    @Test
    void choicesMatchAcrossLanguages() {
        QuestionDraft fewer = Drafts.of("single_choice", Map.of(
                "en", text("Q?", null, choice("a", 1), choice("b", 0), choice("c", 0)),
                "ru", text("В?", null, choice("а", 1), choice("б", 0))));
        assertEquals(Map.of("texts.en.options", Rule.LANGUAGES_DIFFER), problems(fewer));
        QuestionDraft otherCredit = Drafts.of("single_choice", Map.of(
                "en", text("Q?", null, choice("a", 1), choice("b", 0)),
                "ru", text("В?", null, choice("а", 0), choice("б", 1))));
        assertEquals(Map.of("texts.en.options[0].fraction", Rule.LANGUAGES_DIFFER,
                "texts.en.options[1].fraction", Rule.LANGUAGES_DIFFER), problems(otherCredit));
    }

    @Test
    void aShortAnswerNeedsAnAcceptedAnswerAndAMatchingQuestionItsPairs() {
        assertEquals(Map.of("texts.en.options", Rule.TOO_FEW), problems(Drafts.of("short_answer", Map.of("en", text("Q?", null)))));
        QuestionDraft pairless = Drafts.of("matching", Map.of("en", text("Q?", null,
                new DraftOption("a", "1", null, null), new DraftOption("b", " ", null, null))));
        assertEquals(Map.of("texts.en.options[1].match", Rule.REQUIRED), problems(pairless));
        QuestionDraft matchOnChoice = Drafts.of("single_choice", Map.of("en", text("Q?", null,
                new DraftOption("a", "1", 1.0, null), choice("b", 0))));
        assertEquals(Map.of("texts.en.options[0].match", Rule.NOT_FOR_TYPE), problems(matchOnChoice));
    }

    @Test
    void aTrueFalseQuestionNamesTheRightValue() {
        QuestionDraft d = Drafts.of("true_false", Map.of("en", text("The sky is green.", null)));
        assertEquals(Map.of("correct", Rule.REQUIRED), problems(d));
    }

    @Test
    void aNumericalQuestionHasAValueOrARange() {
        Map<String, DraftText> texts = Map.of("en", text("How many?", null));
        assertEquals(Map.of("value", Rule.REQUIRED), problems(numerical(null, null, null, null, texts)));
        assertEquals(Map.of("value", Rule.NUMBER_OR_RANGE), problems(numerical(1.0, null, 0.0, 2.0, texts)));
        assertEquals(Map.of("max", Rule.RANGE_ORDER), problems(numerical(null, null, 5.0, 4.0, texts)));
        assertEquals(Map.of("max", Rule.REQUIRED), problems(numerical(null, null, 5.0, null, texts)));
        assertEquals(Map.of("tolerance", Rule.NEGATIVE), problems(numerical(5.0, -1.0, null, null, texts)));
        assertEquals(Map.of("value", Rule.NOT_FINITE), problems(numerical(Double.POSITIVE_INFINITY, null, null, null, texts)));
    }

    private static QuestionDraft numerical(Double value, Double tolerance, Double min, Double max, Map<String, DraftText> texts) {
        return new QuestionDraft("numerical", null, null, List.of(), List.of(), null, null, value, tolerance, min, max, texts);
    }

    @Test
    void tagsAndDemosAreCheckedOneByOne() {
        QuestionDraft d = new QuestionDraft("essay", "bad id!", null, List.of("go", "has space", "Go", ""),
                List.of("thread-anatomy", "no-such-demo", "thread-anatomy"), null, null, null, null, null, null,
                Map.of("en", text("Q?", null)));
        assertEquals(Map.of("externalId", Rule.ID_FORM, "tags[1]", Rule.TAG_FORM, "tags[2]", Rule.DUPLICATE,
                "tags[3]", Rule.REQUIRED, "demoIds[1]", Rule.UNKNOWN_DEMO, "demoIds[2]", Rule.DUPLICATE), problems(d));
        List<String> many = new ArrayList<>(Collections.nCopies(DraftRules.MAX_TAGS + 1, "t"));
        for (int i = 0; i < many.size(); i++) {
            many.set(i, "t" + i);
        }
        QuestionDraft tooMany = new QuestionDraft("essay", null, null, many, List.of(), null, null, null, null, null,
                null, Map.of("en", text("Q?", null)));
        assertEquals(Map.of("tags", Rule.TOO_MANY), problems(tooMany));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        QuestionDraft d = new QuestionDraft("single_choice", null, "t".repeat(DraftRules.MAX_TITLE + 1), List.of(),
                List.of("nope"), null, null, null, null, null, null,
                Map.of("en", text("", null, choice("a", 0), choice("b", 0))));
        assertEquals(Map.of("title", Rule.TOO_LONG, "demoIds[0]", Rule.UNKNOWN_DEMO, "texts.en.prompt", Rule.REQUIRED,
                "texts.en.options", Rule.NO_FULL_CHOICE), problems(d));
    }

    @Test
    void theContentIsWhatTheBankStores() {
        QuestionContent n = DraftRules.content(Drafts.numericalWithTolerance(), "n1", null);
        assertEquals(QuestionType.NUMERICAL, n.type());
        assertEquals(1024.0, n.correctMin());
        assertEquals(3072.0, n.correctMax());
        assertEquals("en", n.originalLanguage(), "the only language written");

        QuestionContent s = DraftRules.content(Drafts.shortAnswer(), "s1", null);
        assertEquals(List.of(1.0, 1.0), s.options().stream().map(QuestionContent.Option::fraction).toList(),
                "an accepted answer without a credit is worth it all");

        QuestionContent f = DraftRules.content(Drafts.flashcard(), "f1", null);
        assertEquals(List.of("go", "threads"), f.tags());
        assertEquals("Threads vs goroutines", f.title());
        assertEquals("About **2 KiB** of stack to start.", f.texts().get("en").answer());

        QuestionContent previous = new QuestionContent("f1", QuestionType.FLASHCARD, List.of(), List.of(), "the source", "en",
                null, null, null, Map.of("en", new QuestionContent.Text("Old?", "Old.", List.of(), null, null,
                List.of(new QuestionContent.WrongAnswer("1 MiB", "that is a thread")))), List.of(), 0, List.of("f2"));
        QuestionContent edited = DraftRules.content(Drafts.flashcard(), "f1", previous);
        assertEquals("the source", edited.source(), "what the editor does not show is kept");
        assertEquals(List.of("f2"), edited.followUps());
        assertEquals(previous.texts().get("en").wrongAnswers(), edited.texts().get("en").wrongAnswers());
        assertTrue(edited.texts().get("ru").wrongAnswers().isEmpty());
    }

    @Test
    void markdownKeepsItsLeadingSpacesAndGetsPlainLineEnds() {
        QuestionContent c = DraftRules.content(Drafts.of("flashcard", Map.of("en",
                text("Q?", "    code block\r\nnext  \r\n"))), "c1", null);
        assertEquals("    code block\nnext", c.texts().get("en").answer());
    }

    @Test
    void aClozePromptIsCheckedGapByGapBesideThePrompt() {
        List<FieldProblem> found = DraftRules.check(Drafts.of("cloze", Map.of("en",
                text("Pick {1:MULTICHOICE:=only} and type {1:SHORTANSWER:wrong}.", null))));
        assertEquals(List.of("texts.en.prompt", "texts.en.prompt"), found.stream().map(FieldProblem::field).toList());
        assertEquals(List.of(Rule.CLOZE_GAP, Rule.CLOZE_GAP), found.stream().map(FieldProblem::rule).toList());
        // each problem names its gap and keeps its message key and values, so that it is said in either language
        ClozeException.Problem first = (ClozeException.Problem) found.get(0).args().getFirst();
        ClozeException.Problem second = (ClozeException.Problem) found.get(1).args().getFirst();
        assertTrue(first.english().startsWith("gap 1 (MULTICHOICE) needs at least 2 choices"), first.toString());
        assertEquals("cloze_two_choices", first.key());
        assertEquals(1, ((Number) first.args().get("count")).intValue(), first.toString());
        assertTrue(second.english().startsWith("gap 2 (SHORTANSWER)"), second.toString());
        assertEquals(Map.of("texts.en.prompt", Rule.CLOZE_GAP), problems(Drafts.of("cloze", Map.of("en",
                text("No gaps at all.", null)))), "a cloze question without a gap");
    }

    @Test
    void bothLanguagesOfAClozeQuestionHaveAsManyGapsAndNoOptions() {
        assertEquals(Map.of("texts.en.prompt", Rule.CLOZE_GAP_COUNT), problems(Drafts.of("cloze", Map.of(
                "en", text("One {1:SHORTANSWER:=a}.", null),
                "ru", text("Два {1:SHORTANSWER:=а} и {1:SHORTANSWER:=б}.", null)))));
        assertEquals(Map.of("texts.en.options", Rule.NOT_FOR_TYPE), problems(Drafts.of("cloze", Map.of("en",
                text("One {1:SHORTANSWER:=a}.", null, choice("a", 1))))), "the gaps hold the answers");
    }

    @Test
    void aClozeDraftIsStoredWithItsGapsAsWritten() {
        QuestionContent c = DraftRules.content(Drafts.cloze(), "c1", null);
        assertEquals(QuestionType.CLOZE, c.type());
        assertEquals(Drafts.cloze().texts().get("en").prompt(), c.texts().get("en").prompt());
        assertEquals(List.of(), c.options());
    }
}
