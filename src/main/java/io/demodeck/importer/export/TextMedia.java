package io.demodeck.importer.export;

import java.util.List;

/** What the text formats say about the deck's media files, whose bytes they cannot carry. */
final class TextMedia {

    private TextMedia() {
    }

    /** One warning per stored file: the questions keep their links, which resolve on this server only. */
    static void warn(List<String> media, List<String> warnings) {
        for (String name : media) {
            warnings.add("media file '" + name + "': this format cannot carry its bytes; the questions link to it on "
                    + "this server. Export as JSON to keep it");
        }
    }
}
