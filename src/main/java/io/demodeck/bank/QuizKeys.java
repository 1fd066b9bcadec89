package io.demodeck.bank;

import io.demodeck.quiz.QuizKey;

import java.util.List;

/** The grading key of a stored quiz question, in the language its texts are shown in. */
public final class QuizKeys {

    private QuizKeys() {
    }

    public static QuizKey of(Question q, String lang) {
        String shown = BankQueries.pick(q.texts, lang, q.originalLanguage).lang();
        List<Question.Option> options = q.options.stream().filter(o -> o.lang.equals(shown)).toList();
        return switch (q.type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> new QuizKey(q.type, options.stream().map(o -> o.fraction).toList(),
                    null, null, null, null, null);
            case SHORT_ANSWER -> new QuizKey(q.type, null,
                    options.stream().filter(o -> o.fraction > 0).map(o -> o.text).toList(), null, null, null, null);
            case MATCHING -> new QuizKey(q.type, null, null, options.stream().map(o -> o.matchText).toList(),
                    null, null, null);
            case TRUE_FALSE -> new QuizKey(q.type, null, null, null, q.correctBoolean, null, null);
            case NUMERICAL -> new QuizKey(q.type, null, null, null, null, q.correctMin, q.correctMax);
            case CLOZE -> new QuizKey(q.type, null, null, null, null, null, null,
                    io.demodeck.quiz.cloze.ClozeParser.parse(q.texts.get(shown).prompt));
            default -> throw new IllegalArgumentException(q.type + " is not a quiz question");
        };
    }
}
