package io.demodeck.importer.json;

import io.demodeck.bank.DeckContent;

/** The JSON export and import format: the neutral deck model, versioned. */
public record DeckJson(String format, int version, DeckContent deck) {

    public static final String FORMAT = "demodeck-deck";
    public static final int VERSION = 1;

    public static DeckJson of(DeckContent deck) {
        return new DeckJson(FORMAT, VERSION, deck);
    }
}
