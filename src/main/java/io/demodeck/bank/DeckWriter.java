package io.demodeck.bank;

import io.demodeck.deck.Deck;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores a parsed deck idempotently: questions are matched by their stable id, updated in place only when
 * their content changed (so learners' cards and review history stay attached), and retired, never deleted,
 * when they leave the file. One transaction: a deck is written whole or not at all.
 */
@ApplicationScoped
public class DeckWriter {

    /** Serialises writers of the same deck across threads and replicas (PostgreSQL advisory lock). */
    private static final String LOCK_SQL = "select pg_advisory_xact_lock(hashtext('demodeck-deck:' || ?1))";

    @Transactional
    public SyncReport write(DeckContent content, String origin, Long userId) {
        Panache.getEntityManager().createNativeQuery(LOCK_SQL).setParameter(1, content.externalId()).getSingleResult();
        Instant now = Instant.now();
        Deck deck = Deck.findByExternalId(content.externalId()).orElse(null);
        if (deck == null) {
            deck = new Deck();
            deck.externalId = content.externalId();
            deck.origin = origin;
            deck.createdBy = userId;
            // the bank's decks are public and the system's; an upload starts as its uploader's private deck
            deck.ownerId = "bank".equals(origin) ? null : userId;
            deck.visibility = "bank".equals(origin) ? "public" : "private";
            deck.createdAt = now;
        }
        Map<String, Deck.Text> texts = new HashMap<>();
        content.texts().forEach((lang, t) -> texts.put(lang, new Deck.Text(t.title(), t.description())));
        boolean deckChanged = deck.id == null || !Objects.equals(deck.originalLanguage, content.originalLanguage())
                || !Objects.equals(deck.source, content.source()) || !sameTexts(deck.texts, texts);
        if (deckChanged) {
            deck.originalLanguage = content.originalLanguage();
            deck.source = content.source();
            deck.texts.clear();
            deck.texts.putAll(texts);
            deck.updatedAt = now;
            deck.persist();
        }

        Map<String, Question> existing = Question.listByDeck(deck.id).stream()
                .collect(Collectors.toMap(q -> q.externalId, q -> q));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        boolean moved = false;
        Set<String> seen = new HashSet<>();
        List<NewQuestion> fresh = new ArrayList<>();
        int position = 0;
        for (QuestionContent qc : content.questions()) {
            seen.add(qc.externalId());
            String hash = ContentHash.of(qc);
            Question q = existing.get(qc.externalId());
            if (q == null) {
                fresh.add(new NewQuestion(qc, hash, position));
                created++;
            } else if (!hash.equals(q.contentHash) || q.position != position || q.retired) {
                boolean contentChanged = !hash.equals(q.contentHash) || q.retired;
                apply(q, qc, hash, position, now);
                if (contentChanged) {
                    updated++;
                } else {
                    unchanged++; // only moved within the deck
                    moved = true;
                }
            } else {
                unchanged++;
            }
            position++;
        }
        insertNew(deck.id, fresh, now);
        int retired = 0;
        for (Question q : existing.values()) {
            if (!seen.contains(q.externalId) && !q.retired) {
                q.retired = true;
                q.updatedAt = now;
                retired++;
            }
        }
        if (!deckChanged && (created > 0 || moved || updated > 0 || retired > 0)) {
            // updated_at is the deck's content stamp: readers cache what they rendered of it until it changes
            deck.updatedAt = now;
        }
        return new SyncReport(deck.id, created, updated, unchanged, retired);
    }

    /**
     * What {@link #write} would do, without writing: the dry run of an import. The deck id is 0 when the deck
     * does not exist yet.
     */
    @Transactional
    public SyncReport plan(DeckContent content) {
        Deck deck = Deck.findByExternalId(content.externalId()).orElse(null);
        if (deck == null) {
            return new SyncReport(0, content.questions().size(), 0, 0, 0);
        }
        Map<String, Question> existing = Question.listByDeck(deck.id).stream()
                .collect(Collectors.toMap(q -> q.externalId, q -> q));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> seen = new HashSet<>();
        for (QuestionContent qc : content.questions()) {
            seen.add(qc.externalId());
            Question q = existing.get(qc.externalId());
            if (q == null) {
                created++;
            } else if (!ContentHash.of(qc).equals(q.contentHash) || q.retired) {
                updated++;
            } else {
                unchanged++;
            }
        }
        int retired = (int) existing.values().stream().filter(q -> !q.retired && !seen.contains(q.externalId)).count();
        return new SyncReport(deck.id, created, updated, unchanged, retired);
    }

    private record NewQuestion(QuestionContent content, String hash, int position) {
    }

    /** Rows per multi-row INSERT: 16 parameters each stays far below PostgreSQL's 32767. */
    private static final int CHUNK = 500;

    /**
     * New questions go in as multi-row INSERTs on the transaction's connection: an import of 10,000 questions
     * would otherwise be some 50,000 single statements. Same rows as persisting the entities would write.
     */
    private static void insertNew(long deckId, List<NewQuestion> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return;
        }
        var session = Panache.getEntityManager().unwrap(org.hibernate.Session.class);
        session.flush();
        session.doWork(connection -> {
            java.sql.Timestamp ts = java.sql.Timestamp.from(now);
            for (int from = 0; from < fresh.size(); from += CHUNK) {
                List<NewQuestion> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
                Map<String, Long> ids = new HashMap<>();
                String sql = "insert into question (deck_id, external_id, type, position, tags, demo_ids, source, "
                        + "original_language, correct_boolean, correct_min, correct_max, content_hash, retired, created_at, "
                        + "updated_at, follow_ups, title) values " + rows(chunk.size(), 17) + " returning id, external_id";
                try (java.sql.PreparedStatement ps = connection.prepareStatement(sql)) {
                    int i = 1;
                    for (NewQuestion n : chunk) {
                        QuestionContent qc = n.content();
                        ps.setLong(i++, deckId);
                        ps.setString(i++, qc.externalId());
                        ps.setString(i++, qc.type().name());
                        ps.setInt(i++, n.position());
                        ps.setArray(i++, connection.createArrayOf("text", qc.tags().toArray()));
                        ps.setArray(i++, connection.createArrayOf("text", qc.demoIds().toArray()));
                        ps.setString(i++, qc.source());
                        ps.setString(i++, qc.originalLanguage());
                        ps.setObject(i++, qc.correctBoolean(), java.sql.Types.BOOLEAN);
                        ps.setObject(i++, qc.correctMin(), java.sql.Types.DOUBLE);
                        ps.setObject(i++, qc.correctMax(), java.sql.Types.DOUBLE);
                        ps.setString(i++, n.hash());
                        ps.setBoolean(i++, false);
                        ps.setTimestamp(i++, ts);
                        ps.setTimestamp(i++, ts);
                        ps.setArray(i++, connection.createArrayOf("text", qc.followUps().toArray()));
                        ps.setString(i++, qc.title());
                    }
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.put(rs.getString(2), rs.getLong(1));
                        }
                    }
                }
                List<Object[]> texts = new ArrayList<>();
                List<Object[]> options = new ArrayList<>();
                List<Object[]> wrongAnswers = new ArrayList<>();
                for (NewQuestion n : chunk) {
                    long id = ids.get(n.content().externalId());
                    n.content().texts().forEach((lang, t) -> texts.add(new Object[] {id, lang, t.prompt(), t.answer(),
                            t.keyPoints(), t.accurateNote(), t.generalFeedback()}));
                    for (QuestionContent.Option o : n.content().options()) {
                        options.add(new Object[] {id, o.lang(), o.position(), o.text(), o.matchText(), o.fraction(),
                                o.feedback()});
                    }
                    n.content().texts().forEach((lang, t) -> {
                        for (int p = 0; p < t.wrongAnswers().size(); p++) {
                            QuestionContent.WrongAnswer w = t.wrongAnswers().get(p);
                            wrongAnswers.add(new Object[] {id, lang, p, w.claim(), w.why()});
                        }
                    });
                }
                insertRows(connection, "insert into question_text (question_id, lang, prompt, answer, key_points, "
                        + "accurate_note, general_feedback) values ", texts, 4);
                insertOptions(connection, options);
                insertWrongAnswers(connection, wrongAnswers);
            }
        });
    }

    /** Inserts rows of 7 values in chunks; {@code arrayColumn} is the index of a text[] value, or -1. */
    private static void insertRows(java.sql.Connection connection, String prefix, List<Object[]> rows, int arrayColumn)
            throws java.sql.SQLException {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            try (java.sql.PreparedStatement ps = connection.prepareStatement(prefix + rows(chunk.size(), 7))) {
                int i = 1;
                for (Object[] row : chunk) {
                    for (int c = 0; c < row.length; c++) {
                        if (c == arrayColumn) {
                            ps.setArray(i++, connection.createArrayOf("text", ((List<?>) row[c]).toArray()));
                        } else if (row[c] == null) {
                            ps.setNull(i++, java.sql.Types.VARCHAR);
                        } else {
                            ps.setObject(i++, row[c]);
                        }
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    /** Options have no array column: one statement with a column array each, however many rows. */
    private static void insertOptions(java.sql.Connection connection, List<Object[]> rows) throws java.sql.SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String[] types = {"bigint", "text", "integer", "text", "text", "float8", "text"};
        try (java.sql.PreparedStatement ps = connection.prepareStatement("insert into question_option (question_id, "
                + "lang, position, text, match_text, fraction, feedback) select * from unnest(?::bigint[], ?::text[], "
                + "?::integer[], ?::text[], ?::text[], ?::float8[], ?::text[])")) {
            for (int c = 0; c < types.length; c++) {
                Object[] column = new Object[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = rows.get(r)[c];
                }
                ps.setArray(c + 1, connection.createArrayOf(types[c].equals("integer") ? "int4" : types[c].equals("bigint")
                        ? "int8" : types[c], column));
            }
            ps.executeUpdate();
        }
    }

    /** Like the options: one statement with a column array each. */
    private static void insertWrongAnswers(java.sql.Connection connection, List<Object[]> rows) throws java.sql.SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String[] types = {"int8", "text", "int4", "text", "text"};
        try (java.sql.PreparedStatement ps = connection.prepareStatement("insert into question_wrong_answer (question_id, "
                + "lang, position, claim, why) select * from unnest(?::bigint[], ?::text[], ?::integer[], ?::text[], ?::text[])")) {
            for (int c = 0; c < types.length; c++) {
                Object[] column = new Object[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = rows.get(r)[c];
                }
                ps.setArray(c + 1, connection.createArrayOf(types[c], column));
            }
            ps.executeUpdate();
        }
    }

    private static String rows(int count, int columns) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", java.util.Collections.nCopies(count, row));
    }

    /** The question as it would be stored, never persisted: what the editor's preview renders. */
    public static Question unsaved(QuestionContent content) {
        Question q = new Question();
        apply(q, content, ContentHash.of(content), 0, Instant.now());
        q.externalId = content.externalId();
        q.id = 0L; // never written: no learner can have a card for it
        return q;
    }

    private static void apply(Question q, QuestionContent qc, String hash, int position, Instant now) {
        q.type = qc.type();
        q.position = position;
        q.tags = new ArrayList<>(qc.tags());
        q.demoIds = new ArrayList<>(qc.demoIds());
        q.source = qc.source();
        q.followUps = new ArrayList<>(qc.followUps());
        q.originalLanguage = qc.originalLanguage();
        q.correctBoolean = qc.correctBoolean();
        q.correctMin = qc.correctMin();
        q.correctMax = qc.correctMax();
        q.title = qc.title();
        q.contentHash = hash;
        q.retired = false;
        q.updatedAt = now;
        q.texts.clear();
        qc.texts().forEach((lang, t) -> {
            Question.Text text = new Question.Text();
            text.prompt = t.prompt();
            text.answer = t.answer();
            text.keyPoints = new ArrayList<>(t.keyPoints());
            text.accurateNote = t.accurateNote();
            text.generalFeedback = t.generalFeedback();
            q.texts.put(lang, text);
        });
        q.wrongAnswers.clear();
        qc.texts().forEach((lang, t) -> {
            for (int p = 0; p < t.wrongAnswers().size(); p++) {
                Question.WrongAnswer w = new Question.WrongAnswer();
                w.lang = lang;
                w.position = p;
                w.claim = t.wrongAnswers().get(p).claim();
                w.why = t.wrongAnswers().get(p).why();
                q.wrongAnswers.add(w);
            }
        });
        q.options.clear();
        for (QuestionContent.Option o : qc.options()) {
            Question.Option option = new Question.Option();
            option.lang = o.lang();
            option.position = o.position();
            option.text = o.text();
            option.matchText = o.matchText();
            option.fraction = o.fraction();
            option.feedback = o.feedback();
            q.options.add(option);
        }
    }

    private static boolean sameTexts(Map<String, Deck.Text> a, Map<String, Deck.Text> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Objects.equals(e.getValue().title, b.get(e.getKey()).title)
                && Objects.equals(e.getValue().description, b.get(e.getKey()).description));
    }

    // --- one question at a time (the question editor, io.demodeck.editor) ----------------------------------

    /**
     * Takes the lock {@link #write} holds while it writes the deck, so an editor's save and an import of the same
     * deck never interleave. Needs a transaction; released at its end.
     */
    public static void lockDeck(String deckExternalId) {
        Panache.getEntityManager().createNativeQuery(LOCK_SQL).setParameter(1, deckExternalId).getSingleResult();
    }

    /** The fingerprint {@link #write} compares to decide whether a question changed. */
    public static String contentHash(QuestionContent content) {
        return ContentHash.of(content);
    }

    /**
     * Writes one question of a deck the way {@link #write} writes each: a new one as a new row, an existing one
     * (same stable id) updated in place, so its learners' cards and review history stay attached. Moves the deck's
     * content stamp, so study screens show the change at once. Needs a transaction and {@link #lockDeck}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Question writeQuestion(Deck deck, QuestionContent content, int position, boolean retired) {
        Instant now = Instant.now();
        String hash = ContentHash.of(content);
        Question q = Question.findByExternalId(deck.id, content.externalId()).orElse(null);
        if (q == null) {
            insertNew(deck.id, List.of(new NewQuestion(content, hash, position)), now);
            q = Question.findByExternalId(deck.id, content.externalId()).orElseThrow();
        } else {
            apply(q, content, hash, position, now);
        }
        q.retired = retired;
        deck.updatedAt = now;
        return q;
    }
}
