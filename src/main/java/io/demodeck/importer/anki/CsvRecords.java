package io.demodeck.importer.anki;

import io.demodeck.importer.ProblemCode;

import io.demodeck.importer.ImportLog;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 records ("…", "" for a quote, newlines inside quotes) with the line each record starts on. */
final class CsvRecords {

    record Row(int line, List<String> fields) {
    }

    private CsvRecords() {
    }

    /**
     * @param firstLine the line number of {@code text}'s first character in the file
     */
    static List<Row> read(String text, char separator, int firstLine, ImportLog log) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = firstLine;
        int rowLine = firstLine;
        boolean quoted = false;
        boolean fieldStart = true;
        int quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                quoteLine = line;
                fieldStart = false;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    rows.add(new Row(rowLine, List.copyOf(fields)));
                }
                fields.clear();
                line++;
                rowLine = line;
                fieldStart = true;
            } else {
                field.append(c);
                fieldStart = false;
            }
        }
        if (quoted) {
            log.skip(quoteLine, ProblemCode.CSV_QUOTE_NOT_CLOSED);
            return rows;
        }
        fields.add(field.toString());
        if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }

    /** RFC 4180 quoting for the exporter: only when the field needs it. */
    static String quote(String value, char separator) {
        if (value.indexOf(separator) < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0 && !value.startsWith("#")) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
