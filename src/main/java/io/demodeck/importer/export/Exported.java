package io.demodeck.importer.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An exported deck: how to name and serve the file, what the format could not carry, and the file itself, written
 * to the response (JSON streamed as it is made, with its media files one at a time).
 */
public record Exported(String extension, String mediaType, List<String> warnings, Body body) {

    public Exported {
        warnings = List.copyOf(warnings);
    }

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
