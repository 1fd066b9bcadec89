package io.demodeck.bank;

import io.demodeck.quiz.QuizKey;

import java.util.List;

/** The grading key of a stored quiz question, in the language its texts are shown in. */
public final class QuizKeys {

    private QuizKeys() {
    }

    public static QuizKey of(Question q, String lang) {
        String shown = BankQueries.pick(q.texts, lang, q.originalLanguage).lang();
        String prompt = q.texts.get(shown).prompt;
        List<Question.Option> options = q.options.stream().filter(o -> o.lang.equals(shown)).toList();
        List<String> feedback = options.stream().map(o -> o.feedback).toList();
        return switch (q.type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> new QuizKey(q.type, options.stream().map(o -> o.fraction).toList(),
                    null, null, null, null, null, feedback, null, prompt);
            case SHORT_ANSWER -> {
                List<Question.Option> accepted = options.stream().filter(o -> o.fraction > 0).toList();
                yield new QuizKey(q.type, null, accepted.stream().map(o -> o.text).toList(), null, null, null, null,
                        null, accepted.stream().map(o -> o.feedback).toList(), prompt);
            }
            case MATCHING -> new QuizKey(q.type, null, null, options.stream().map(o -> o.matchText).toList(),
                    null, null, null, null, null, prompt);
            // true/false: the feedback of "true" first, then of "false" (as GIFT and Moodle give them)
            case TRUE_FALSE -> new QuizKey(q.type, null, null, null, q.correctBoolean, null, null, feedback, null, prompt);
            case NUMERICAL -> new QuizKey(q.type, null, null, null, null, q.correctMin, q.correctMax, null, null, prompt);
            case CLOZE -> new QuizKey(q.type, null, null, null, null, null, null, null, null, prompt,
                    io.demodeck.quiz.cloze.ClozeParser.parse(prompt));
            default -> throw new IllegalArgumentException(q.type + " is not a quiz question");
        };
    }
}
