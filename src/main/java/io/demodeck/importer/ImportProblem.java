package io.demodeck.importer;

/**
 * Something the instructor should know about an imported file.
 *
 * @param severity {@code error} (the question, or the whole file, is not imported) or {@code warning}
 * @param line     1-based line in the file, 0 when it concerns the whole file or the format has no lines
 * @param ref      where in a package it is, when there are no lines (e.g. {@code note 1712345678901})
 * @param message  what is wrong and what to fix
 */
public record ImportProblem(String severity, int line, String ref, String message) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return ERROR.equals(severity);
    }

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ": " : ref != null ? ref + ": " : "";
        return severity + " " + where + message;
    }
}
