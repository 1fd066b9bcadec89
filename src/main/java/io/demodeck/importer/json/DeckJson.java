package io.demodeck.importer.json;

import io.demodeck.bank.DeckContent;

import java.util.List;

/**
 * The JSON export and import format: the neutral deck model and the deck's files, versioned. Version 2 added
 * {@code media}; version 1 files (without it) still import.
 */
public record DeckJson(String format, int version, DeckContent deck, List<Media> media) {

    public static final String FORMAT = "demodeck-deck";
    public static final int VERSION = 2;

    /** A stored file; {@code data} is base64 in the JSON. */
    public record Media(String name, String contentType, byte[] data) {
    }
}
