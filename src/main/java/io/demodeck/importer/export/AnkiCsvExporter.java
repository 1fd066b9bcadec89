package io.demodeck.importer.export;

import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;

import io.demodeck.platform.MarkdownRenderer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Anki "Notes in Plain Text": tab-separated, RFC 4180 quoting, {@code #} headers and a GUID column, so Anki (and
 * DemoDeck) update the same notes on a second import. Fields are the questions' Markdown rendered to HTML
 * ({@code #html:true}), as Anki shows them. Quiz questions become Basic notes whose back lists the right answers.
 * Spreadsheet-safe (the default): a cell a spreadsheet would run as a formula starts with an apostrophe.
 */
final class AnkiCsvExporter {

    private AnkiCsvExporter() {
    }

    static List<String> write(DeckContent deck, List<String> media, Writer out, ExportOptions exportOptions) throws IOException {
        boolean safe = !Boolean.FALSE.equals(exportOptions.spreadsheetSafe());
        List<String> warnings = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        DeckContent.Text title = deck.texts().getOrDefault(deck.originalLanguage(), deck.texts().values().iterator().next());
        sb.append("#separator:tab\n#html:true\n");
        sb.append("#deck:").append(title.title().replaceAll("[\\r\\n]+", " ")).append('\n');
        sb.append("#guid column:1\n#notetype column:2\n#tags column:3\n");
        sb.append("#columns:GUID\tNotetype\tTags\tFront\tBack\n");
        for (QuestionContent q : deck.questions()) {
            out.append(sb); // one question at a time: the file is never whole in memory
            sb.setLength(0);
            QuestionContent.Text t = q.texts().get(q.originalLanguage());
            String lang = q.originalLanguage();
            List<QuestionContent.Option> options = q.options().stream().filter(o -> o.lang().equals(lang)).toList();
            String front = t.prompt();
            String back = t.answer() != null ? t.answer() : t.generalFeedback() != null ? t.generalFeedback() : "";
            if (q.type() == QuestionType.CLOZE) {
                // a Cloze note: its text with {{c1::…}} deletions, the notes as its Back Extra
                sb.append(field(q.externalId(), safe)).append('\t').append("Cloze").append('\t')
                        .append(field(String.join(" ", q.tags()), safe)).append('\t')
                        .append(field(io.demodeck.quiz.cloze.ClozeWriter.ankiClozeText(t.prompt()), safe)).append('\t')
                        .append(field(back.isBlank() ? "" : html(back), safe)).append('\n');
                warnings.add(q.externalId() + ": a cloze question becomes a Cloze note; its choices are the hints of the "
                        + "deletions, weights and feedback are left out");
                continue;
            }
            if (q.type() != QuestionType.FLASHCARD) {
                warnings.add(q.externalId() + ": a " + q.type().fileName() + " question becomes a Basic note");
                StringBuilder choices = new StringBuilder();
                StringBuilder right = new StringBuilder();
                for (QuestionContent.Option o : options) {
                    choices.append("\n- ").append(o.text()).append(o.matchText() == null ? "" : " -> " + o.matchText());
                    if (o.fraction() > 0) {
                        right.append("\n- ").append(o.text()).append(o.matchText() == null ? "" : " -> " + o.matchText());
                    }
                }
                if (q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTIPLE_CHOICE) {
                    front = front + "\n" + choices;
                }
                String solution = switch (q.type()) {
                    case TRUE_FALSE -> String.valueOf(q.correctBoolean());
                    case NUMERICAL -> q.correctMin().equals(q.correctMax()) ? String.valueOf(q.correctMin())
                            : q.correctMin() + ".." + q.correctMax();
                    default -> right.toString().strip();
                };
                back = (solution + "\n\n" + back).strip();
            } else if (!t.keyPoints().isEmpty() || q.texts().size() > 1) {
                warnings.add(q.externalId() + ": key points and other languages have no column in Anki text");
            }
            if (back.isBlank()) {
                back = "—";
            }
            sb.append(field(q.externalId(), safe)).append('\t').append("Basic").append('\t')
                    .append(field(String.join(" ", q.tags()), safe)).append('\t')
                    .append(field(html(front), safe)).append('\t').append(field(html(back), safe)).append('\n');
        }
        out.append(sb);
        TextMedia.warn(media, warnings);
        return warnings;
    }

    private static String html(String markdown) {
        return MarkdownRenderer.inlineHtml(markdown);
    }

    /** A formula in a spreadsheet starts with one of these (OWASP "CSV injection"). */
    static boolean looksLikeFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
    }

    private static String field(String value, boolean spreadsheetSafe) {
        String v = value.strip();
        if (spreadsheetSafe && looksLikeFormula(v)) {
            v = "'" + v;
        }
        if (v.indexOf('\t') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
