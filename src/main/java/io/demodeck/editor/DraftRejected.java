package io.demodeck.editor;

import java.util.List;

/** A draft that breaks rules: nothing was written. */
public class DraftRejected extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public DraftRejected(List<FieldProblem> problems) {
        super(problems.size() + " field(s) invalid: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
