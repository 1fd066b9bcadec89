package io.demodeck.bank;

import io.demodeck.quiz.QuestionType;
import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;
import java.util.Map;

/**
 * One question as a file describes it.
 *
 * @param externalId     stable id inside the deck (bank id, GIFT [id:], Moodle idnumber, Anki GUID, or a hash)
 * @param correctBoolean the right value of a true/false question
 * @param correctMin     numerical: lowest accepted value (inclusive)
 * @param correctMax     numerical: highest accepted value (inclusive)
 * @param texts          per language
 * @param options        choices, accepted answers or matching pairs, each tagged with its language
 * @param line           where the question starts in its file (1-based), for error reports
 * @param followUps      stable ids of the questions (same deck) an interviewer would ask next, in order
 * @param title          the name the source gives it (GIFT ::name::, Moodle &lt;name&gt;), shown to instructors; or null
 */
public record QuestionContent(String externalId, QuestionType type, List<String> tags, List<String> demoIds,
                              String source, String originalLanguage, Boolean correctBoolean,
                              Double correctMin, Double correctMax, Map<String, Text> texts,
                              List<Option> options, int line, List<String> followUps, String title) {

    @JsonCreator
    public QuestionContent {
        tags = List.copyOf(tags);
        demoIds = List.copyOf(demoIds);
        texts = Map.copyOf(texts);
        options = List.copyOf(options);
        // absent in files and exports made before follow-ups existed
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** A question without follow-ups or a title. */
    public QuestionContent(String externalId, QuestionType type, List<String> tags, List<String> demoIds,
                           String source, String originalLanguage, Boolean correctBoolean,
                           Double correctMin, Double correctMax, Map<String, Text> texts,
                           List<Option> options, int line) {
        this(externalId, type, tags, demoIds, source, originalLanguage, correctBoolean, correctMin, correctMax, texts,
                options, line, List.of(), null);
    }

    /** A question with follow-ups and no title (DemoDeck's own formats). */
    public QuestionContent(String externalId, QuestionType type, List<String> tags, List<String> demoIds,
                           String source, String originalLanguage, Boolean correctBoolean,
                           Double correctMin, Double correctMax, Map<String, Text> texts,
                           List<Option> options, int line, List<String> followUps) {
        this(externalId, type, tags, demoIds, source, originalLanguage, correctBoolean, correctMin, correctMax, texts,
                options, line, followUps, null);
    }

    /** A question with a title and no follow-ups (the formats other than DemoDeck's own). */
    public QuestionContent(String externalId, QuestionType type, List<String> tags, List<String> demoIds,
                           String source, String originalLanguage, Boolean correctBoolean,
                           Double correctMin, Double correctMax, Map<String, Text> texts,
                           List<Option> options, int line, String title) {
        this(externalId, type, tags, demoIds, source, originalLanguage, correctBoolean, correctMin, correctMax, texts,
                options, line, List.of(), title);
    }

    /** The same question reported at another line (0: no line of the file at hand). */
    public QuestionContent withLine(int newLine) {
        return new QuestionContent(externalId, type, tags, demoIds, source, originalLanguage, correctBoolean, correctMin,
                correctMax, texts, options, newLine, followUps, title);
    }

    public QuestionContent withTitle(String newTitle) {
        return new QuestionContent(externalId, type, tags, demoIds, source, originalLanguage, correctBoolean,
                correctMin, correctMax, texts, options, line, followUps, newTitle);
    }

    /**
     * @param accurateNote    where the source is imprecise: what an accurate answer adds
     * @param generalFeedback feedback shown after any answer (GIFT ####, Moodle generalfeedback)
     * @param wrongAnswers    what candidates often answer, and why it is wrong
     */
    public record Text(String prompt, String answer, List<String> keyPoints, String accurateNote,
                       String generalFeedback, List<WrongAnswer> wrongAnswers) {
        @JsonCreator
        public Text {
            keyPoints = List.copyOf(keyPoints);
            wrongAnswers = wrongAnswers == null ? List.of() : List.copyOf(wrongAnswers);
        }

        public Text(String prompt, String answer, List<String> keyPoints, String accurateNote, String generalFeedback) {
            this(prompt, answer, keyPoints, accurateNote, generalFeedback, List.of());
        }
    }

    /**
     * A common wrong answer.
     *
     * @param claim what the candidate says, Markdown
     * @param why   why it is wrong, Markdown
     */
    public record WrongAnswer(String claim, String why) {
    }

    /**
     * @param matchText right-hand side of a matching pair
     * @param fraction  share of the credit, -1..1; above 0 means right
     */
    public record Option(String lang, int position, String text, String matchText, double fraction,
                         String feedback) {
    }
}
