package io.demodeck.importer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something the instructor should know about an imported file. The parsers say what is wrong as a {@code code} with
 * its {@code args}; the text in a language comes from the {@code imp} message bundle ({@link ImportTexts}).
 *
 * @param severity {@code error} (the question, or the whole file, is not imported) or {@code warning}
 * @param line     1-based line in the file, 0 when the place has no line (then {@code ref} names it)
 * @param ref      where it is when there is no line: in a package ({@code note 1712345678901}, a ZIP entry), a JSON
 *                 path ({@code deck.externalId}), {@code question 3}, {@code deck} or {@code media}
 * @param message  what is wrong and what to fix, in the language of the page or the API request (NUL shown as
 *                 U+FFFD, at most 500 characters); null until {@link ImportTexts} has said it in a language
 * @param code     the problem's message key in the {@code imp} bundle ({@link ProblemCode}); null in a report recorded
 *                 before problems had codes, whose message is English then
 * @param args     the values the message quotes, by name ({@code value}, {@code count} …), as written in the file
 * @param leftOut  {@code question} when the question is skipped, {@code row} when the row is left out, else null
 */
public record ImportProblem(String severity, int line, String ref, String message, String code,
                            Map<String, Object> args, String leftOut) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String QUESTION_SKIPPED = "question";
    public static final String ROW_LEFT_OUT = "row";
    /** Messages quote the input: a 200 KB field must not become a 200 KB message. */
    static final int MAX_MESSAGE = 500;
    static final int MAX_REF = 200;
    static final int MAX_ARG = 300;

    public ImportProblem {
        ref = readable(ref, MAX_REF);
        message = readable(message, MAX_MESSAGE);
        args = args == null ? Map.of() : kept(args);
    }

    /**
     * Numbers as they are, texts readable and cut; a list (the problems of a cloze text) is kept with its own keys and
     * values; absent values are left out.
     */
    private static Map<String, Object> kept(Map<?, ?> values) {
        Map<String, Object> kept = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                kept.put(String.valueOf(name), keptValue(value));
            }
        });
        return Collections.unmodifiableMap(kept);
    }

    private static Object keptValue(Object value) {
        return switch (value) {
            case Number n -> n;
            case Map<?, ?> m -> kept(m);
            case java.util.List<?> l -> l.stream().filter(java.util.Objects::nonNull).map(ImportProblem::keptValue).toList();
            default -> readable(String.valueOf(value), MAX_ARG);
        };
    }

    /** A problem as a parser reports it: {@code args} in the order of {@link ProblemCode#params()}. */
    public static ImportProblem of(String severity, int line, String ref, String leftOut, ProblemCode code,
                                   Object... args) {
        if (args.length != code.params().size()) {
            throw new IllegalArgumentException(code + " takes " + code.params() + ", given " + args.length + " values");
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            named.put(code.params().get(i), args[i]);
        }
        return new ImportProblem(severity, line, ref, null, code.key(), named, leftOut);
    }

    /** The same problem said in words. */
    public ImportProblem withMessage(String text) {
        return new ImportProblem(severity, line, ref, text, code, args, leftOut);
    }

    /** NUL cannot be stored in the report (PostgreSQL text and jsonb refuse it); the middle of a long quote goes. */
    static String readable(String s, int max) {
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

    @JsonIgnore
    public boolean isError() {
        return ERROR.equals(severity);
    }

    /** Whether this problem is {@code code}: what tests and callers compare instead of a text in one language. */
    public boolean is(ProblemCode expected) {
        return expected.key().equals(code);
    }

    /** A value the message quotes, as text. */
    public String arg(String name) {
        Object v = args.get(name);
        return v == null ? null : String.valueOf(v);
    }

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ": " : ref != null ? ref + ": " : "";
        String what = message != null ? message : code + args + (leftOut == null ? "" : " (" + leftOut + " left out)");
        return severity + " " + where + what;
    }
}
