package io.demodeck.importer.export;

import io.demodeck.testsupport.AppJson;
import io.demodeck.importer.ProblemCode;

import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.Fixtures;
import io.demodeck.importer.ImportFormat;
import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ParsedImport;
import io.demodeck.importer.fuzz.FuzzCorpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random valid decks (mutated files of every import format that the importer accepts) go through every exporter:
 * none may fail, and the Anki package and JSON read back to the same questions (Moodle XML: the same ids).
 * {@code -Dfuzz.export-iterations} inputs per import format (default 40), {@code -Dfuzz.seed} as in ImportFuzzTest.
 */
class ExportFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
    private static final int ITERATIONS = Integer.getInteger("fuzz.export-iterations", 40);
    private static final MediaSource NO_MEDIA = MediaSource.of(List.of());

    @Test
    void everyAcceptedDeckExportsInEveryFormatAndReadsBack() {
        FuzzCorpus corpus = new FuzzCorpus();
        List<String> failures = new ArrayList<>();
        int decks = 0;
        for (ImportFormat in : ImportFormat.values()) {
            for (int i = 0; i < ITERATIONS; i++) {
                FuzzCorpus.Case c = corpus.generate(in, SEED, i);
                ParsedImport parsed;
                try {
                    parsed = in.parser(AppJson.FILES).parse(c.data(), c.fileName(), c.options().withDeck("fuzz-export"));
                } catch (RuntimeException e) {
                    continue; // the import fuzz test's business
                }
                if (parsed.rejected() || parsed.deck().questions().isEmpty()) {
                    continue;
                }
                decks++;
                DeckContent deck = parsed.deck();
                MediaSource media = MediaSource.of(parsed.media());
                for (ExportFormat out : ExportFormat.values()) {
                    try {
                        byte[] file = Fixtures.written(out.export(deck, media, AppJson.MAPPER));
                        String wrong = readBack(out, deck, file);
                        if (wrong != null) {
                            failures.add(c.reproduce() + " as " + out.id() + ": " + wrong);
                        }
                    } catch (RuntimeException e) {
                        failures.add(c.reproduce() + " as " + out.id() + ": " + e);
                    }
                }
            }
        }
        assertTrue(decks >= ImportFormat.values().length * ITERATIONS / 4, "enough accepted decks: " + decks);
        List<String> shown = failures.subList(0, Math.min(25, failures.size()));
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n  " + String.join("\n  ", shown));
    }

    /** Null when the export reads back to what it should, else what differs. */
    private static String readBack(ExportFormat out, DeckContent deck, byte[] file) {
        ImportFormat in = switch (out) {
            case APKG -> ImportFormat.ANKI_PACKAGE;
            case JSON -> ImportFormat.JSON;
            case MOODLE_XML -> ImportFormat.MOODLE_XML;
            default -> null;
        };
        if (in == null) {
            return null;
        }
        ParsedImport back = in.parser(AppJson.FILES).parse(file, "back." + out.id(), new ImportOptions("fuzz-export", deck.originalLanguage(), null, null));
        if (back.rejected() && out == ExportFormat.APKG && back.problems().stream().anyMatch(p -> p.is(ProblemCode.ZIP_BOMB))) {
            // a mutation's 100,000 repeated characters compress more than 200 times: the importer's bomb guard
            // refuses such a package by design (also one Anki made)
            return null;
        }
        if (back.rejected()) {
            return "rejected on import: " + back.problems();
        }
        List<String> expected = deck.questions().stream()
                .filter(q -> out != ExportFormat.APKG || q.type() != QuestionType.DESCRIPTION)
                .map(QuestionContent::externalId).toList();
        List<String> actual = back.deck().questions().stream().map(QuestionContent::externalId).toList();
        if (!expected.equals(actual)) {
            return "questions " + expected + " came back as " + actual + " " + back.problems();
        }
        if (out == ExportFormat.JSON && !deck.questions().stream().map(q -> q.withLine(0)).toList()
                .equals(back.deck().questions().stream().map(q -> q.withLine(0)).toList())) {
            return "JSON changed the questions";
        }
        return null;
    }
}
