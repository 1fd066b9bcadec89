package io.demodeck.editor;

import io.demodeck.bank.Question;
import io.demodeck.bank.QuestionContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A question as an editor writes it (the API's request body, and what the browser form is read into). Nothing is
 * trusted: {@link DraftRules} checks every field before anything is written.
 *
 * @param type             flashcard, single_choice, multiple_choice, true_false, short_answer, numerical,
 *                         matching, essay, description or cloze (the prompt holds the gaps in the bank's syntax,
 *                         {@code {1:SHORTANSWER:=Paris}}, and with them the answers)
 * @param externalId       the question's stable id in the deck; made up when a new question has none, never changed
 *                         by an edit
 * @param originalLanguage the language the question was written in (ru or en); defaults to the only one written
 * @param correct          true/false questions: the right value
 * @param value            numerical: the right value, with {@code tolerance} either side; or give {@code min} and
 *                         {@code max}
 * @param texts            per language (ru, en)
 */
@Schema(description = "A question as the editor writes it")
public record QuestionDraft(String type, String externalId, String title, List<String> tags, List<String> demoIds,
                            String originalLanguage, Boolean correct, Double value, Double tolerance, Double min,
                            Double max, Map<String, DraftText> texts) {

    public QuestionDraft {
        tags = tags == null ? List.of() : new ArrayList<>(tags);
        demoIds = demoIds == null ? List.of() : new ArrayList<>(demoIds);
        texts = texts == null ? Map.of() : new TreeMap<>(texts);
    }

    /**
     * @param accurateNote what an accurate answer adds (where the usual answer is imprecise)
     * @param options      choices (single/multiple choice), accepted answers (short answer) or pairs (matching)
     */
    public record DraftText(String prompt, String answer, List<String> keyPoints, String accurateNote,
                            String generalFeedback, List<DraftOption> options) {
        public DraftText {
            keyPoints = keyPoints == null ? List.of() : new ArrayList<>(keyPoints);
            options = options == null ? List.of() : new ArrayList<>(options);
        }
    }

    /**
     * @param match    matching: the right-hand side of the pair
     * @param fraction the share of the credit, -1..1 (1 = 100 %); accepted answers and pairs default to 1
     * @param feedback shown to a learner who chose it
     */
    public record DraftOption(String text, String match, Double fraction, String feedback) {
    }

    /** The stored question as a draft: what the editor form and {@code GET} show. */
    static QuestionDraft of(QuestionContent q) {
        Map<String, DraftText> texts = new LinkedHashMap<>();
        q.texts().forEach((lang, t) -> texts.put(lang, new DraftText(t.prompt(), t.answer(), t.keyPoints(),
                t.accurateNote(), t.generalFeedback(), q.options().stream().filter(o -> o.lang().equals(lang))
                .sorted(java.util.Comparator.comparingInt(QuestionContent.Option::position))
                .map(o -> new DraftOption(o.text(), o.matchText(), o.fraction(), o.feedback())).toList())));
        boolean single = q.correctMin() != null && q.correctMin().equals(q.correctMax());
        return new QuestionDraft(q.type().fileName(), q.externalId(), q.title(), q.tags(), q.demoIds(),
                q.originalLanguage(), q.correctBoolean(), single ? q.correctMin() : null, single ? 0.0 : null,
                single ? null : q.correctMin(), single ? null : q.correctMax(), texts);
    }

    /** A stored question as the content the bank writes (the same fields {@link io.demodeck.bank.DeckWriter} stores). */
    static QuestionContent contentOf(Question q) {
        Map<String, QuestionContent.Text> texts = new LinkedHashMap<>();
        q.texts.forEach((lang, t) -> texts.put(lang, new QuestionContent.Text(t.prompt, t.answer, t.keyPoints,
                t.accurateNote, t.generalFeedback, q.wrongAnswers(lang).stream()
                .map(w -> new QuestionContent.WrongAnswer(w.claim, w.why)).toList())));
        List<QuestionContent.Option> options = q.options.stream()
                .map(o -> new QuestionContent.Option(o.lang, o.position, o.text, o.matchText, o.fraction, o.feedback))
                .toList();
        return new QuestionContent(q.externalId, q.type, q.tags, q.demoIds, q.source, q.originalLanguage,
                q.correctBoolean, q.correctMin, q.correctMax, texts, options, 0, q.followUps, q.title);
    }
}
