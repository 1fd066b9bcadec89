package io.demodeck.bank;

/** Something wrong in an input file, with the 1-based line it was found on (0 when it concerns the whole file). */
public record ParseProblem(int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
