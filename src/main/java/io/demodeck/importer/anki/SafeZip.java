package io.demodeck.importer.anki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a ZIP with hard limits, counting the bytes actually inflated (headers can lie): entry count, total
 * uncompressed size and the expansion ratio against the archive, so a zip bomb stops early.
 */
final class SafeZip {

    static final int MAX_ENTRIES = 20_000;
    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;
    static final long MAX_RATIO = 200;

    static final class ZipLimitException extends IOException {
        ZipLimitException(String message) {
            super(message);
        }
    }

    private SafeZip() {
    }

    /** Entry name to content; only names accepted by {@code wanted} are kept in memory, the others are skipped. */
    static Map<String, byte[]> read(byte[] archive, java.util.function.Predicate<String> wanted) throws IOException {
        long budget = Math.min(MAX_TOTAL_BYTES, Math.max(1L, archive.length) * MAX_RATIO);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        int count = 0;
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                if (++count > MAX_ENTRIES) {
                    throw new ZipLimitException("the archive has more than " + MAX_ENTRIES + " entries");
                }
                boolean keep = !entry.isDirectory() && wanted.test(entry.getName());
                ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > budget) {
                        throw new ZipLimitException("the archive expands to more than " + budget / (1024 * 1024)
                                + " MB (at most " + MAX_RATIO + " times its size): it looks like a zip bomb");
                    }
                    if (out != null) {
                        out.write(buffer, 0, n);
                    }
                }
                if (out != null) {
                    entries.put(entry.getName(), out.toByteArray());
                }
            }
        }
        if (!any) {
            throw new java.util.zip.ZipException("no ZIP entries found");
        }
        return entries;
    }

    /** Decompresses zstd with the same kind of budget. */
    static byte[] unzstd(byte[] data, long max) throws IOException {
        try (InputStream in = new com.github.luben.zstd.ZstdInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new ZipLimitException("a compressed entry expands to more than " + max / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
