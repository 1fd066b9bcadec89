package io.demodeck.bank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Something wrong in an input file, with the 1-based line it was found on (0 when it concerns the whole file).
 *
 * @param message in English, for the server's log of the bank folder
 * @param code    the problem's key in the import messages ({@code md_…}), which say it in the page's language when an
 *                instructor imports the file; null for a problem only the bank loader reports
 * @param args    the values the message quotes, in the order of the code's parameters
 */
public record ParseProblem(int line, String message, String code, List<Object> args) {

    public ParseProblem {
        args = Collections.unmodifiableList(new ArrayList<>(args)); // a value may be null: a missing key's
    }

    public ParseProblem(int line, String message) {
        this(line, message, null, List.of());
    }

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
