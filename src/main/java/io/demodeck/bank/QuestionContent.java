package io.demodeck.bank;

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
 * @param title          the name the source gives it (GIFT ::name::, Moodle &lt;name&gt;), shown to instructors; or null
 */
public record QuestionContent(String externalId, QuestionType type, List<String> tags, List<String> demoIds,
                              String source, String originalLanguage, Boolean correctBoolean,
                              Double correctMin, Double correctMax, Map<String, Text> texts,
                              List<Option> options, int line, String title) {

    public QuestionContent {
        tags = List.copyOf(tags);
        demoIds = List.copyOf(demoIds);
        texts = Map.copyOf(texts);
        options = List.copyOf(options);
    }

    /** A question without a title of its own (the bank's questions). */
    public QuestionContent(String externalId, QuestionType type, List<String> tags, List<String> demoIds,
                           String source, String originalLanguage, Boolean correctBoolean,
                           Double correctMin, Double correctMax, Map<String, Text> texts,
                           List<Option> options, int line) {
        this(externalId, type, tags, demoIds, source, originalLanguage, correctBoolean, correctMin, correctMax, texts,
                options, line, null);
    }

    public QuestionContent withTitle(String newTitle) {
        return new QuestionContent(externalId, type, tags, demoIds, source, originalLanguage, correctBoolean,
                correctMin, correctMax, texts, options, line, newTitle);
    }

    /**
     * @param accurateNote    where the source is imprecise: what an accurate answer adds
     * @param generalFeedback feedback shown after any answer (GIFT ####, Moodle generalfeedback)
     */
    public record Text(String prompt, String answer, List<String> keyPoints, String accurateNote,
                       String generalFeedback) {
        public Text {
            keyPoints = List.copyOf(keyPoints);
        }
    }

    /**
     * @param matchText right-hand side of a matching pair
     * @param fraction  share of the credit, -1..1; above 0 means right
     */
    public record Option(String lang, int position, String text, String matchText, double fraction,
                         String feedback) {
    }
}
