package io.demodeck.quiz.cloze;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClozeParserTest {

    /** The example of Moodle's documentation page "Embedded Answers (Cloze) question type". */
    static final String MOODLE_DOCS_EXAMPLE = """
            This question consists of some text with an answer embedded right here {1:MULTICHOICE:Wrong answer#Feedback \
            for this wrong answer~Another wrong answer#Feedback for the other wrong answer~=Correct answer#Feedback for \
            correct answer~%50%Answer that gives half the credit#Feedback for half credit answer} and right after that you \
            will have to deal with this short answer {1:SHORTANSWER:Wrong answer#Feedback for this wrong answer~=Correct \
            answer#Feedback for correct answer~%50%Answer that gives half the credit#Feedback for half credit answer} and \
            finally we have a floating point number {2:NUMERICAL:=23.8:0.1#Feedback for correct answer 23.8~%50%23.8:2#\
            Feedback for half credit answer in the nearby region of the correct answer}.

            Note that addresses like www.moodle.org and smileys :-) all work as normal:
             a) How good is this? {:MULTICHOICE:=Yes#Correct~No#We have a different opinion}
             b) What grade would you give it? {3:NUMERICAL:=3:2}

            Good luck!""";

    /** Moodle's test helper's question ("twosubq"): a wildcard answer and a dropdown. */
    static final String OWL_AND_PUSSY_CAT = "Complete this opening line of verse: \"The {1:SHORTANSWER:Dog#Wrong, silly!~"
            + "=Owl#Well done!~*#Wrong answer} and the {1:MULTICHOICE:Bow-wow#You seem to have a dog obsessions!~"
            + "Wiggly worm#Now you are just being ridiculous!~=Pussy-cat#Well done!} went to sea\".";

    @Test
    void readsTheDocumentedExampleWithWeightsFractionsFeedbackAndTolerance() {
        Cloze cloze = ClozeParser.parse(MOODLE_DOCS_EXAMPLE);
        List<Cloze.Gap> gaps = cloze.gaps();
        assertEquals(5, gaps.size());

        Cloze.Gap mc = gaps.get(0);
        assertEquals(Cloze.Kind.MULTICHOICE, mc.kind());
        assertEquals(Cloze.Layout.DROPDOWN, mc.layout());
        assertEquals(1, mc.weight());
        assertEquals(4, mc.answers().size());
        assertEquals(new Cloze.Answer("Correct answer", 1, "Feedback for correct answer"), mc.answers().get(2));
        assertEquals(0.5, mc.answers().get(3).fraction());
        assertEquals(0, mc.answers().get(0).fraction());
        assertEquals("Feedback for this wrong answer", mc.answers().get(0).feedback());

        assertEquals(Cloze.Kind.SHORT_ANSWER, gaps.get(1).kind());
        Cloze.Gap nm = gaps.get(2);
        assertEquals(Cloze.Kind.NUMERICAL, nm.kind());
        assertEquals(2, nm.weight());
        assertEquals("23.8:0.1", nm.answers().get(0).text());
        assertEquals("23.8 ± 0.1", ClozeWriter.rightAnswerText(nm));

        assertEquals(1, gaps.get(3).weight(), "an empty weight is 1");
        assertEquals(3, gaps.get(4).weight());
        assertTrue(cloze.parts().getFirst() instanceof Cloze.Text t && t.markdown().startsWith("This question consists"));
        assertTrue(cloze.parts().getLast() instanceof Cloze.Text t && t.markdown().endsWith("Good luck!"),
                "smileys :-) and the text after the last gap stay text");
    }

    @Test
    void readsMoodlesOwnTestQuestionWithItsWildcard() {
        List<Cloze.Gap> gaps = ClozeParser.parse(OWL_AND_PUSSY_CAT).gaps();
        assertEquals(List.of("Dog", "Owl", "*"), gaps.get(0).answers().stream().map(Cloze.Answer::text).toList());
        assertEquals("Pussy-cat", ClozeWriter.rightAnswerText(gaps.get(1)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{1:SA:=x}|SHORTANSWER|INLINE|false|false",
            "{1:MW:=x}|SHORTANSWER|INLINE|false|false",
            "{1:SHORTANSWER_C:=x}|SHORTANSWER_C|INLINE|true|false",
            "{1:SAC:=x}|SHORTANSWER_C|INLINE|true|false",
            "{1:NM:=1}|NUMERICAL|INLINE|false|false",
            "{1:MC:=a~b}|MULTICHOICE|DROPDOWN|false|false",
            "{1:MULTICHOICE_V:=a~b}|MULTICHOICE_V|VERTICAL|false|false",
            "{1:MCH:=a~b}|MULTICHOICE_H|HORIZONTAL|false|false",
            "{1:MCS:=a~b}|MULTICHOICE_S|DROPDOWN|false|true",
            "{1:MULTICHOICE_VS:=a~b}|MULTICHOICE_VS|VERTICAL|false|true",
            "{1:MCHS:=a~b}|MULTICHOICE_HS|HORIZONTAL|false|true",
            "{1:MR:=a~b}|MULTIRESPONSE|VERTICAL|false|false",
            "{1:MRH:=a~b}|MULTIRESPONSE_H|HORIZONTAL|false|false",
            "{1:MULTIRESPONSE_S:=a~b}|MULTIRESPONSE_S|VERTICAL|false|true",
            "{1:MRHS:=a~b}|MULTIRESPONSE_HS|HORIZONTAL|false|true",
    })
    void everyTypeNameAndAlias(String text, String type, Cloze.Layout layout, boolean caseSensitive, boolean shuffle) {
        Cloze.Gap g = ClozeParser.parse(text).gaps().getFirst();
        assertEquals(type, g.typeName());
        assertEquals(layout, g.layout());
        assertEquals(caseSensitive, g.caseSensitive());
        assertEquals(shuffle, g.shuffle());
    }

    @Test
    void escapesAreUndone() {
        Cloze.Gap g = ClozeParser.parse("{1:SA:=a\\}b\\#c\\~d\\/e\\\"f\\\\g#it\\'s \\} done}").gaps().getFirst();
        assertEquals("a}b#c~d/e\"f\\g", g.answers().getFirst().text());
        assertEquals("it\\'s } done", g.answers().getFirst().feedback(), "an unknown escape keeps its backslash");
    }

    @Test
    void aMultiresponseGapNeedsOnlyOneChoiceWithCredit() {
        Cloze.Gap g = ClozeParser.parse("Pick the fruits: {2:MULTIRESPONSE:%50%Apple~%50%Pear~%-100%Carrot}").gaps().getFirst();
        assertEquals(List.of("Apple", "Pear"), g.rightAnswers().stream().map(Cloze.Answer::text).toList());
        assertEquals("Apple, Pear", ClozeWriter.rightAnswerText(g));
    }

    /** Moodle's fixture broken_cloze_questions.xml, rewritten: each refused with its gap named. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Please select the fruits.|no gaps",
            "Please select the fruits {1:MULTICHOICE}|gap 1 (MULTICHOICE) needs at least 2 choices; it has none",
            "Please select the fruits {1:MULTICHOICE:=Apple#Correct}|gap 1 (MULTICHOICE) needs at least 2 choices; it has 1",
            "Please select the fruits {1:MULTICHOICE:Pear#Incorrect~%50%Apple#Correct}|gap 1 (MULTICHOICE) has no answer worth 100%",
            "What grade would you give it? {3:NUMERICAL:=zero}|gap 1 (NUMERICAL): 'zero' is not a number",
            "A {1:SA:=x} and {1:SHORTANSWER:%50%y}|gap 2 (SHORTANSWER) has no answer worth 100%",
            "{1:MR:a~b}|gap 1 (MR) has no right choice",
            "{1:SA:=x} {2:FOO:=y}|gap 2 (FOO): unknown type 'FOO'",
            "{1:SA:=x~}|gap 1 (SA): answer 2 is empty",
            "{1:SA:=x|gap 1 (SA) has no closing '}'",
            "{1:SA:%150%x}|gap 1 (SA): answer 1 has the weight 150%",
            "{999:SA:=x}|gap 1 (SA): the weight 999 is larger than 100",
    })
    void brokenClozeIsRefusedWithTheGapNamed(String text, String expected) {
        ClozeException e = assertThrows(ClozeException.class, () -> ClozeParser.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void writingAndReadingBackGivesTheSameQuestion() {
        for (String text : List.of(MOODLE_DOCS_EXAMPLE, OWL_AND_PUSSY_CAT, "{1:SA:=a\\}b\\#c\\~d#x\\#y}",
                "{1:MCVS:=\\=eq~%0%\\%pct~%-33.333%neg#fb}", "{0:NM:=1,5:0.1~*#other}")) {
            Cloze first = ClozeParser.parse(text);
            String written = ClozeWriter.write(first);
            assertEquals(first, ClozeParser.parse(written), written);
            assertEquals(written, ClozeWriter.write(ClozeParser.parse(written)), "the written form is stable");
        }
    }

    @Test
    void anHtmlEntityBeforeAHashIsNoFeedback() {
        Cloze.Gap g = ClozeParser.parse("{1:SA:=C&#35;#right}", true, s -> s.replace("&#35;", "#")).gaps().getFirst();
        assertEquals("C#", g.answers().getFirst().text());
        assertEquals("right", g.answers().getFirst().feedback());
    }

    @Test
    void anEscapedBraceIsText() {
        Cloze cloze = ClozeParser.parse("\\{1:SA:=no} but {1:SA:=yes}");
        assertEquals(1, cloze.gaps().size());
        assertEquals("yes", cloze.gaps().getFirst().answers().getFirst().text());
        assertNull(cloze.gaps().getFirst().answers().getFirst().feedback());
    }

    @Test
    void renderingShowsBlanksAndNeverTheAnswers() {
        String html = ClozeWriter.blanksHtml(ClozeParser.parse("The **capital** of France is {1:SA:=Paris#Right}."));
        assertEquals("<p>The <strong>capital</strong> of France is <span class=\"cloze-blank\">[1] ______</span>.</p>\n", html);
        String anki = ClozeWriter.ankiClozeText("The *capital* is {1:SA:=Paris}, pick {1:MC:=red~blue}.");
        assertEquals("The <em>capital</em> is {{c1::Paris}}, pick {{c1::red::red / blue}}.", anki);
    }
}
