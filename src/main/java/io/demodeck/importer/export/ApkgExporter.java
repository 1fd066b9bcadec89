package io.demodeck.importer.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.quiz.cloze.ClozeWriter;
import io.demodeck.importer.anki.DemoDeckGuid;
import io.demodeck.platform.MarkdownRenderer;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Anki package ({@code .apkg}) that Anki 2.1.50+ imports: a legacy {@code collection.anki2} (schema 11) with a
 * "DemoDeck Basic" and a "DemoDeck Cloze" note type, one note per question, the {@code media} map and its numbered
 * files. The front is the prompt (a quiz question with its choices), the back the right answer, the answer text,
 * the key points and what an accurate answer adds. Notes carry the question's tags (spaces become '_': Anki splits
 * tags at spaces) and sit in the deck named after the deck's title, or in its subdeck {@code Title::a::b} when the
 * question's first path tag is {@code a::b} (the category, as in the Moodle export) and the questions are not all
 * in one. GUIDs are
 * {@link DemoDeckGuid}s: importing a later export into Anki updates these notes instead of adding copies. With an
 * {@link AnkiProgress} the cards carry the learner's state (type, queue, due, interval, FSRS memory in
 * {@code cards.data}) and the review log.
 */
final class ApkgExporter {

    static final long BASIC_MODEL = 1_733_000_000_001L;
    static final long CLOZE_MODEL = 1_733_000_000_002L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A link to a stored file as the importers write it: /decks/{deck}/media/{name}. */
    private static final Pattern MEDIA_SRC = Pattern.compile("src=\"/decks/[^/\"]+/media/([^\"/?#]+)\"");
    private static final Pattern MEDIA_ANCHOR = Pattern.compile("<a\\b[^>]*?\\bhref=\"/decks/[^/\"]+/media/([^\"/?#]+)\"[^>]*>.*?</a>",
            Pattern.DOTALL);
    private static final Pattern CLOZE_NUMBER = Pattern.compile("\\{\\{c(\\d{1,3})::");
    private static final Set<String> PLAYED = Set.of("mp3", "ogg", "oga", "wav", "m4a", "mp4", "webm", "flac", "opus");

    private final Function<QuestionContent, String> cloze;

    /** @param cloze a question's text with Anki deletions ({@code {{c1::…}}}), or null: it becomes a Basic note */
    ApkgExporter(Function<QuestionContent, String> cloze) {
        this.cloze = cloze;
    }

    ApkgExporter() {
        this(ApkgExporter::clozeText);
    }

    /**
     * The one place a cloze question becomes an Anki Cloze note: its text with each gap as {@code {{c1::answer}}}
     * (one card: the question is learnt as a whole). Null, a Basic note, for every other type.
     */
    static String clozeText(QuestionContent question) {
        if (question.type() != QuestionType.CLOZE) {
            return null;
        }
        QuestionContent.Text text = question.texts().get(question.originalLanguage());
        return text == null ? null : ClozeWriter.ankiClozeText(text.prompt());
    }

    /** A note before it is written: fields are HTML, Anki's way. */
    private record Note(QuestionContent question, long model, List<String> fields, String tags, String deck,
                        Set<Integer> cardOrdinals) {
    }

    Exported export(DeckContent deck, MediaSource media, AnkiProgress progress) {
        List<String> warnings = new ArrayList<>();
        String title = deckName(deck);
        Set<String> used = new LinkedHashSet<>();
        List<Note> notes = new ArrayList<>();
        for (QuestionContent q : deck.questions()) {
            Note n = note(q, title, used, warnings);
            if (n != null) {
                notes.add(n);
            }
        }
        if (notes.stream().map(Note::deck).distinct().count() == 1) {
            // one category for all: a subdeck would only hide the deck's name
            notes = notes.stream().map(n -> new Note(n.question(), n.model(), n.fields(), n.tags(), title,
                    n.cardOrdinals())).toList();
        }
        // the files the notes show, numbered in the order the media source hands them out
        Set<String> stored = new HashSet<>(media.names());
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (String name : media.names()) {
            if (used.contains(name)) {
                numbers.put(name, numbers.size());
            } else {
                warnings.add("media file '" + name + "': no question shows it, so it is not in the package");
            }
        }
        for (String name : used) {
            if (!stored.contains(name)) {
                warnings.add("media file '" + name + "' is linked but not stored with the deck; Anki will show it as missing");
            }
        }
        byte[] collection = collection(deck, title, notes, progress == null ? AnkiProgress.none() : progress);
        ObjectNode map = NODES.objectNode();
        numbers.forEach((name, i) -> map.put(String.valueOf(i), name));
        byte[] mediaMap = map.toString().getBytes(StandardCharsets.UTF_8);
        return new Exported("apkg", "application/apkg", warnings, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("collection.anki2"));
            zip.write(collection);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("media"));
            zip.write(mediaMap);
            zip.closeEntry();
            media.forEach(file -> {
                Integer number = numbers.get(file.name());
                if (number != null) {
                    zip.putNextEntry(new ZipEntry(String.valueOf(number)));
                    zip.write(file.data());
                    zip.closeEntry();
                }
            });
            zip.finish(); // the response stream is closed by its owner
        });
    }

    /** The deck's title as one Anki deck name: "::" would nest it, line breaks have no place in it. */
    static String deckName(DeckContent deck) {
        DeckContent.Text text = deck.texts().get(deck.originalLanguage());
        if (text == null && !deck.texts().isEmpty()) {
            text = deck.texts().values().iterator().next();
        }
        String title = text == null || text.title() == null || text.title().isBlank() ? deck.externalId() : text.title();
        return title.replaceAll("\\s+", " ").replace("::", ":").strip();
    }

    private Note note(QuestionContent q, String deckTitle, Set<String> used, List<String> warnings) {
        String lang = q.originalLanguage();
        QuestionContent.Text t = q.texts().get(lang);
        if (q.type() == QuestionType.DESCRIPTION) {
            warnings.add(q.externalId() + ": a description is no question; Anki would schedule it as a card, so it is left out");
            return null;
        }
        if (q.texts().size() > 1) {
            warnings.add(q.externalId() + ": an Anki note holds one language; only '" + lang + "' is exported");
        }
        Labels labels = Labels.of(lang);
        List<QuestionContent.Option> options = q.options().stream().filter(o -> lang.equals(o.lang())).toList();
        String tags = tags(q, warnings);
        String category = MoodleXmlExporter.categoryOf(q);
        String deck = category == null ? deckTitle : deckTitle + "::" + category.replaceAll("\\s+", " ");
        String clozeText = cloze.apply(q);
        if (clozeText != null) {
            Set<Integer> ordinals = new TreeSet<>();
            CLOZE_NUMBER.matcher(clozeText).results().forEach(m -> ordinals.add(Integer.parseInt(m.group(1)) - 1));
            if (!ordinals.isEmpty()) {
                String extra = back(q, t, List.of(), labels, false);
                return new Note(q, CLOZE_MODEL, List.of(media(clozeText, used), media(extra, used)), tags, deck, ordinals);
            }
        }
        StringBuilder front = new StringBuilder(html(t.prompt()));
        switch (q.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                front.append("<ol type=\"a\">");
                options.forEach(o -> front.append("<li>").append(inline(o.text())).append("</li>"));
                front.append("</ol>");
            }
            case MATCHING -> {
                front.append("<p><i>").append(labels.match).append("</i></p><ul>");
                options.forEach(o -> front.append("<li>").append(inline(o.text())).append("</li>"));
                front.append("</ul>");
            }
            case TRUE_FALSE -> front.append("<p><i>").append(labels.trueOrFalse).append("</i></p>");
            default -> {
            }
        }
        String back = back(q, t, options, labels, true);
        return new Note(q, BASIC_MODEL, List.of(media(front.toString(), used), media(back, used)), tags, deck, Set.of(0));
    }

    /** The right answer of a quiz question, the answer text, the key points and what an accurate answer adds. */
    private static String back(QuestionContent q, QuestionContent.Text t, List<QuestionContent.Option> options,
                               Labels labels, boolean withSolution) {
        StringBuilder sb = new StringBuilder();
        if (withSolution) {
            String solution = solution(q, options, labels);
            if (solution != null) {
                sb.append("<p><b>").append(labels.rightAnswer).append(":</b></p>").append(solution);
            }
        }
        String answer = t.answer() != null ? t.answer() : t.generalFeedback();
        if (answer != null && !answer.isBlank()) {
            sb.append(html(answer));
        }
        if (t.answer() != null && t.generalFeedback() != null && !t.generalFeedback().isBlank()) {
            sb.append(html(t.generalFeedback()));
        }
        if (!t.keyPoints().isEmpty()) {
            sb.append("<p><b>").append(labels.keyPoints).append(":</b></p><ul>");
            t.keyPoints().forEach(k -> sb.append("<li>").append(inline(k)).append("</li>"));
            sb.append("</ul>");
        }
        if (t.accurateNote() != null && !t.accurateNote().isBlank()) {
            sb.append("<p><b>").append(labels.accurate).append(":</b></p>").append(html(t.accurateNote()));
        }
        return sb.isEmpty() ? "—" : sb.toString();
    }

    /** A quiz question's right answer as readable HTML; null for the types without one. */
    private static String solution(QuestionContent q, List<QuestionContent.Option> options, Labels labels) {
        List<QuestionContent.Option> right = options.stream().filter(o -> o.fraction() > 0).toList();
        return switch (q.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                StringBuilder sb = new StringBuilder("<ul>");
                for (QuestionContent.Option o : right) {
                    sb.append("<li>").append((char) ('a' + Math.min(options.indexOf(o), 25))).append(") ")
                            .append(inline(o.text())).append(partial(o)).append("</li>");
                }
                yield sb.append("</ul>").toString();
            }
            case TRUE_FALSE -> "<p>" + (Boolean.TRUE.equals(q.correctBoolean()) ? labels.yes : labels.no) + "</p>";
            case SHORT_ANSWER -> list(right.stream().map(o -> inline(o.text()) + partial(o)).toList());
            case NUMERICAL -> {
                if (right.isEmpty() && q.correctMin() != null && q.correctMax() != null) {
                    yield "<p>" + (q.correctMin().equals(q.correctMax()) ? number(q.correctMin())
                            : number(q.correctMin()) + " … " + number(q.correctMax())) + "</p>";
                }
                yield list(right.stream().map(o -> escape(numberText(o.text())) + partial(o)).toList());
            }
            case MATCHING -> list(options.stream().map(o -> inline(o.text()) + " → "
                    + inline(o.matchText() == null ? "" : o.matchText())).toList());
            default -> null;
        };
    }

    private static String list(List<String> items) {
        StringBuilder sb = new StringBuilder("<ul>");
        items.forEach(i -> sb.append("<li>").append(i).append("</li>"));
        return sb.append("</ul>").toString();
    }

    private static String partial(QuestionContent.Option o) {
        return o.fraction() >= 1 - 1e-9 ? "" : " (" + Math.round(o.fraction() * 100) + " %)";
    }

    /** "3:2" (value and tolerance) as "3 ± 2", "1..5" as "1 … 5". */
    private static String numberText(String text) {
        String s = text.strip();
        int colon = s.indexOf(':');
        if (colon > 0) {
            return s.substring(0, colon).strip() + " ± " + s.substring(colon + 1).strip();
        }
        return s.replace("..", " … ");
    }

    private static String number(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Anki tags: one word each (a space would split it), so spaces become '_', said once per question. */
    private static String tags(QuestionContent q, List<String> warnings) {
        List<String> out = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String tag : q.tags()) {
            String t = tag.strip();
            if (t.isEmpty()) {
                continue;
            }
            String word = t.replaceAll("\\s+", "_");
            if (!word.equals(t)) {
                changed.add("'" + t + "' -> '" + word + "'");
            }
            out.add(word);
        }
        if (!changed.isEmpty()) {
            warnings.add(q.externalId() + ": Anki tags cannot contain spaces: " + String.join(", ", changed));
        }
        return out.isEmpty() ? "" : " " + String.join(" ", out) + " ";
    }

    private static String html(String markdown) {
        return markdown == null ? "" : MarkdownRenderer.toHtml(markdown).strip();
    }

    private static String inline(String markdown) {
        return markdown == null ? "" : MarkdownRenderer.inlineHtml(markdown);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Links to the deck's files as Anki writes them: an image by its bare file name (the media folder), a sound or
     * video as {@code [sound:name]}, which Anki plays; {@code used} collects the names.
     */
    static String media(String html, Set<String> used) {
        Matcher a = MEDIA_ANCHOR.matcher(html);
        StringBuilder sb = new StringBuilder();
        while (a.find()) {
            String name = decode(a.group(1));
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            used.add(name);
            String replacement = PLAYED.contains(ext) ? "[sound:" + name + "]"
                    : a.group().replaceFirst("href=\"[^\"]*\"", Matcher.quoteReplacement("href=\"" + attr(name) + "\""));
            a.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        a.appendTail(sb);
        Matcher m = MEDIA_SRC.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = decode(m.group(1));
            used.add(name);
            m.appendReplacement(out, Matcher.quoteReplacement("src=\"" + attr(name) + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String urlPart) {
        return URLDecoder.decode(urlPart.replace("&amp;", "&"), StandardCharsets.UTF_8);
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;");
    }

    // ---- Anki's own arithmetic -------------------------------------------------------------------------------

    private static final Pattern HTML_COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern HTML_STYLE = Pattern.compile("(?si)<style.*?>.*?</style>");
    private static final Pattern HTML_SCRIPT = Pattern.compile("(?si)<script.*?>.*?</script>");
    private static final Pattern HTML_TAG = Pattern.compile("(?s)<.*?>");
    private static final Pattern HTML_IMG = Pattern.compile("(?i)<img[^>]+src=[\"']?([^\"'>]+)[\"']?[^>]*>");

    /**
     * Anki's strip_html_preserving_media_filenames: an image becomes its file name, comments, styles, scripts and
     * tags go, entities are decoded and a no-break space is a space.
     */
    static String stripHtmlMedia(String html) {
        String s = HTML_IMG.matcher(html).replaceAll(r -> Matcher.quoteReplacement(" " + r.group(1) + " "));
        s = HTML_COMMENT.matcher(s).replaceAll("");
        s = HTML_STYLE.matcher(s).replaceAll("");
        s = HTML_SCRIPT.matcher(s).replaceAll("");
        s = HTML_TAG.matcher(s).replaceAll("");
        return org.jsoup.parser.Parser.unescapeEntities(s, false).replace('\u00a0', ' ');
    }

    /** Anki's field checksum: the first 8 hex digits of the SHA-1 of the stripped field, as a number. */
    static long fieldChecksum(String field) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(stripHtmlMedia(field).getBytes(StandardCharsets.UTF_8));
            return ((sha[0] & 0xffL) << 24) | ((sha[1] & 0xffL) << 16) | ((sha[2] & 0xffL) << 8) | (sha[3] & 0xffL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    // ---- the collection -----------------------------------------------------------------------------------

    private static final String SCHEMA = """
            create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
              ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
              models text not null, decks text not null, dconf text not null, tags text not null);
            create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
              usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
              flags integer not null, data text not null);
            create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
              mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
              ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
              left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
            create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
              ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
            create table graves (usn integer not null, oid integer not null, type integer not null);
            create index ix_notes_usn on notes (usn);
            create index ix_cards_usn on cards (usn);
            create index ix_revlog_usn on revlog (usn);
            create index ix_cards_nid on cards (nid);
            create index ix_cards_sched on cards (did, queue, due);
            create index ix_revlog_cid on revlog (cid);
            create index ix_notes_csum on notes (csum)
            """;

    private static byte[] collection(DeckContent deck, String title, List<Note> notes, AnkiProgress progress) {
        Instant now = Instant.now();
        long nowMs = now.toEpochMilli();
        long nowS = now.getEpochSecond();
        // day 0 of the collection: early enough that every review card's due day is >= 0
        Instant first = now;
        for (AnkiProgress.CardState c : progress.cards().values()) {
            if (c.due() != null && c.due().isBefore(first)) {
                first = c.due();
            }
        }
        long crt = first.truncatedTo(ChronoUnit.DAYS).getEpochSecond();
        Map<String, Long> deckIds = new LinkedHashMap<>();
        deckIds.put(title, deckId(deck.externalId(), title));
        notes.forEach(n -> deckIds.computeIfAbsent(n.deck(), name -> deckId(deck.externalId(), name)));
        // Anki needs every parent of a subdeck
        new ArrayList<>(deckIds.keySet()).forEach(name -> {
            for (int i = name.indexOf("::"); i > 0; i = name.indexOf("::", i + 2)) {
                deckIds.computeIfAbsent(name.substring(0, i), p -> deckId(deck.externalId(), p));
            }
        });
        Path file = null;
        try {
            file = Files.createTempFile("demodeck-apkg-", ".anki2");
            Files.delete(file); // SQLite makes its own
            try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                 Statement st = c.createStatement()) {
                for (String ddl : SCHEMA.split(";")) {
                    st.execute(ddl);
                }
                c.setAutoCommit(false);
                try (PreparedStatement col = c.prepareStatement("insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')")) {
                    long topDeck = deckIds.get(title);
                    col.setLong(1, crt);
                    col.setLong(2, nowMs);
                    col.setLong(3, nowMs);
                    col.setString(4, conf(topDeck).toString());
                    col.setString(5, models(topDeck, nowS).toString());
                    col.setString(6, decks(deckIds, nowS, deck).toString());
                    col.setString(7, dconf().toString());
                    col.execute();
                }
                writeNotes(c, deck, notes, deckIds, progress, nowMs, crt);
                c.commit();
            }
            return Files.readAllBytes(file);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the Anki collection failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temp file goes with the temp folder
                }
            }
        }
    }

    private static void writeNotes(Connection c, DeckContent deck, List<Note> notes, Map<String, Long> deckIds,
                                   AnkiProgress progress, long nowMs, long crt) throws SQLException {
        long nowS = nowMs / 1000;
        Set<Long> revlogIds = new HashSet<>();
        try (PreparedStatement note = c.prepareStatement("insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
             PreparedStatement card = c.prepareStatement(
                     "insert into cards values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)");
             PreparedStatement revlog = c.prepareStatement("insert into revlog values (?, ?, -1, ?, ?, ?, ?, ?, ?)")) {
            long cardId = nowMs;
            for (int i = 0; i < notes.size(); i++) {
                Note n = notes.get(i);
                long noteId = nowMs + i; // Anki's ids are creation times in ms; the importer renumbers clashes
                String first = n.fields().get(0);
                note.setLong(1, noteId);
                note.setString(2, DemoDeckGuid.of(deck.externalId(), n.question().externalId()));
                note.setLong(3, n.model());
                note.setLong(4, nowS);
                note.setString(5, n.tags());
                note.setString(6, String.join("\u001f", n.fields()));
                note.setString(7, stripHtmlMedia(first));
                note.setLong(8, fieldChecksum(first));
                note.addBatch();
                AnkiProgress.CardState state = progress.cards().get(n.question().externalId());
                for (int ord : n.cardOrdinals()) {
                    long id = cardId++;
                    card.setLong(1, id);
                    card.setLong(2, noteId);
                    card.setLong(3, deckIds.get(n.deck()));
                    card.setInt(4, ord);
                    card.setLong(5, nowS);
                    schedule(card, state, i + 1, crt);
                    card.addBatch();
                    if (state != null) {
                        for (AnkiProgress.Review r : state.reviews()) {
                            long entry = r.at().toEpochMilli();
                            while (!revlogIds.add(entry)) {
                                entry++; // one answer per millisecond: the id is the key
                            }
                            revlog.setLong(1, entry);
                            revlog.setLong(2, id);
                            revlog.setInt(3, r.rating());
                            revlog.setLong(4, interval(r.stateAfter(), r.at(), r.dueAfter(), r.scheduledDays()));
                            revlog.setLong(5, r.stateBefore() == 0 ? 0 : interval(r.stateBefore(), r.lastReviewBefore(),
                                    r.dueBefore(), -1));
                            revlog.setInt(6, r.stateAfter() == 2 ? 2500 : 0);
                            revlog.setInt(7, Math.max(0, r.durationMs()));
                            revlog.setInt(8, switch (r.stateBefore()) {
                                case 2 -> 1; // review
                                case 3 -> 2; // relearn
                                default -> 0; // learn
                            });
                            revlog.addBatch();
                        }
                    }
                }
            }
            note.executeBatch();
            card.executeBatch();
            revlog.executeBatch();
        }
    }

    /**
     * Anki's card columns type, queue, due, ivl, factor, reps, lapses, left, data from the learner's FSRS state: a
     * new card is due by position; a (re)learning card in seconds since 1970 (queue 1); a review card in days
     * since the collection's day 0; a suspended one in queue -1. FSRS stability and difficulty go into
     * {@code data} ({"s", "d"}), where Anki's FSRS keeps them.
     */
    private static void schedule(PreparedStatement card, AnkiProgress.CardState s, int position, long crt) throws SQLException {
        if (s == null || s.state() == 0) {
            card.setInt(6, 0);
            card.setInt(7, s != null && s.suspended() ? -1 : 0);
            card.setLong(8, position);
            card.setInt(9, 0);
            card.setInt(10, 0);
            card.setInt(11, s == null ? 0 : s.reps());
            card.setInt(12, s == null ? 0 : s.lapses());
            card.setInt(13, 0);
            card.setString(14, "");
            return;
        }
        boolean review = s.state() == 2;
        card.setInt(6, s.state());
        card.setInt(7, s.suspended() ? -1 : review ? 2 : 1);
        card.setLong(8, review ? Math.max(0, Math.floorDiv(s.due().getEpochSecond() - crt, 86_400L)) : s.due().getEpochSecond());
        card.setLong(9, review ? Math.max(1, days(s.lastReview(), s.due())) : s.state() == 3 ? 1 : 0);
        card.setInt(10, review || s.state() == 3 ? 2500 : 0);
        card.setInt(11, s.reps());
        card.setInt(12, s.lapses());
        card.setInt(13, review ? 0 : 1);
        ObjectNode data = NODES.objectNode();
        if (s.stability() != null && s.difficulty() != null) {
            data.put("s", Math.round(s.stability() * 10_000) / 10_000.0);
            data.put("d", Math.round(s.difficulty() * 10_000) / 10_000.0);
        }
        card.setString(14, data.isEmpty() ? "" : data.toString());
    }

    /** A revlog interval: days for a review card, negative seconds while (re)learning. */
    private static long interval(int state, Instant from, Instant due, int scheduledDays) {
        if (state == 2) {
            return Math.max(1, scheduledDays >= 0 ? scheduledDays : days(from, due));
        }
        if (from == null || due == null) {
            return -60;
        }
        return -Math.max(1, Duration.between(from, due).toSeconds());
    }

    private static long days(Instant from, Instant to) {
        return from == null || to == null ? 1 : Math.round(Duration.between(from, to).toSeconds() / 86_400.0);
    }

    /** A stable deck id per DemoDeck deck and Anki deck name, above Anki's Default (1). */
    private static long deckId(String deckExternalId, String name) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest((deckExternalId + "\n" + name).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 5; i++) {
                v = (v << 8) | (sha[i] & 0xff);
            }
            return 1_000_000_000L + v; // < 2^41: exact in the JavaScript Anki's web views use
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode conf(long currentDeck) {
        ObjectNode c = NODES.objectNode();
        c.putArray("activeDecks").add(currentDeck);
        c.put("curDeck", currentDeck);
        c.put("newSpread", 0);
        c.put("collapseTime", 1200);
        c.put("timeLim", 0);
        c.put("estTimes", true);
        c.put("dueCounts", true);
        c.put("curModel", String.valueOf(BASIC_MODEL));
        c.put("nextPos", 1);
        c.put("sortType", "noteFld");
        c.put("sortBackwards", false);
        c.put("addToCur", true);
        return c;
    }

    private static final String CSS = ".card { font-family: arial; font-size: 20px; text-align: left; color: black; "
            + "background-color: white; }\n.cloze { font-weight: bold; color: blue; }\n";

    private static ObjectNode models(long deck, long nowS) {
        ObjectNode models = NODES.objectNode();
        models.set(String.valueOf(BASIC_MODEL), model(BASIC_MODEL, "DemoDeck Basic", 0, deck, nowS,
                List.of("Front", "Back"), "Card 1", "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"));
        models.set(String.valueOf(CLOZE_MODEL), model(CLOZE_MODEL, "DemoDeck Cloze", 1, deck, nowS,
                List.of("Text", "Back Extra"), "Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"));
        return models;
    }

    private static ObjectNode model(long id, String name, int type, long deck, long nowS, List<String> fields,
                                    String template, String qfmt, String afmt) {
        ObjectNode m = NODES.objectNode();
        m.put("id", id);
        m.put("name", name);
        m.put("type", type);
        m.put("mod", nowS);
        m.put("usn", -1);
        m.put("sortf", 0);
        m.put("did", deck);
        ArrayNode tmpls = m.putArray("tmpls");
        ObjectNode t = tmpls.addObject();
        t.put("name", template);
        t.put("ord", 0);
        t.put("qfmt", qfmt);
        t.put("afmt", afmt);
        t.put("bqfmt", "");
        t.put("bafmt", "");
        t.putNull("did");
        t.put("bfont", "");
        t.put("bsize", 0);
        ArrayNode flds = m.putArray("flds");
        for (int i = 0; i < fields.size(); i++) {
            ObjectNode f = flds.addObject();
            f.put("name", fields.get(i));
            f.put("ord", i);
            f.put("sticky", false);
            f.put("rtl", false);
            f.put("font", "Arial");
            f.put("size", 20);
            f.putArray("media");
        }
        m.put("css", CSS);
        m.put("latexPre", "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n"
                + "\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n");
        m.put("latexPost", "\\end{document}");
        m.put("latexsvg", false);
        // the template needs the first field: the card exists when it is not empty
        ArrayNode req = m.putArray("req").addArray();
        req.add(0).add(type == 1 ? "all" : "any").addArray().add(0);
        m.putArray("tags");
        m.putArray("vers");
        return m;
    }

    private static ObjectNode decks(Map<String, Long> ids, long nowS, DeckContent deck) {
        ObjectNode decks = NODES.objectNode();
        decks.set("1", deckJson(1, "Default", nowS, ""));
        DeckContent.Text text = deck.texts().get(deck.originalLanguage());
        String description = text == null || text.description() == null ? "" : MarkdownRenderer.toHtml(text.description()).strip();
        boolean top = true;
        for (Map.Entry<String, Long> e : ids.entrySet()) {
            decks.set(String.valueOf(e.getValue()), deckJson(e.getValue(), e.getKey(), nowS, top ? description : ""));
            top = false;
        }
        return decks;
    }

    private static ObjectNode deckJson(long id, String name, long nowS, String description) {
        ObjectNode d = NODES.objectNode();
        d.put("id", id);
        d.put("name", name);
        d.put("mod", nowS);
        d.put("usn", -1);
        for (String today : List.of("lrnToday", "revToday", "newToday", "timeToday")) {
            d.putArray(today).add(0).add(0);
        }
        d.put("collapsed", false);
        d.put("browserCollapsed", false);
        d.put("desc", description);
        d.put("dyn", 0);
        d.put("conf", 1);
        d.put("extendNew", 0);
        d.put("extendRev", 0);
        return d;
    }

    /** Anki's default options group, which every deck uses. */
    private static ObjectNode dconf() {
        ObjectNode c = NODES.objectNode();
        c.put("id", 1);
        c.put("name", "Default");
        c.put("mod", 0);
        c.put("usn", 0);
        c.put("maxTaken", 60);
        c.put("autoplay", true);
        c.put("timer", 0);
        c.put("replayq", true);
        c.put("dyn", false);
        ObjectNode n = c.putObject("new");
        n.putArray("delays").add(1.0).add(10.0);
        n.putArray("ints").add(1).add(4).add(0);
        n.put("initialFactor", 2500);
        n.put("order", 1);
        n.put("perDay", 20);
        n.put("bury", false);
        ObjectNode l = c.putObject("lapse");
        l.putArray("delays").add(10.0);
        l.put("mult", 0.0);
        l.put("minInt", 1);
        l.put("leechFails", 8);
        l.put("leechAction", 1);
        ObjectNode r = c.putObject("rev");
        r.put("perDay", 200);
        r.put("ease4", 1.3);
        r.put("ivlFct", 1.0);
        r.put("maxIvl", 36_500);
        r.put("hardFactor", 1.2);
        r.put("bury", false);
        ObjectNode all = NODES.objectNode();
        all.set("1", c);
        return all;
    }

    /** The words on a card's back, in the question's language. */
    private record Labels(String rightAnswer, String keyPoints, String accurate, String match, String trueOrFalse,
                          String yes, String no) {

        static Labels of(String lang) {
            return "ru".equals(lang)
                    ? new Labels("Правильный ответ", "Ключевые моменты", "Что добавляет точный ответ",
                    "Сопоставьте:", "Верно или неверно?", "верно", "неверно")
                    : new Labels("Right answer", "Key points", "What an accurate answer adds", "Match:",
                    "True or false?", "true", "false");
        }
    }
}
