package io.demodeck.importer.export;

import io.demodeck.testsupport.AppJson;
import io.demodeck.bank.DeckContent;
import io.demodeck.importer.Fixtures;
import io.demodeck.importer.ImportFormat;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ParsedImport;
import io.demodeck.importer.anki.ApkgFixtures;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every question any importer accepts, from every fixture, exports in every format without an error. */
class EveryFixtureExportsTest {

    private static final ImportOptions OPTIONS = new ImportOptions("exported", "en", null, null);

    @Test
    void everyAcceptedQuestionExportsInEveryFormat() throws Exception {
        Map<String, DeckContent> decks = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : fixtures().entrySet()) {
            ImportFormat format = ImportFormat.detect(file.getKey(), file.getValue());
            ParsedImport parsed = format.parser(AppJson.FILES).parse(file.getValue(), file.getKey(), OPTIONS);
            if (!parsed.rejected()) {
                decks.put(file.getKey(), parsed.deck());
            }
        }
        assertTrue(decks.size() >= 10, "the fixtures give decks: " + decks.keySet());
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, DeckContent> deck : decks.entrySet()) {
            for (ExportFormat format : ExportFormat.values()) {
                try {
                    byte[] written = Fixtures.written(format.export(deck.getValue(), MediaSource.of(List.of()), AppJson.MAPPER));
                    if (written.length == 0) {
                        failures.add(deck.getKey() + " as " + format.id() + ": an empty file");
                    }
                } catch (RuntimeException e) {
                    failures.add(deck.getKey() + " as " + format.id() + ": " + e);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Every text fixture under importer/, and Anki packages of both schemas. */
    static Map<String, byte[]> fixtures() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        files.put("legacy.apkg", ApkgFixtures.legacy(ApkgFixtures.NOTES, ApkgFixtures.REVLOG));
        files.put("modern.apkg", ApkgFixtures.modern(ApkgFixtures.NOTES, ApkgFixtures.REVLOG));
        return files;
    }

    private static Path root() throws URISyntaxException {
        return Path.of(EveryFixtureExportsTest.class.getResource("/importer/gift/all-types.gift").toURI()).getParent().getParent();
    }
}
