package io.demodeck.importer.export;

import java.util.List;

/** An exported deck: the file's text, how to name and serve it, and what the format could not carry. */
public record Exported(String content, String extension, String mediaType, List<String> warnings) {

    public Exported {
        warnings = List.copyOf(warnings);
    }
}
