package io.demodeck.importer.fuzz;

import io.demodeck.importer.ImportFormat;
import io.demodeck.importer.ImportProblem;
import io.demodeck.importer.ImportReport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What every import report owes the instructor, whatever the input: a verdict, and errors that say where. */
public final class ReportChecks {

    /** Text a Java stack trace would show: exception names, qualified class names, NPE and index messages. */
    private static final Pattern RAW = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b"
            + "|\\b(java|javax|jakarta|sun|com\\.fasterxml|org\\.(xml|sqlite|postgresql|hibernate|jsoup)|io\\.demodeck)\\.\\w"
            + "|Cannot invoke \"|because \"[^\"]*\" is null|\\bIndex -?\\d+ out of bounds|SQLITE_[A-Z]+|^null$");

    private ReportChecks() {
    }

    /**
     * Everything wrong with this report for this input; empty when it is fine.
     *
     * @param keepsHistory whether the upload asked to keep the file's review history (only Anki packages have one)
     */
    public static List<String> violations(ImportReport report, ImportFormat format, byte[] input, boolean keepsHistory) {
        List<String> wrong = new ArrayList<>();
        if (!List.of("previewed", "applied", "rejected").contains(report.outcome())) {
            wrong.add("unknown outcome '" + report.outcome() + "'");
        }
        if (report.rejected() && report.problems().stream().noneMatch(ImportProblem::isError)) {
            wrong.add("rejected without an error");
        }
        if (!report.rejected()) {
            ImportReport.Counts c = report.counts();
            if (report.questions() < 1 || c.created() + c.updated() + c.unchanged() != report.questions()) {
                wrong.add("accepted with " + report.questions() + " questions and counts " + c);
            }
        }
        wrong.addAll(history(report, format == ImportFormat.ANKI_PACKAGE && keepsHistory));
        int lines = lines(input);
        boolean binary = format == ImportFormat.ANKI_PACKAGE;
        for (ImportProblem p : report.problems()) {
            String problem = placeAndText(p, binary, lines);
            if (problem != null) {
                wrong.add(problem + ": " + p);
            }
        }
        return wrong;
    }

    /** A history where one is due, whose counts add up: every entry read is carried over or counted as left out. */
    private static List<String> history(ImportReport report, boolean due) {
        ImportReport.History h = report.history();
        boolean expected = due && !report.rejected();
        if (h == null) {
            return expected ? List.of("no history in the report of an accepted Anki package") : List.of();
        }
        if (!expected) {
            return List.of("a history in a report that should have none: " + h);
        }
        List<String> wrong = new ArrayList<>();
        int accounted = h.carriedOver() + h.alreadyImported() + h.skippedManual() + h.skippedUnmapped() + h.skippedInvalid();
        if (Math.min(Math.min(h.carriedOver(), h.alreadyImported()), Math.min(h.skippedManual(),
                Math.min(h.skippedUnmapped(), h.skippedInvalid()))) < 0 || accounted != h.entries()) {
            wrong.add("history counts do not add up to its " + h.entries() + " entries: " + h);
        }
        if (h.carriedOverByDeck().values().stream().mapToInt(Integer::intValue).sum() != h.carriedOver()) {
            wrong.add("history per deck does not add up to " + h.carriedOver() + ": " + h.carriedOverByDeck());
        }
        return wrong;
    }

    private static String placeAndText(ImportProblem p, boolean binary, int lines) {
        if (!ImportProblem.ERROR.equals(p.severity()) && !ImportProblem.WARNING.equals(p.severity())) {
            return "unknown severity";
        }
        if (p.message() == null || p.message().isBlank()) {
            return "empty message";
        }
        // what a message quotes from the file ('…') may be anything, "java.lang.Thread" included
        if (RAW.matcher(p.message().replaceAll("'[^']*'", "''")).find() || p.ref() != null && RAW.matcher(p.ref()).find()) {
            return "raw exception text";
        }
        boolean hasRef = p.ref() != null && !p.ref().isBlank();
        if (p.line() < 0 || p.line() > lines || binary && p.line() != 0) {
            return "line " + p.line() + " is not in the file (" + lines + " lines)";
        }
        if (p.isError() && p.line() == 0 && !hasRef) {
            return "error without a place";
        }
        return null;
    }

    /** Lines as the parsers count them: LF, CRLF and a lone CR each end one. */
    static int lines(byte[] data) {
        int lines = 1;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' || data[i] == '\r' && (i + 1 == data.length || data[i + 1] != '\n')) {
                lines++;
            }
        }
        return lines;
    }
}
