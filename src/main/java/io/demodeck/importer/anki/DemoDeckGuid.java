package io.demodeck.importer.anki;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GUID of a note DemoDeck exports to Anki: {@code dd:<deck>:<question>}. Derived from the two stable ids, so a
 * second export of the same deck updates the notes an earlier one made (Anki matches notes by GUID, collection-wide,
 * hence the deck in it), and DemoDeck's own importer turns it back into the question's id.
 */
public final class DemoDeckGuid {

    /** Deck ids are slugs and question ids URL-safe: neither holds a ':'. */
    private static final Pattern GUID = Pattern.compile("dd:[^:]+:([A-Za-z0-9][A-Za-z0-9._-]{0,99})");

    private DemoDeckGuid() {
    }

    public static String of(String deckExternalId, String questionExternalId) {
        return "dd:" + deckExternalId + ":" + questionExternalId;
    }

    /** The question id inside a DemoDeck GUID; any other GUID as it is. */
    public static String questionId(String guid) {
        if (guid == null) {
            return null;
        }
        Matcher m = GUID.matcher(guid.strip());
        return m.matches() ? m.group(1) : guid;
    }
}
