package io.demodeck.quiz.cloze;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cloze text that cannot be used: every problem names its gap ("gap 2 (MULTICHOICE): …"). */
public class ClozeException extends IllegalArgumentException {

    /**
     * One problem: its key in the import messages ({@code cloze_…}, which say it in the page's language), the values
     * the message quotes by name, and its English text.
     */
    public record Problem(String key, Map<String, Object> args, String english) {

        /** @param nameValues the message's values, each after its name */
        static Problem of(String key, String english, Object... nameValues) {
            Map<String, Object> args = new LinkedHashMap<>();
            for (int i = 0; i + 1 < nameValues.length; i += 2) {
                args.put((String) nameValues[i], nameValues[i + 1]);
            }
            return new Problem(key, args, english);
        }
    }

    private final transient List<Problem> problems;

    public ClozeException(List<Problem> problems) {
        super(String.join("; ", problems.stream().map(Problem::english).toList()));
        this.problems = List.copyOf(problems);
    }

    /** The problems with their message keys and values, to be said in any language. */
    public List<Problem> problems() {
        return problems;
    }

    /** The problems as a report keeps them: each a {@code key} and its {@code args}. */
    public List<Map<String, Object>> coded() {
        return problems.stream().map(p -> Map.<String, Object>of("key", p.key(), "args", p.args())).toList();
    }
}
