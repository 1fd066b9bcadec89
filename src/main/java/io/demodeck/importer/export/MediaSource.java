package io.demodeck.importer.export;

import io.demodeck.importer.MediaFile;

import java.io.IOException;
import java.util.List;

/** A deck's stored files for an export: the names up front, the bytes one file at a time. */
public interface MediaSource {

    List<String> names();

    /** Hands each file to {@code each}, in name order, without holding more than one in memory. */
    void forEach(Each each) throws IOException;

    @FunctionalInterface
    interface Each {
        void accept(MediaFile file) throws IOException;
    }

    /** Files already in memory. */
    static MediaSource of(List<MediaFile> files) {
        return new MediaSource() {
            @Override
            public List<String> names() {
                return files.stream().map(MediaFile::name).toList();
            }

            @Override
            public void forEach(Each each) throws IOException {
                for (MediaFile f : files) {
                    each.accept(f);
                }
            }
        };
    }
}
