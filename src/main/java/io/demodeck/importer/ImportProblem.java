package io.demodeck.importer;

/**
 * Something the instructor should know about an imported file.
 *
 * @param severity {@code error} (the question, or the whole file, is not imported) or {@code warning}
 * @param line     1-based line in the file, 0 when the place has no line (then {@code ref} names it)
 * @param ref      where it is when there is no line: in a package ({@code note 1712345678901}, a ZIP entry), a JSON
 *                 path ({@code deck.externalId}), {@code question 3}, {@code deck} or {@code media}
 * @param message  what is wrong and what to fix (NUL shown as U+FFFD, at most 500 characters)
 */
public record ImportProblem(String severity, int line, String ref, String message) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    /** Messages quote the input: a 200 KB field must not become a 200 KB message. */
    static final int MAX_MESSAGE = 500;
    static final int MAX_REF = 200;

    public ImportProblem {
        ref = readable(ref, MAX_REF);
        message = readable(message, MAX_MESSAGE);
    }

    /** NUL cannot be stored in the report (PostgreSQL text and jsonb refuse it); the middle of a long quote goes. */
    private static String readable(String s, int max) {
        if (s == null) {
            return null;
        }
        String r = s.replace('\u0000', '\uFFFD');
        if (r.length() <= max) {
            return r;
        }
        int keep = (max - 1) / 2;
        return r.substring(0, keep) + "…" + r.substring(r.length() - keep);
    }

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
