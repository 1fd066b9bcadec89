package io.demodeck.importer.anki;

import com.github.luben.zstd.Zstd;
import org.sqlite.SQLiteConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small Anki packages the way Anki writes them: legacy schema 11 and modern zstd schema 18. */
public final class ApkgFixtures {

    static final long BASIC = 1001;
    static final long REVERSED = 1002;
    static final long CLOZE = 1003;
    static final long DECK = 2001;
    public static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, 0x01};

    private ApkgFixtures() {
    }

    /** The id of the first note; note i has id {@code FIRST_NOTE + i}. */
    public static final long FIRST_NOTE = 1_700_000_000_000L;

    /** Anki 2.1 legacy package: collection.anki21, JSON media map, plain media files. */
    public static byte[] legacy(String[][] notes) throws Exception {
        return legacy(notes, new long[0][]);
    }

    /** @param revlog review-log rows {id (epoch ms), card id ({@link #cardId}), ease, time (ms), type} */
    public static byte[] legacy(String[][] notes, long[][] revlog) throws Exception {
        byte[] db = database(false, notes, revlog);
        return zip(Map.of("collection.anki21", db, "media", "{\"0\": \"foo.jpg\"}".getBytes(StandardCharsets.UTF_8), "0", JPEG));
    }

    /** The modern package: meta says LATEST, collection.anki21b is zstd, media list is zstd protobuf. */
    public static byte[] modern(String[][] notes) throws Exception {
        return modern(notes, new long[0][]);
    }

    /** @param revlog review-log rows {id (epoch ms), card id ({@link #cardId}), ease, time (ms), type} */
    public static byte[] modern(String[][] notes, long[][] revlog) throws Exception {
        byte[] db = database(true, notes, revlog);
        byte[] name = "foo.jpg".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.write(0x0a);
        entry.write(name.length);
        entry.write(name);
        entry.write(0x10);
        entry.write(JPEG.length);
        byte[] e = entry.toByteArray();
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        list.write(0x0a);
        list.write(e.length);
        list.write(e);
        byte[] dummy = database(false, new String[][] {{"dummy", "1001", "Please update to the latest Anki version\u001f", ""}},
                new long[0][]);
        return zip(Map.of("meta", new byte[] {0x08, 0x03}, "collection.anki21b", Zstd.compress(db),
                "collection.anki2", dummy, "media", Zstd.compress(list.toByteArray()), "0", Zstd.compress(JPEG)));
    }

    /** The Anki card of note {@code note} (0-based) with this ordinal (template, or cloze deletion minus one). */
    public static long cardId(int note, int ordinal) {
        return FIRST_NOTE + 1_000_000L * (ordinal + 1) + note;
    }

    /**
     * notes: {guid, notetype id, fields joined by 0x1f, tags}, each with its cards as Anki makes them (two for the
     * reversed type, one per cloze deletion); the first card of the second note was studied.
     */
    static byte[] database(boolean schema18, String[][] notes, long[][] revlog) throws Exception {
        Path file = Files.createTempFile("apkg-fixture", ".db");
        Files.delete(file);
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("create table col (id integer primary key, crt int, mod int, scm int, ver int, dty int, usn int, ls int, "
                    + "conf text, models text, decks text, dconf text, tags text)");
            st.execute("create table notes (id integer primary key, guid text, mid int, mod int, usn int, tags text, flds text, "
                    + "sfld text, csum int, flags int, data text)");
            st.execute("create table cards (id integer primary key, nid int, did int, ord int, mod int, usn int, type int, "
                    + "queue int, due int, ivl int, factor int, reps int, lapses int, left int, odue int, odid int, flags int, data text)");
            st.execute("create table revlog (id integer primary key, cid int, usn int, ease int, ivl int, lastIvl int, "
                    + "factor int, time int, type int)");
            if (schema18) {
                st.execute("insert into col values (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '')");
                st.execute("create table notetypes (id integer primary key, name text, mtime_secs int, usn int, config blob)");
                st.execute("create table fields (ntid int, ord int, name text, config blob)");
                st.execute("create table templates (ntid int, ord int, name text, mtime_secs int, usn int, config blob)");
                st.execute("create table decks (id integer primary key, name text, mtime_secs int, usn int, common blob, kind blob)");
                try (PreparedStatement nt = c.prepareStatement("insert into notetypes values (?, ?, 0, 0, ?)")) {
                    nt.setLong(1, BASIC); nt.setString(2, "Basic"); nt.setBytes(3, new byte[0]); nt.execute();
                    nt.setLong(1, REVERSED); nt.setString(2, "Basic (and reversed card)"); nt.setBytes(3, new byte[0]); nt.execute();
                    nt.setLong(1, CLOZE); nt.setString(2, "Cloze"); nt.setBytes(3, new byte[] {0x08, 0x01}); nt.execute();
                }
                for (long nt : new long[] {BASIC, REVERSED}) {
                    st.execute("insert into fields values (" + nt + ", 0, 'Front', null), (" + nt + ", 1, 'Back', null)");
                }
                st.execute("insert into fields values (" + CLOZE + ", 0, 'Text', null), (" + CLOZE + ", 1, 'Back Extra', null)");
                st.execute("insert into templates values (" + BASIC + ", 0, 'Card 1', 0, 0, null), (" + REVERSED
                        + ", 0, 'Card 1', 0, 0, null), (" + REVERSED + ", 1, 'Card 2', 0, 0, null), (" + CLOZE + ", 0, 'Cloze', 0, 0, null)");
                st.execute("insert into decks values (" + DECK + ", 'Spanish\u001fVerbs', 0, 0, null, null)");
            } else {
                String models = "{\"" + BASIC + "\": {\"name\": \"Basic\", \"type\": 0, \"flds\": [{\"name\": \"Front\"}, {\"name\": \"Back\"}], \"tmpls\": [{}]},"
                        + "\"" + REVERSED + "\": {\"name\": \"Basic (and reversed card)\", \"type\": 0, \"flds\": [{\"name\": \"Front\"}, {\"name\": \"Back\"}], \"tmpls\": [{}, {}]},"
                        + "\"" + CLOZE + "\": {\"name\": \"Cloze\", \"type\": 1, \"flds\": [{\"name\": \"Text\"}, {\"name\": \"Back Extra\"}], \"tmpls\": [{}]}}";
                String decks = "{\"" + DECK + "\": {\"name\": \"Spanish::Verbs\"}}";
                try (PreparedStatement col = c.prepareStatement("insert into col values (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')")) {
                    col.setString(1, models);
                    col.setString(2, decks);
                    col.execute();
                }
            }
            try (PreparedStatement n = c.prepareStatement("insert into notes values (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')");
                 PreparedStatement card = c.prepareStatement("insert into cards values (?, ?, ?, ?, 0, 0, ?, 0, 0, ?, 2500, ?, 0, 0, 0, 0, 0, '')")) {
                c.setAutoCommit(false);
                for (int i = 0; i < notes.length; i++) {
                    String[] note = notes[i];
                    n.setLong(1, FIRST_NOTE + i); n.setString(2, note[0]); n.setLong(3, Long.parseLong(note[1]));
                    n.setString(4, note[3]); n.setString(5, note[2]); n.execute();
                    for (int ord = 0; ord < cards(note); ord++) {
                        boolean studied = i == 1 && ord == 0;
                        card.setLong(1, cardId(i, ord)); card.setLong(2, FIRST_NOTE + i); card.setLong(3, DECK);
                        card.setInt(4, ord); card.setInt(5, studied ? 2 : 0); card.setInt(6, studied ? 12 : 0);
                        card.setInt(7, studied ? 5 : 0);
                        card.addBatch();
                    }
                }
                card.executeBatch();
            }
            try (PreparedStatement r = c.prepareStatement("insert into revlog values (?, ?, 0, ?, 0, 0, 0, ?, ?)")) {
                for (long[] row : revlog) {
                    r.setLong(1, row[0]); r.setLong(2, row[1]); r.setLong(3, row[2]); r.setLong(4, row[3]); r.setLong(5, row[4]);
                    r.addBatch();
                }
                r.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    private static int cards(String[] note) {
        long type = Long.parseLong(note[1]);
        if (type == REVERSED) {
            return 2;
        }
        if (type == CLOZE) {
            return (int) java.util.regex.Pattern.compile("\\{\\{c(\\d+)::").matcher(note[2]).results()
                    .map(m -> m.group(1)).distinct().count();
        }
        return 1;
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** When {@link #REVLOG} starts (epoch ms). */
    public static final long T0 = java.time.Instant.parse("2026-01-05T09:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long DAY = 86_400_000;

    /** A review log of {@link #NOTES} with every kind of entry: rows {id = time, card, ease, time ms, type}. */
    public static final long[][] REVLOG = {
            {T0, cardId(0, 0), 3, 8000, 0},                       // Basic: learn, Good
            {T0 + 10 * MINUTE, cardId(0, 0), 3, 5000, 0},         // learn, Good
            {T0 + 3 * DAY, cardId(0, 0), 3, 4000, 1},             // review, Good
            {T0 + 10 * DAY, cardId(0, 0), 1, 12000, 1},           // review, Again: a lapse
            {T0 + 10 * DAY + 10 * MINUTE, cardId(0, 0), 3, 6000, 2}, // relearn, Good
            {T0 + 15 * DAY, cardId(0, 0), 2, 7000, 3},            // filtered deck, Hard
            {T0 + 16 * DAY, cardId(0, 0), 0, 0, 4},               // manual: set due date
            {T0 + 20 * DAY, cardId(0, 0), 4, 3000, 1},            // review, Easy
            {T0 + 60 * MINUTE, cardId(1, 1), 4, 2000, 0},         // the reverse card: learn, Easy
            {T0 + 2 * DAY, cardId(1, 1), 0, 0, 5},                // rescheduled (forget)
            {T0 + 5 * MINUTE, cardId(2, 1), 2, 9000, 1},          // cloze deletion c2: review, Hard
            {T0 + 6 * MINUTE, cardId(2, 1), 7, 1000, 1},          // an ease Anki does not define
            {T0 + 7 * MINUTE, cardId(3, 0), 3, 1000, 1},          // the card of the note that is not imported
            {T0 + 8 * MINUTE, 42, 3, 1000, 1},                    // a card that is not in the package
    };

    public static final String[][] NOTES = {
            {"Abc_12", String.valueOf(BASIC), "hablar\u001fto speak <img src=\"foo.jpg\">", "verbs ar"},
            {"q#W]x", String.valueOf(REVERSED), "comer\u001fto eat", "verbs"},
            {"cl0ze", String.valueOf(CLOZE), "Yo {{c1::hablo}} y tú {{c2::comes}}.\u001fPresent tense", ""},
            {"orphan", "999", "no type\u001fx", ""},
    };
}
