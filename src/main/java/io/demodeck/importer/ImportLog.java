package io.demodeck.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one parse; parsers never throw for bad input, they report and go on. A problem is a
 * {@link ProblemCode} with its values in the order the code names them, never a finished sentence.
 */
public final class ImportLog {

    /**
     * A file with a million broken lines must not produce a million-row report. Errors and warnings are counted
     * apart, so a thousand warnings never push out the error that rejects the file.
     */
    static final int MAX_PROBLEMS = 1000;

    private final List<ImportProblem> problems = new ArrayList<>();
    private int errors;
    private int warnings;
    private int dropped;
    private int skipped;

    public void error(int line, ProblemCode code, Object... args) {
        add(ImportProblem.of(ImportProblem.ERROR, line, null, null, code, args));
    }

    public void error(String ref, ProblemCode code, Object... args) {
        add(ImportProblem.of(ImportProblem.ERROR, 0, ref, null, code, args));
    }

    public void warning(int line, ProblemCode code, Object... args) {
        add(ImportProblem.of(ImportProblem.WARNING, line, null, null, code, args));
    }

    public void warning(String ref, ProblemCode code, Object... args) {
        add(ImportProblem.of(ImportProblem.WARNING, 0, ref, null, code, args));
    }

    /** A question that is reported and left out of the import. */
    public void skip(int line, ProblemCode code, Object... args) {
        add(ImportProblem.of(ImportProblem.ERROR, line, null, ImportProblem.QUESTION_SKIPPED, code, args));
        skipped++;
    }

    public void skip(String ref, ProblemCode code, Object... args) {
        add(ImportProblem.of(ImportProblem.ERROR, 0, ref, ImportProblem.QUESTION_SKIPPED, code, args));
        skipped++;
    }

    /** A row the format's own importer would not make a card of: a warning, and left out. */
    public void leaveOut(int line, ProblemCode code, Object... args) {
        add(ImportProblem.of(ImportProblem.WARNING, line, null, ImportProblem.ROW_LEFT_OUT, code, args));
        skipped++;
    }

    private void add(ImportProblem p) {
        int kept = p.isError() ? errors++ : warnings++;
        if (kept < MAX_PROBLEMS) {
            problems.add(p);
        } else {
            dropped++;
        }
    }

    public int skipped() {
        return skipped;
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public List<ImportProblem> problems() {
        if (dropped == 0) {
            return List.copyOf(problems);
        }
        List<ImportProblem> all = new ArrayList<>(problems);
        all.add(ImportProblem.of(ImportProblem.WARNING, 0, null, null, ProblemCode.MORE_PROBLEMS, dropped));
        return all;
    }
}
