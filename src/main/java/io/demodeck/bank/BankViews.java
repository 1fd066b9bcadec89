package io.demodeck.bank;

import io.demodeck.quiz.QuestionType;
import java.util.List;

/** What the pages and the API show of the bank: records, never entities. HTML fields are already safe. */
public final class BankViews {

    private BankViews() {
    }

    /** @param fallback the chosen language was missing and the original one is shown */
    public record DeckSummary(long id, String externalId, String title, String description, long questionCount,
                              boolean fallback) {
    }

    /** @param title the source's name for the question (GIFT ::name::, Moodle name), or null */
    public record QuestionSummary(long id, String externalId, QuestionType type, String promptHtml,
                                  List<String> tags, List<String> demoIds, boolean fallback, String title) {
    }

    public record QuestionDetail(DeckSummary deck, long id, String externalId, QuestionType type, String lang,
                                 String promptHtml, String answerHtml, List<String> keyPointsHtml,
                                 String accurateNoteHtml, String generalFeedbackHtml, List<Choice> choices,
                                 List<String> accepted, List<Pair> pairs, Boolean correctBoolean, Double correctMin,
                                 Double correctMax, List<DemoRef> demos, List<String> tags, String source,
                                 boolean fallback, List<FollowUp> followUps, List<WrongAnswer> wrongAnswers,
                                 String title, io.demodeck.quiz.cloze.ClozeView cloze) {

        /** A question that is no cloze. */
        public QuestionDetail(DeckSummary deck, long id, String externalId, QuestionType type, String lang,
                              String promptHtml, String answerHtml, List<String> keyPointsHtml,
                              String accurateNoteHtml, String generalFeedbackHtml, List<Choice> choices,
                              List<String> accepted, List<Pair> pairs, Boolean correctBoolean, Double correctMin,
                              Double correctMax, List<DemoRef> demos, List<String> tags, String source,
                              boolean fallback, List<FollowUp> followUps, List<WrongAnswer> wrongAnswers,
                              String title) {
            this(deck, id, externalId, type, lang, promptHtml, answerHtml, keyPointsHtml, accurateNoteHtml,
                    generalFeedbackHtml, choices, accepted, pairs, correctBoolean, correctMin, correctMax, demos, tags,
                    source, fallback, followUps, wrongAnswers, title, null);
        }

        public boolean hasRange() {
            return correctMin != null && correctMax != null && !correctMin.equals(correctMax);
        }

        public String correctMinText() {
            return number(correctMin);
        }

        public String correctMaxText() {
            return number(correctMax);
        }

        /** 2048.0 reads as "2048", 0.5 as "0.5". */
        private static String number(Double d) {
            if (d == null) {
                return "";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * @param right  the choice is a right answer: worth 100 % in a single-choice question, any credit in a
     *               multiple-choice one
     * @param credit its share of the credit, -1..1 (GIFT/Moodle weights)
     */
    public record Choice(String html, boolean right, double credit) {
    }

    public record Pair(String left, String right) {
    }

    /**
     * A question an interviewer would ask next.
     *
     * @param promptHtml its prompt in the reader's language (or its original one), inline HTML
     */
    public record FollowUp(String externalId, String promptHtml) {
    }

    /** A common wrong answer: what a candidate says and why it is wrong, both inline HTML. */
    public record WrongAnswer(String claimHtml, String whyHtml) {
    }

    /** @param known false when the bank names a demo the app does not have */
    public record DemoRef(String id, String title, boolean known) {
    }
}
