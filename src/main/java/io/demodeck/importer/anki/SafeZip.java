package io.demodeck.importer.anki;

import io.demodeck.importer.ProblemCode;

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
    static final long MIN_ZSTD_BUDGET = 16L * 1024 * 1024;

    /** A package that cannot be read, and where in it: an entry name, or the archive's start. */
    static class ZipProblem extends IOException {
        final String where;
        final ProblemCode code;
        final transient Object[] args;

        ZipProblem(String where, ProblemCode code, Object... args) {
            super(code.key());
            this.where = where;
            this.code = code;
            this.args = args;
        }
    }

    static final class ZipLimitException extends ZipProblem {
        ZipLimitException(String where, ProblemCode code, Object... args) {
            super(where, code, args);
        }
    }

    private SafeZip() {
    }

    /** Entry name to content; only names accepted by {@code wanted} are kept in memory, the others are skipped. */
    static Map<String, byte[]> read(byte[] archive, java.util.function.Predicate<String> wanted) throws ZipProblem {
        long budget = Math.min(MAX_TOTAL_BYTES, Math.max(1L, archive.length) * MAX_RATIO);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        int count = 0;
        // where a damaged archive is reported: the entry being read, or the header after the last good one
        String where = START;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                // a damaged header can leave the name empty: the entry is then known by its number
                where = entry.getName().isBlank() ? "ZIP entry " + (count + 1) : entry.getName();
                if (++count > MAX_ENTRIES) {
                    throw new ZipLimitException(where, ProblemCode.ZIP_TOO_MANY_ENTRIES, MAX_ENTRIES);
                }
                boolean keep = !entry.isDirectory() && wanted.test(entry.getName());
                ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > budget) {
                        throw new ZipLimitException(where, ProblemCode.ZIP_BOMB, budget / (1024 * 1024), MAX_RATIO);
                    }
                    if (out != null) {
                        out.write(buffer, 0, n);
                    }
                }
                if (out != null) {
                    entries.put(entry.getName(), out.toByteArray());
                }
                where = "the entry after " + where;
            }
        } catch (ZipProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // java.util.zip says what is broken ("invalid stored block lengths", "invalid entry size …")
            throw new ZipProblem(where, ProblemCode.ZIP_DAMAGED, e.getMessage() == null ? "" : e.getMessage());
        }
        if (count == 0) {
            throw new ZipProblem(START, ProblemCode.NOT_A_ZIP);
        }
        return entries;
    }

    static final String START = "start of the archive";

    /**
     * Decompresses zstd with the same kind of budget: at most {@code max} bytes and, beyond a small collection's
     * 16 MB, {@link #MAX_RATIO} times the compressed size (a few KB of zstd can declare gigabytes of zeros).
     */
    static byte[] unzstd(byte[] data, long max) throws IOException {
        long limit = Math.min(max, Math.max(MIN_ZSTD_BUDGET, data.length * MAX_RATIO));
        try (InputStream in = new com.github.luben.zstd.ZstdInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new ZipLimitException(null, ProblemCode.ZSTD_TOO_LARGE, limit / (1024 * 1024), MAX_RATIO);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
