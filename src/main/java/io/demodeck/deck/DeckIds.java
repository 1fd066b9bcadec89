package io.demodeck.deck;

import java.util.regex.Pattern;

/**
 * The rule for deck ids, which are also the decks' addresses ({@code /decks/{id}}): 1 to 100 characters, lower-case
 * Latin letters, digits and {@code -}, starting with a letter or digit. The bank's Markdown files give their
 * questions ids by the same rule. The README and the deck forms state it in words.
 */
public final class DeckIds {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private DeckIds() {
    }
}
