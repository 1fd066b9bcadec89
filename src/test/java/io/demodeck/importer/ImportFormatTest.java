package io.demodeck.importer;

import org.junit.jupiter.api.Test;

import static io.demodeck.importer.Fixtures.bytes;
import static io.demodeck.importer.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ImportFormatTest {

    @Test
    void detectsFromContentThenName() {
        assertEquals(ImportFormat.ANKI_PACKAGE, ImportFormat.detect("deck.bin", new byte[] {'P', 'K', 3, 4}));
        assertEquals(ImportFormat.ANKI_PACKAGE, ImportFormat.detect("collection.colpkg", utf8("x")));
        assertEquals(ImportFormat.MOODLE_XML, ImportFormat.detect("quiz", utf8("\uFEFF<?xml version=\"1.0\"?><quiz/>")));
        assertEquals(ImportFormat.JSON, ImportFormat.detect("x", utf8("{\"format\": \"demodeck-deck\"}")));
        assertEquals(ImportFormat.MARKDOWN, ImportFormat.detect("x.txt", utf8("# deck: a\n")));
        assertEquals(ImportFormat.MARKDOWN, ImportFormat.detect("notes.md", utf8("## Q\nA")));
        assertEquals(ImportFormat.GIFT, ImportFormat.detect("quiz.txt", bytes("gift/all-types.gift")));
        assertEquals(ImportFormat.ANKI_TEXT, ImportFormat.detect("notes.txt", bytes("anki/notes.txt")));
        assertEquals(ImportFormat.ANKI_TEXT, ImportFormat.detect("cards.csv", utf8("a,b")));
        assertEquals(ImportFormat.ANKI_TEXT, ImportFormat.detect("paste.txt", utf8("term\tdefinition")));
    }

    @Test
    void namesAndAliases() {
        assertEquals(ImportFormat.MOODLE_XML, ImportFormat.fromId("XML").orElseThrow());
        assertEquals(ImportFormat.ANKI_TEXT, ImportFormat.fromId("csv").orElseThrow());
        assertEquals(ImportFormat.QUIZLET, ImportFormat.fromId("quizlet").orElseThrow());
        assertEquals(true, ImportFormat.fromId("pdf").isEmpty());
    }
}
