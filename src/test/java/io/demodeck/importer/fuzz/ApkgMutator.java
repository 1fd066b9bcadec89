package io.demodeck.importer.fuzz;

import com.github.luben.zstd.Zstd;
import org.sqlite.SQLiteConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Mutations of an Anki package, raw and structural: the ZIP's own bytes and headers (lying sizes), and a valid ZIP
 * around a damaged part: the SQLite collection (edited rows or broken pages), the zstd stream, the meta protobuf,
 * the media list, entry names, and compression bombs.
 */
final class ApkgMutator {

    private static final String[] ENTRY_NAMES = {"collection.anki21", "collection.anki2", "collection.anki21b", "meta",
            "media", "0", "1", "999999", "collection.anki21/", "Collection.anki21", "../collection.anki21",
            "collection.", "media/", "00", "-1", "collection.anki21b.tmp"};
    /** Kinds of edit of the review log, besides those of notes, cards, decks and note types. */
    private static final int REVLOG_EDITS = 6;
    private static final Map<String, byte[]> ZIP_BOMBS = new java.util.HashMap<>();
    private static byte[] zstdBomb;

    private final Mutator text;
    private final Mutator raw;
    private final Mutator json;

    ApkgMutator(Mutator text, Mutator raw, Mutator json) {
        this.text = text;
        this.raw = raw;
        this.json = json;
    }

    Mutator.Mutation mutate(byte[] seed, SplittableRandom r) {
        Map<String, byte[]> entries = entries(seed);
        boolean modern = entries.containsKey("collection.anki21b");
        // DemoDeck's own packages are schema 11 in collection.anki2, as Anki's older ones
        String collectionName = modern ? "collection.anki21b"
                : entries.containsKey("collection.anki21") ? "collection.anki21" : "collection.anki2";
        // the bombs cost a few hundred milliseconds each: one input in 400 of each kind
        int roll = r.nextInt(400);
        int kind = roll >= 398 ? roll - 360 : roll * 38 / 398;
        if (kind < 8) {
            return raw.mutate(seed, r, List.of(seed));
        }
        if (kind < 11) {
            return headers(zip(entries, r.nextBoolean()), r);
        }
        if (kind < 22) {
            byte[] db = modern ? Zstd.decompress(entries.get(collectionName), 64 << 20) : entries.get(collectionName);
            String what = sql(db, r);
            byte[] changed = lastDb;
            entries.put(collectionName, modern ? Zstd.compress(changed) : changed);
            return new Mutator.Mutation(zip(entries, false), "collection: " + what);
        }
        if (kind < 25) {
            byte[] db = modern ? Zstd.decompress(entries.get(collectionName), 64 << 20) : entries.get(collectionName);
            Mutator.Mutation m = pages(db, r);
            entries.put(collectionName, modern ? Zstd.compress(m.data()) : m.data());
            return new Mutator.Mutation(zip(entries, false), "collection file: " + m.description());
        }
        if (kind < 27 && modern) {
            Mutator.Mutation m = raw.mutate(entries.get(collectionName), r, List.of());
            entries.put(collectionName, m.data());
            return new Mutator.Mutation(zip(entries, false), "zstd stream: " + m.description());
        }
        if (kind < 30) {
            byte[] meta = protobuf(r);
            entries.put("meta", meta);
            return new Mutator.Mutation(zip(entries, false), "meta -> " + Mutator.printable(meta));
        }
        if (kind < 34) {
            String what = media(entries, modern, r);
            return new Mutator.Mutation(zip(entries, false), "media: " + what);
        }
        if (kind < 38) {
            String what = names(entries, r);
            return new Mutator.Mutation(zip(entries, r.nextBoolean()), "entries: " + what);
        }
        if (kind == 38) {
            String name = r.nextBoolean() ? "0" : collectionName;
            return new Mutator.Mutation(zipWithBomb(entries, name), "zip bomb as entry " + name);
        }
        entries.put("collection.anki21b", zstdBomb());
        entries.put("meta", new byte[] {0x08, 0x03});
        return new Mutator.Mutation(zip(entries, false), "zstd bomb as collection.anki21b");
    }

    // ---- the SQLite collection ---------------------------------------------------------------------------------

    private byte[] lastDb;

    /** Edits the collection with SQL: hostile field values, wrong types, missing rows, tables or columns. */
    private String sql(byte[] db, SplittableRandom r) {
        Path file = null;
        try {
            file = Files.createTempFile("fuzz-anki", ".db");
            Files.write(file, db);
            List<String> done = new ArrayList<>();
            try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                boolean schema18 = count(st, "select count(*) from sqlite_master where name = 'notetypes'") > 0;
                int edits = 1 + r.nextInt(3);
                for (int i = 0; i < edits; i++) {
                    done.add(edit(c, st, schema18, r));
                }
            }
            lastDb = Files.readAllBytes(file);
            return String.join("; ", done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temp folder is cleaned by the system
                }
            }
        }
    }

    private String edit(Connection c, Statement st, boolean schema18, SplittableRandom r) throws SQLException {
        List<Long> notes = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select id from notes")) {
            while (rs.next()) {
                notes.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            // an earlier edit dropped the table: the later ones fail and say so
        }
        long note = notes.isEmpty() ? 0 : notes.get(r.nextInt(notes.size()));
        int kinds = schema18 ? 24 : 20;
        int k = r.nextInt(kinds + REVLOG_EDITS);
        String sql;
        Object value = null;
        if (k >= kinds) {
            // the review log: hostile times, cards, ratings and kinds; many entries; none; no table
            switch (k - kinds) {
                case 0, 1 -> {
                    value = r.nextBoolean() ? (Object) r.nextLong() : hostile(r);
                    sql = "update revlog set " + pick(r, "id", "cid", "ease", "time", "type")
                            + " = ? where id = (select id from revlog order by id limit 1 offset " + r.nextInt(14) + ")";
                }
                case 2 -> {
                    value = hostile(r);
                    sql = "update revlog set " + pick(r, "ease", "type", "time", "cid") + " = ?";
                }
                case 3 -> sql = "with recursive n(v) as (select 1 union all select v + 1 from n where v < "
                        + (1 + r.nextInt(300)) + ") insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                        + "select id + v, cid, usn, ease, ivl, lastIvl, factor, time, type from revlog, n";
                case 4 -> sql = "update cards set ord = " + pick(r, "ord + 1", "-1", "99", "null", "'x'");
                default -> sql = pick(r, "delete from revlog", "drop table revlog", "alter table revlog rename column "
                        + pick(r, "id", "cid", "ease", "time", "type") + " to x");
            }
            return run(c, sql, value);
        }
        switch (k) {
            case 0, 1, 2, 3 -> {
                String flds = string(st, "select flds from notes where id = " + note);
                value = new String(text.mutate(utf8(flds == null ? "" : flds), r, List.of()).data(), StandardCharsets.UTF_8);
                sql = "update notes set flds = ? where id = " + note;
            }
            case 4 -> {
                value = hostile(r);
                sql = "update notes set flds = ? where id = " + note;
            }
            case 5 -> {
                value = hostile(r);
                sql = "update notes set guid = ? where id = " + note;
            }
            case 6 -> {
                value = hostile(r);
                sql = "update notes set tags = ? where id = " + note;
            }
            case 7 -> {
                value = r.nextBoolean() ? (Object) r.nextLong() : hostile(r);
                sql = "update notes set mid = ? where id = " + note;
            }
            case 8 -> sql = "update notes set id = " + (r.nextBoolean() ? -1 : r.nextLong()) + " where id = " + note;
            case 9 -> sql = "insert into notes select id + " + (1 + r.nextInt(1000)) + ", guid, mid, mod, usn, tags, flds, "
                    + "sfld, csum, flags, data from notes";
            case 10 -> sql = "update notes set flds = X'" + "00ff1f".repeat(1 + r.nextInt(50)) + "' where id = " + note;
            case 11 -> sql = "delete from " + pick(r, "notes", "cards", "col", schema18 ? "notetypes" : "col");
            case 12 -> sql = "drop table " + pick(r, "notes", "cards", "col", schema18 ? "decks" : "col",
                    schema18 ? "fields" : "notes", schema18 ? "templates" : "cards");
            case 13 -> sql = "alter table " + pick(r, "notes", "cards") + " rename column "
                    + pick(r, "id", "nid", "flds", "guid", "mid", "tags", "did", "reps", "type") + " to x";
            case 14 -> {
                value = hostile(r);
                sql = "update cards set " + pick(r, "nid", "did", "type", "reps") + " = ?";
            }
            case 15 -> sql = "insert into notes (id, guid, mid, tags, flds) select id + 100000 + value, guid || value, mid, "
                    + "tags, flds from notes, generate_series(1, " + (1 + r.nextInt(3000)) + ")";
            case 16, 17 -> {
                if (schema18) {
                    value = hostile(r);
                    sql = "update decks set name = ?";
                } else {
                    String decks = string(st, "select decks from col");
                    value = new String(json.mutate(utf8(decks == null ? "{}" : decks), r, List.of()).data(), StandardCharsets.UTF_8);
                    sql = "update col set decks = ?";
                }
            }
            case 18, 19 -> {
                if (schema18) {
                    value = r.nextBoolean() ? hostile(r) : protobuf(r);
                    sql = "update notetypes set " + pick(r, "name", "config", "id") + " = ?";
                } else {
                    String models = string(st, "select models from col");
                    value = new String(json.mutate(utf8(models == null ? "{}" : models), r, List.of()).data(), StandardCharsets.UTF_8);
                    sql = "update col set models = ?";
                }
            }
            case 20 -> {
                value = hostile(r);
                sql = "update fields set " + pick(r, "name", "ntid", "ord") + " = ?";
            }
            case 21 -> sql = "delete from " + pick(r, "fields", "templates", "decks");
            case 22 -> sql = "insert into templates select * from templates";
            default -> {
                value = r.nextBoolean() ? (Object) r.nextLong() : hostile(r);
                sql = "update decks set id = ?";
            }
        }
        return run(c, sql, value);
    }

    /** Runs one edit; what it did, or that SQLite refused it. */
    private static String run(Connection c, String sql, Object value) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (value instanceof byte[] b) {
                ps.setBytes(1, b);
            } else if (value != null) {
                ps.setObject(1, value);
            }
            ps.execute();
            return sql + (value == null ? "" : " [" + Mutator.printable(value instanceof byte[] b ? b
                    : utf8(String.valueOf(value))) + "]");
        } catch (SQLException e) {
            return "(refused by SQLite: " + sql + ")";
        }
    }

    /** Values no Anki writes: empty, NUL, huge, markup, wrong types. */
    private static Object hostile(SplittableRandom r) {
        Object[] values = {null, "", "\u0000", "a\u0000b", "x".repeat(300), "y".repeat(200_000), "\u001f\u001f\u001f",
                "../../etc/passwd", "<script>alert(1)</script>", "{{c1::", "[sound:../x.mp3]", "Ж\uD800", 0, -1,
                Long.MAX_VALUE, 3.5, new byte[] {0, (byte) 0xff, 0x1f}, "Spanish\u001f", "::", " "};
        return values[r.nextInt(values.length)];
    }

    /** Broken pages: flipped bytes in the header or a b-tree page, or the file cut short. */
    private Mutator.Mutation pages(byte[] db, SplittableRandom r) {
        byte[] out = db.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                int at = r.nextInt(Math.min(100, out.length));
                out[at] = (byte) r.nextInt(256);
                return new Mutator.Mutation(out, "header byte " + at);
            }
            case 1 -> {
                int at = Mutator.pos(r, out.length);
                return new Mutator.Mutation(java.util.Arrays.copyOf(out, at), "truncated at " + at);
            }
            case 2 -> {
                int page = 4096;
                int start = page * r.nextInt(Math.max(1, out.length / page));
                int n = 1 + r.nextInt(16);
                for (int i = 0; i < n; i++) {
                    int at = Math.min(out.length - 1, start + r.nextInt(Math.min(page, out.length - start)));
                    out[at] = (byte) r.nextInt(256);
                }
                return new Mutator.Mutation(out, n + " bytes of the page at " + start);
            }
            default -> {
                return raw.mutate(db, r, List.of());
            }
        }
    }

    // ---- meta, media, names ------------------------------------------------------------------------------------

    /** A protobuf-ish message: valid varints, wrong wire types, cut lengths, or noise. */
    private static byte[] protobuf(SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int fields = r.nextInt(4);
        for (int i = 0; i < fields; i++) {
            int wire = new int[] {0, 0, 1, 2, 2, 3, 5, 7}[r.nextInt(8)];
            int number = r.nextInt(5) == 0 ? r.nextInt(1 << 20) : 1 + r.nextInt(3);
            varint(out, ((long) number << 3) | wire);
            switch (wire) {
                case 0 -> varint(out, r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(6));
                case 2 -> {
                    int len = r.nextInt(5) == 0 ? r.nextInt(Integer.MAX_VALUE) : r.nextInt(12);
                    varint(out, len);
                    for (int b = 0; b < Math.min(len, 12); b++) {
                        out.write(r.nextInt(256));
                    }
                }
                default -> {
                    for (int b = 0; b < r.nextInt(9); b++) {
                        out.write(r.nextInt(256));
                    }
                }
            }
        }
        if (r.nextInt(4) == 0) {
            out.write(0x80 | r.nextInt(128)); // a varint that never ends
        }
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private String media(Map<String, byte[]> entries, boolean modern, SplittableRandom r) {
        if (modern) {
            switch (r.nextInt(4)) {
                case 0 -> {
                    byte[] list = protobuf(r);
                    entries.put("media", Zstd.compress(list));
                    return "list -> zstd " + Mutator.printable(list);
                }
                case 1 -> {
                    Mutator.Mutation m = raw.mutate(entries.get("media"), r, List.of());
                    entries.put("media", m.data());
                    return "zstd list " + m.description();
                }
                case 2 -> {
                    byte[] name = utf8(String.valueOf(hostile(r)));
                    ByteArrayOutputStream entry = new ByteArrayOutputStream();
                    entry.write(0x0a);
                    varint(entry, name.length);
                    entry.writeBytes(name);
                    ByteArrayOutputStream list = new ByteArrayOutputStream();
                    list.write(0x0a);
                    varint(list, entry.size());
                    list.writeBytes(entry.toByteArray());
                    entries.put("media", Zstd.compress(list.toByteArray()));
                    return "one file named '" + Mutator.printable(name) + "'";
                }
                default -> {
                    Mutator.Mutation m = raw.mutate(entries.get("0"), r, List.of());
                    entries.put("0", r.nextBoolean() ? m.data() : Zstd.compress(m.data()));
                    return "file 0 " + m.description();
                }
            }
        }
        if (r.nextBoolean()) {
            Mutator.Mutation m = json.mutate(entries.get("media"), r, List.of());
            entries.put("media", m.data());
            return "map " + m.description();
        }
        Object name = hostile(r);
        String key = new String[] {"0", "1", "-1", "99999999999999999999", "", "a"}[r.nextInt(6)];
        String value = name instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\u0000", "\\u0000").replace("\u001f", "\\u001f") + "\"" : String.valueOf(name);
        entries.put("media", utf8("{\"" + key + "\": " + value + "}"));
        return "map {" + key + ": " + Mutator.printable(utf8(value)) + "}";
    }

    private static String names(Map<String, byte[]> entries, SplittableRandom r) {
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.get(r.nextInt(names.size()));
        String other = ENTRY_NAMES[r.nextInt(ENTRY_NAMES.length)];
        switch (r.nextInt(5)) {
            case 0 -> {
                entries.remove(name);
                return "remove " + name;
            }
            case 1 -> {
                entries.put(other, entries.remove(name));
                return "rename " + name + " to " + other;
            }
            case 2 -> {
                entries.put(other, entries.get(name));
                return "copy " + name + " to " + other;
            }
            case 3 -> {
                int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 21_000 : 50);
                for (int i = 0; i < n; i++) {
                    entries.put("x" + i, new byte[] {1});
                }
                return "add " + n + " small entries";
            }
            default -> {
                entries.put(other, new byte[0]);
                return "empty entry " + other;
            }
        }
    }

    // ---- ZIP ---------------------------------------------------------------------------------------------------

    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** @param stored write STORED entries, whose local headers carry the sizes a later mutation can falsify */
    static byte[] zip(Map<String, byte[]> entries, boolean stored) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                ZipEntry entry = new ZipEntry(e.getKey());
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rewrites one field of a local or central header: method, CRC, sizes, name or extra length, offset. */
    private static Mutator.Mutation headers(byte[] zip, SplittableRandom r) {
        List<Integer> local = find(zip, new byte[] {'P', 'K', 3, 4});
        List<Integer> central = find(zip, new byte[] {'P', 'K', 1, 2});
        boolean isLocal = central.isEmpty() || r.nextBoolean() && !local.isEmpty();
        List<Integer> at = isLocal ? local : central;
        if (at.isEmpty()) {
            return new Mutator.Mutation(zip, "no header to change");
        }
        int header = at.get(r.nextInt(at.size()));
        int[][] fields = isLocal
                ? new int[][] {{8, 2}, {14, 4}, {18, 4}, {22, 4}, {26, 2}, {28, 2}, {6, 2}}
                : new int[][] {{10, 2}, {16, 4}, {20, 4}, {24, 4}, {28, 2}, {30, 2}, {32, 2}, {42, 4}};
        int[] field = fields[r.nextInt(fields.length)];
        long[] values = {0, 1, 8, 12, 0xffff, 0x7fffffffL, 0xffffffffL, r.nextInt(1 << 16), r.nextLong() & 0xffffffffL};
        long value = values[r.nextInt(values.length)];
        byte[] out = zip.clone();
        int offset = header + field[0];
        if (offset + field[1] > out.length) {
            return new Mutator.Mutation(out, "header past the end");
        }
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        if (field[1] == 2) {
            b.putShort(offset, (short) value);
        } else {
            b.putInt(offset, (int) value);
        }
        return new Mutator.Mutation(out, (isLocal ? "local" : "central") + " header at " + header + ": field +"
                + field[0] + " = " + value);
    }

    private static List<Integer> find(byte[] data, byte[] signature) {
        List<Integer> at = new ArrayList<>();
        outer:
        for (int i = 0; i + signature.length <= data.length; i++) {
            for (int k = 0; k < signature.length; k++) {
                if (data[i + k] != signature[k]) {
                    continue outer;
                }
            }
            at.add(i);
        }
        return at;
    }

    /** The package with one entry of 64 MB of zeros, deflated to some 64 KB (built once per seed and name). */
    private static synchronized byte[] zipWithBomb(Map<String, byte[]> entries, String name) {
        String key = name + "|" + entries.keySet() + "|" + entries.values().stream().mapToInt(java.util.Arrays::hashCode).sum();
        return ZIP_BOMBS.computeIfAbsent(key, k -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(1);
                for (var e : entries.entrySet()) {
                    if (!e.getKey().equals(name)) {
                        zip.putNextEntry(new ZipEntry(e.getKey()));
                        zip.write(e.getValue());
                        zip.closeEntry();
                    }
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(new byte[64 << 20]);
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    /** 300 MB of zeros (more than any collection may have) as one zstd frame of a few KB. */
    private static synchronized byte[] zstdBomb() {
        if (zstdBomb == null) {
            zstdBomb = Zstd.compress(new byte[300 << 20], 3);
        }
        return zstdBomb;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String string(Statement st, String sql) {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
