package io.demodeck.importer.export;

import io.demodeck.testsupport.AppJson;
import io.demodeck.importer.Fixtures;
import io.demodeck.importer.ImportFormat;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ParsedImport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnkiCsvExporterTest {

    private static final ImportOptions EN = new ImportOptions("sheet", "en", null, null);

    private static List<String> rows(ExportOptions options) {
        ParsedImport parsed = ImportFormat.QUIZLET.parser(AppJson.FILES).parse(Fixtures.utf8(
                "=HYPERLINK(\"http://evil\")\tformula\n+1\tplus\n-2\tminus\n@SUM(A1)\tat\nsafe\t=1+1\n"), "q.txt", EN);
        String text = new String(Fixtures.written(ExportFormat.ANKI_CSV.export(parsed.deck(), MediaSource.of(List.of()),
                options, AppJson.MAPPER)), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasStartWithAnApostropheByDefault() {
        for (String row : rows(ExportOptions.defaults())) {
            for (String cell : row.split("\t")) {
                String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(AnkiCsvExporter.looksLikeFormula(unquoted), () -> "cell " + cell + " of " + row);
            }
        }
        assertTrue(rows(ExportOptions.defaults()).stream().anyMatch(r -> r.contains("\t'=HYPERLINK")), rows(ExportOptions.defaults())::toString);
    }

    @Test
    void theOptionOffWritesCellsAsTheyAre() {
        List<String> rows = rows(new ExportOptions(false));
        assertTrue(rows.stream().anyMatch(r -> r.contains("\t=HYPERLINK") || r.contains("\t\"=HYPERLINK")), rows::toString);
        assertEquals(5, rows.size());
    }
}
