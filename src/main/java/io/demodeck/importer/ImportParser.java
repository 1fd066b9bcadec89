package io.demodeck.importer;

/** Reads one file format into the neutral deck model; reports bad input instead of throwing. */
public interface ImportParser {

    ParsedImport parse(byte[] data, String fileName, ImportOptions options);
}
