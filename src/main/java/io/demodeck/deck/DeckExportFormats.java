package io.demodeck.deck;

import java.util.List;

/**
 * The export formats a deck's manage and purge pages link to. The exporters ({@code importer.export}, a layer above
 * the deck) know them and implement this: the deck pages ask through it instead of depending on them.
 */
public interface DeckExportFormats {

    /** The format ids in the order the pages list them; each one downloads at /decks/{deck}/export?format={id}. */
    List<String> ids();
}
