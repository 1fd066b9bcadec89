package io.demodeck.classes;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The dashboard's two tables as CSV (RFC 4180). Spreadsheet-safe like the deck exports: a cell a spreadsheet would
 * run as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */
final class DashboardCsv {

    private DashboardCsv() {
    }

    static void learners(ClassDashboard.Dashboard d, Writer out) throws IOException {
        out.write("username,cards_studied,due_now,true_retention_30d,retention_reviews_30d,last_active,streak_days\r\n");
        for (ClassDashboard.LearnerRow r : d.learners()) {
            out.write(String.join(",", cell(r.username()), Long.toString(r.cardsStudied()), Long.toString(r.dueNow()),
                    share(r.retention()), Long.toString(r.retentionReviews()),
                    r.lastActive() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(r.lastActive()),
                    Integer.toString(r.streak())));
            out.write("\r\n");
        }
    }

    static void questions(ClassDashboard.Dashboard d, Writer out) throws IOException {
        out.write("deck,question,type,text,answers,again_rate,first_try_learners,first_try_correct,mean_difficulty,wrong_options_chosen_most\r\n");
        for (ClassDashboard.QuestionRow q : d.questions()) {
            String wrong = q.wrongOptions().stream().map(w -> w.text() + " (" + w.count() + ")")
                    .collect(Collectors.joining("; "));
            out.write(String.join(",", cell(q.deck()), cell(q.externalId()), q.type().name(), cell(q.label()),
                    Long.toString(q.answers()), share(q.againRate()), Long.toString(q.firstTryLearners()),
                    share(q.firstTry()), q.meanDifficulty() == null ? "" : String.format(Locale.ROOT, "%.2f", q.meanDifficulty()),
                    cell(wrong)));
            out.write("\r\n");
        }
    }

    private static String share(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
