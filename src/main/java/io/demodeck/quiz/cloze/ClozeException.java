package io.demodeck.quiz.cloze;

import java.util.List;

/** A cloze text that cannot be used: every problem names its gap ("gap 2 (MULTICHOICE): …"). */
public class ClozeException extends IllegalArgumentException {

    private final List<String> problems;

    public ClozeException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
