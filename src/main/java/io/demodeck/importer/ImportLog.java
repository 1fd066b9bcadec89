package io.demodeck.importer;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one parse; parsers never throw for bad input, they report and go on. */
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

    public void error(int line, String message) {
        add(new ImportProblem(ImportProblem.ERROR, line, null, message));
    }

    public void error(String ref, String message) {
        add(new ImportProblem(ImportProblem.ERROR, 0, ref, message));
    }

    public void warning(int line, String message) {
        add(new ImportProblem(ImportProblem.WARNING, line, null, message));
    }

    public void warning(String ref, String message) {
        add(new ImportProblem(ImportProblem.WARNING, 0, ref, message));
    }

    /** A question that is reported and left out of the import. */
    public void skip(int line, String message) {
        error(line, message + " — the question is skipped");
        skipped++;
    }

    public void skip(String ref, String message) {
        error(ref, message + " — the question is skipped");
        skipped++;
    }

    /** A row the format's own importer would not make a card of: a warning, and left out. */
    public void leaveOut(int line, String message) {
        warning(line, message + "; the row is left out");
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
        all.add(new ImportProblem(ImportProblem.WARNING, 0, null, dropped + " more problems are not listed"));
        return all;
    }
}
