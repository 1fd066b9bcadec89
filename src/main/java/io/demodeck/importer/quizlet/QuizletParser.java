package io.demodeck.importer.quizlet;

import io.demodeck.importer.ProblemCode;

import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.DeckAssembler;
import io.demodeck.importer.HtmlText;
import io.demodeck.importer.ImportLog;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportParser;
import io.demodeck.importer.ImportText;
import io.demodeck.importer.ParsedImport;

import java.util.List;
import java.util.Locale;

/**
 * A Quizlet export pasted as text. Quizlet neither quotes nor escapes, so the instructor names the two separators
 * ("Between term and definition", default tab; "Between rows", default newline) and each row splits at the first
 * term separator.
 */
public final class QuizletParser implements ImportParser {

    @Override
    public ParsedImport parse(byte[] data, String fileName, ImportOptions options) {
        ImportLog log = new ImportLog();
        String text = ImportText.utf8(data, log);
        if (text == null) {
            return ParsedImport.rejected(log);
        }
        String term = separator(options.termSeparator(), "\t");
        String row = separator(options.rowSeparator(), "\n");
        if (term.equals(row)) {
            log.error(0, ProblemCode.SEPARATORS_DIFFER);
            return ParsedImport.rejected(log);
        }
        String deckId = options.deck() != null ? options.deck() : ImportText.deckIdFromFileName(fileName);
        DeckAssembler deck = new DeckAssembler(deckId, ImportText.language(options, text),
                ImportText.titleFromFileName(fileName), fileName, log);
        int line = 1;
        int pos = 0;
        while (pos <= text.length()) {
            int end = text.indexOf(row, pos);
            String r = end < 0 ? text.substring(pos) : text.substring(pos, end);
            int rowLine = line;
            line += count(r, '\n') + (row.contains("\n") ? count(row, '\n') : 0);
            pos = end < 0 ? text.length() + 1 : end + row.length();
            if (r.isBlank()) {
                continue;
            }
            int cut = r.indexOf(term);
            if (cut < 0) {
                log.skip(rowLine, ProblemCode.NO_TERM_SEPARATOR, ImportText.abbreviate(r));
                continue;
            }
            String t = r.substring(0, cut).strip();
            String d = r.substring(cut + term.length()).strip();
            if (t.isEmpty() || d.isEmpty()) {
                log.skip(rowLine, ProblemCode.TERM_OR_DEFINITION_EMPTY);
                continue;
            }
            // Quizlet's export is plain text: a '#' or '*' in it is a character, not Markdown
            deck.add(null, QuestionType.FLASHCARD, List.of(), HtmlText.plainToMarkdown(t), HtmlText.plainToMarkdown(d), null, null, null, null, List.of(), rowLine, null);
        }
        return deck.build(List.of(), ImportText.lineCount(text));
    }

    /** Accepts the names in Quizlet's form (tab, comma, newline, semicolon) or the literal text, with \t and \n. */
    public static String separator(String value, String fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "tab", "\\t" -> "\t";
            case "comma" -> ",";
            case "newline", "new line", "\\n" -> "\n";
            case "semicolon" -> ";";
            default -> value.replace("\\t", "\t").replace("\\n", "\n");
        };
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
