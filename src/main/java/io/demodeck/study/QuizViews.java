package io.demodeck.study;

import io.demodeck.bank.BankViews;
import io.demodeck.platform.MarkdownRenderer;
import io.demodeck.quiz.KeyPointMatcher;
import io.demodeck.quiz.OptionOrder;
import io.demodeck.quiz.QuestionType;
import io.demodeck.quiz.QuizKey;
import io.demodeck.quiz.QuizResponse;
import io.demodeck.quiz.QuizResult;
import io.demodeck.quiz.QuizView;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Builds the quiz part of a study card ({@link QuizView}) from a question, its key and the showing's seed. */
public final class QuizViews {

    private QuizViews() {
    }

    /** Before the check: the fields, choices and right-hand sides shuffled by {@code seed}. */
    public static QuizView question(BankViews.QuestionDetail q, long seed) {
        return new QuizView(choices(q, null, seed, List.of()), rows(q, List.of()), matchOptions(q, seed), null, null);
    }

    /** The answer could not be read: the question again, with what was typed and why. */
    public static QuizView retry(BankViews.QuestionDetail q, long seed, String typed, String unknownUnit) {
        return new QuizView(choices(q, null, seed, List.of()), rows(q, List.of()), matchOptions(q, seed), null,
                new QuizView.Retry(typed, unknownUnit));
    }

    /** A quiz question after the check, in the order it was shown. */
    public static QuizView checked(BankViews.QuestionDetail q, QuizKey key, long seed, QuizResponse response,
                                   QuizResult result) {
        String feedback = q.type() == QuestionType.TRUE_FALSE && response.truth() != null
                ? key.choiceFeedback(response.truth() ? 0 : 1) : result.feedback();
        QuizView.Checked checked = new QuizView.Checked(true, result.verdict(), response.text(), result.diff(),
                result.expected(), response.truth(), List.of(), html(feedback), result.cloze());
        return new QuizView(choices(q, key, seed, List.copyOf(response.selected())), rows(q, response.matches()),
                matchOptions(q, seed), checked, null);
    }

    /** A flashcard's answer shown, with the key points the typed answer mentions. */
    public static QuizView revealed(BankViews.QuestionDetail q, String typed) {
        List<Boolean> hits = typed == null || typed.isBlank() ? List.of()
                : KeyPointMatcher.hits(typed, q.keyPointsHtml().stream().map(QuizViews::plainText).toList());
        QuizView.Checked checked = new QuizView.Checked(false, null, typed, List.of(), null, null, hits, null, null);
        return new QuizView(List.of(), List.of(), List.of(), checked, null);
    }

    private static List<QuizView.ChoiceView> choices(BankViews.QuestionDetail q, QuizKey key, long seed,
                                                     List<Integer> selected) {
        if (q.type() != QuestionType.SINGLE_CHOICE && q.type() != QuestionType.MULTIPLE_CHOICE) {
            return List.of();
        }
        List<Integer> order = OptionOrder.shuffled(q.choices().size(), seed);
        List<QuizView.ChoiceView> shown = new ArrayList<>();
        for (int position = 0; position < order.size(); position++) {
            int value = order.get(position);
            BankViews.Choice c = q.choices().get(value);
            shown.add(new QuizView.ChoiceView(value, position + 1, c.html(), c.right(), selected.contains(value),
                    key == null ? null : html(key.choiceFeedback(value))));
        }
        return shown;
    }

    /** Each distinct right-hand side once, shuffled, valued by the first pair that has it (as the key expects). */
    private static List<QuizView.MatchOption> matchOptions(BankViews.QuestionDetail q, long seed) {
        List<BankViews.Pair> pairs = q.pairs();
        List<QuizView.MatchOption> distinct = IntStream.range(0, pairs.size())
                .filter(i -> IntStream.range(0, i).noneMatch(j -> pairs.get(j).right().equals(pairs.get(i).right())))
                .mapToObj(i -> new QuizView.MatchOption(i, pairs.get(i).right())).toList();
        return OptionOrder.shuffled(distinct.size(), seed).stream().map(distinct::get).toList();
    }

    private static List<QuizView.MatchRow> rows(BankViews.QuestionDetail q, List<Integer> picked) {
        List<BankViews.Pair> pairs = q.pairs();
        return IntStream.range(0, pairs.size()).mapToObj(i -> {
            int chosen = i < picked.size() && picked.get(i) >= 0 && picked.get(i) < pairs.size() ? picked.get(i) : -1;
            String chosenText = chosen < 0 ? null : pairs.get(chosen).right();
            return new QuizView.MatchRow(i, pairs.get(i).left(), chosen, chosenText,
                    pairs.get(i).right().equals(chosenText), pairs.get(i).right());
        }).toList();
    }

    private static String html(String markdown) {
        return markdown == null || markdown.isBlank() ? null : MarkdownRenderer.inlineHtml(markdown);
    }

    private static String plainText(String html) {
        return html.replaceAll("<[^>]+>", " ");
    }
}
