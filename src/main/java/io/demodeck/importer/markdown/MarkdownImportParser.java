package io.demodeck.importer.markdown;

import io.demodeck.bank.BankMarkdownParser;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.ParseResult;
import io.demodeck.importer.ImportLog;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportParser;
import io.demodeck.importer.ImportText;
import io.demodeck.importer.ParsedImport;
import io.demodeck.importer.ProblemCode;

import java.util.List;

/** DemoDeck Markdown and plain Markdown, read by the bank's own parser so both stay one format. */
public final class MarkdownImportParser implements ImportParser {

    @Override
    public ParsedImport parse(byte[] data, String fileName, ImportOptions options) {
        ImportLog log = new ImportLog();
        String text = ImportText.utf8(data, log);
        if (text == null) {
            return ParsedImport.rejected(log);
        }
        String name = fileName == null || fileName.isBlank() ? "import.md" : fileName;
        ParseResult result = new BankMarkdownParser().parse(name, text);
        if (!result.isOk()) {
            // the bank format is strict: a file loads whole or not at all, like the questions/ folder
            result.problems().forEach(p -> log.error(p.line(), ProblemCode.byKey(p.code()), p.args().toArray()));
            return ParsedImport.rejected(log);
        }
        DeckContent deck = result.deck();
        if (options.deck() != null) {
            deck = new DeckContent(options.deck(), deck.originalLanguage(), deck.source(), deck.texts(), deck.questions());
        }
        return new ParsedImport(deck, log.problems(), 0, List.of());
    }
}
