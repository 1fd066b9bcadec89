package io.demodeck.editor;

import io.demodeck.platform.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.deck.Deck;
import io.demodeck.bank.DeckWriter;
import io.demodeck.bank.Question;
import io.demodeck.bank.QuestionContent;
import io.demodeck.deck.DeckAccess;
import io.demodeck.deck.DeckChanges;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.SqlRow;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The question editor: creates, edits, reorders, retires and restores the questions of a deck, for its owner,
 * co-editors and admins ({@link DeckAccess}). Questions are written by {@link DeckWriter} as an import writes them,
 * so an edit keeps the question's id and every learner's card and history. Each save is a revision; an earlier one
 * can be restored. A save names the version it was made from and is refused ({@link StaleVersion}) when the
 * question changed meanwhile; a draft that breaks a rule is refused whole ({@link DraftRejected}).
 */
@ApplicationScoped
public class QuestionEditor {

    /** The kind of the refusal to change a bank deck's questions. */
    public static final String BANK_DECK = "bank-deck";

    @Inject
    DeckAccess access;

    @Inject
    DeckWriter writer;

    @Inject
    ObjectMapper json;

    @Inject
    DeckChanges log;

    /** The deck if the viewer may edit it: 404 when they cannot even see it, 403 when they can only see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Deck editableDeck(DeckAccess.Viewer viewer, String deckExternalId) {
        Deck deck = Deck.findByExternalId(deckExternalId).orElseThrow(() -> ClientFacingException.notFound("Deck " + deckExternalId));
        DeckAccess.Level level = access.level(viewer, deck.id);
        if (level == DeckAccess.Level.NONE) {
            throw ClientFacingException.notFound("Deck " + deckExternalId);
        }
        if (level.compareTo(DeckAccess.Level.EDIT) < 0) {
            throw new ClientFacingException(403, "forbidden", "Forbidden",
                    "Only the deck's owner, its co-editors and admins edit its questions");
        }
        return deck;
    }

    /**
     * The deck if the viewer may change its questions. Never a deck of the system's bank ({@code questions/}): its file
     * is the source of truth and the bank loader would overwrite an edit at the next start (409, as the deck's
     * lifecycle refuses to rename or delete it).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Deck writableDeck(DeckAccess.Viewer viewer, String deckExternalId) {
        Deck deck = editableDeck(viewer, deckExternalId);
        if (isBank(deck)) {
            throw new ClientFacingException(409, BANK_DECK, "A question bank deck",
                    "The deck '" + deck.externalId + "' comes from the questions/ folder of the system: its questions "
                            + "are changed in its file there, which is loaded at every start, not in the editor");
        }
        return deck;
    }

    static boolean isBank(Deck deck) {
        return "bank".equals(deck.origin);
    }

    /** Every question of the deck, retired ones too, in deck order (retired ones last). */
    @Transactional
    public List<EditorViews.QuestionView> list(DeckAccess.Viewer viewer, String deckExternalId) {
        Deck deck = editableDeck(viewer, deckExternalId);
        return Question.<Question>list("deckId = ?1 order by retired, position, id", deck.id).stream()
                .map(q -> view(deck, q)).toList();
    }

    @Transactional
    public EditorViews.QuestionView get(DeckAccess.Viewer viewer, String deckExternalId, long questionId) {
        Deck deck = editableDeck(viewer, deckExternalId);
        return view(deck, question(deck, questionId));
    }

    @Transactional
    public EditorViews.QuestionView create(DeckAccess.Viewer viewer, String deckExternalId, QuestionDraft draft) {
        Deck deck = writableDeck(viewer, deckExternalId);
        DeckWriter.lockDeck(deck.externalId);
        List<FieldProblem> problems = new ArrayList<>(DraftRules.check(draft));
        String externalId = draft.externalId() == null || draft.externalId().isBlank()
                ? freshId(deck) : draft.externalId().strip();
        if (draft.externalId() != null && !draft.externalId().isBlank()
                && Question.findByExternalId(deck.id, externalId).isPresent()) {
            problems.add(FieldProblem.of("externalId", FieldProblem.Rule.ID_TAKEN));
        }
        if (!problems.isEmpty()) {
            throw new DraftRejected(problems);
        }
        QuestionContent content = DraftRules.content(draft, externalId, null);
        Number last = (Number) Panache.getEntityManager()
                .createNativeQuery("select coalesce(max(position), -1) from question where deck_id = ?1")
                .setParameter(1, deck.id).getSingleResult();
        Question q = writer.writeQuestion(deck, content, last.intValue() + 1, false);
        revision(q.id, viewer.userId(), "created", String.join(", ", changes(null, content)), content);
        log.question(viewer.userId(), deck.id, deck.externalId, DeckChanges.QUESTION_CREATED, q.externalId, null);
        return view(deck, q);
    }

    @Transactional
    public EditorViews.QuestionView update(DeckAccess.Viewer viewer, String deckExternalId, long questionId,
                                           String expectedVersion, QuestionDraft draft) {
        Deck deck = writableDeck(viewer, deckExternalId);
        DeckWriter.lockDeck(deck.externalId);
        Question q = current(deck, questionId, expectedVersion);
        List<FieldProblem> problems = new ArrayList<>(DraftRules.check(draft));
        if (draft.externalId() != null && !draft.externalId().isBlank() && !draft.externalId().strip().equals(q.externalId)) {
            problems.add(FieldProblem.of("externalId", FieldProblem.Rule.ID_CHANGED));
        }
        if (!problems.isEmpty()) {
            throw new DraftRejected(problems);
        }
        QuestionContent before = QuestionDraft.contentOf(q);
        QuestionContent after = DraftRules.content(draft, q.externalId, before);
        return save(viewer, deck, q, before, after, "edited", "");
    }

    /** Takes the question out of study; every learner's card and history stays, and it can be restored. */
    @Transactional
    public EditorViews.QuestionView retire(DeckAccess.Viewer viewer, String deckExternalId, long questionId,
                                           String expectedVersion) {
        return setRetired(viewer, deckExternalId, questionId, expectedVersion, true);
    }

    /** Brings a retired question back into study, with its learners' cards as they were. */
    @Transactional
    public EditorViews.QuestionView restore(DeckAccess.Viewer viewer, String deckExternalId, long questionId,
                                            String expectedVersion) {
        return setRetired(viewer, deckExternalId, questionId, expectedVersion, false);
    }

    private EditorViews.QuestionView setRetired(DeckAccess.Viewer viewer, String deckExternalId, long questionId,
                                                String expectedVersion, boolean retired) {
        Deck deck = writableDeck(viewer, deckExternalId);
        DeckWriter.lockDeck(deck.externalId);
        Question q = current(deck, questionId, expectedVersion);
        if (q.retired == retired) {
            return view(deck, q);
        }
        QuestionContent content = QuestionDraft.contentOf(q);
        baseline(q, content);
        q.retired = retired;
        q.updatedAt = java.time.Instant.now();
        deck.updatedAt = q.updatedAt;
        revision(q.id, viewer.userId(), retired ? "retired" : "restored", "retired", content);
        log.question(viewer.userId(), deck.id, deck.externalId,
                retired ? DeckChanges.QUESTION_RETIRED : DeckChanges.QUESTION_RESTORED, q.externalId, null);
        return view(deck, q);
    }

    /** Restores the content of an earlier revision; the restore is itself a new revision. */
    @Transactional
    public EditorViews.QuestionView revert(DeckAccess.Viewer viewer, String deckExternalId, long questionId,
                                           int revisionNumber, String expectedVersion) {
        Deck deck = writableDeck(viewer, deckExternalId);
        DeckWriter.lockDeck(deck.externalId);
        Question q = current(deck, questionId, expectedVersion);
        @SuppressWarnings("unchecked")
        List<String> rows = Panache.getEntityManager().createNativeQuery(
                        "select content::text from question_revision where question_id = ?1 and number = ?2")
                .setParameter(1, q.id).setParameter(2, revisionNumber).getResultList();
        if (rows.isEmpty()) {
            throw ClientFacingException.notFound("Revision " + revisionNumber + " of question " + questionId);
        }
        QuestionContent stored;
        try {
            stored = json.readValue(rows.getFirst(), QuestionContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision " + revisionNumber + " of question " + q.id + " is unreadable", e);
        }
        QuestionContent before = QuestionDraft.contentOf(q);
        // the stable id stays the question's own, whatever the revision says
        QuestionContent after = new QuestionContent(q.externalId, stored.type(), stored.tags(), stored.demoIds(),
                stored.source(), stored.originalLanguage(), stored.correctBoolean(), stored.correctMin(),
                stored.correctMax(), stored.texts(), stored.options(), 0, stored.followUps(), stored.title());
        EditorViews.QuestionView saved = save(viewer, deck, q, before, after, "reverted", "revision " + revisionNumber);
        log.question(viewer.userId(), deck.id, deck.externalId, DeckChanges.QUESTION_REVERTED, q.externalId,
                String.valueOf(revisionNumber));
        return saved;
    }

    /**
     * Moves an active question {@code by} places (negative: up) among the deck's active questions. Reordering
     * changes no content, so it needs no version and writes no revision.
     */
    @Transactional
    public List<EditorViews.QuestionView> move(DeckAccess.Viewer viewer, String deckExternalId, long questionId, int by) {
        Deck deck = writableDeck(viewer, deckExternalId);
        DeckWriter.lockDeck(deck.externalId);
        Question q = question(deck, questionId);
        if (q.retired) {
            throw ClientFacingException.conflict("A retired question has no place in the deck; restore it first");
        }
        List<Question> active = new ArrayList<>(Question.<Question>list(
                "deckId = ?1 and retired = false order by position, id", deck.id));
        int from = active.indexOf(q);
        int to = Math.max(0, Math.min(active.size() - 1, from + by));
        if (from != to) {
            active.remove(from);
            active.add(to, q);
            java.time.Instant now = java.time.Instant.now();
            for (int i = 0; i < active.size(); i++) {
                active.get(i).position = i;
            }
            deck.updatedAt = now;
        }
        return active.stream().map(a -> view(deck, a)).toList();
    }

    @Transactional
    public List<EditorViews.RevisionView> revisions(DeckAccess.Viewer viewer, String deckExternalId, long questionId) {
        Deck deck = editableDeck(viewer, deckExternalId);
        Question q = question(deck, questionId);
        return SqlRow.list(Panache.getEntityManager().createNativeQuery("""
                        select r.number, r.action, r.summary, u.username, r.created_at
                        from question_revision r left join app_user u on u.id = r.author_id
                        where r.question_id = ?1 order by r.number desc""", Tuple.class)
                .setParameter(1, q.id)).stream().map(r -> new EditorViews.RevisionView(r.getInt("number"),
                r.getString("action"), r.getString("summary"), r.getString("username"), r.getInstant("created_at")))
                .toList();
    }

    // --- internals --------------------------------------------------------------------------------------

    private EditorViews.QuestionView save(DeckAccess.Viewer viewer, Deck deck, Question q, QuestionContent before,
                                          QuestionContent after, String action, String prefix) {
        List<String> changed = changes(before, after);
        if (changed.isEmpty() && !"reverted".equals(action)) {
            return view(deck, q); // saving what is stored changes nothing and needs no revision
        }
        baseline(q, before);
        Question written = writer.writeQuestion(deck, after, q.position, q.retired);
        String summary = prefix.isEmpty() ? String.join(", ", changed)
                : prefix + (changed.isEmpty() ? "" : ": " + String.join(", ", changed));
        revision(written.id, viewer.userId(), action, summary, after);
        if ("edited".equals(action)) {
            log.question(viewer.userId(), deck.id, deck.externalId, DeckChanges.QUESTION_EDITED, written.externalId,
                    String.join(", ", changed));
        }
        return view(deck, written);
    }

    /** A question edited for the first time (made by an import or the bank) keeps its old content as revision 1. */
    private void baseline(Question q, QuestionContent before) {
        Number count = (Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from question_revision where question_id = ?1")
                .setParameter(1, q.id).getSingleResult();
        if (count.longValue() == 0) {
            revision(q.id, null, "baseline", "", before);
        }
    }

    private void revision(long questionId, Long authorId, String action, String summary, QuestionContent content) {
        String body;
        try {
            body = json.writeValueAsString(content.withLine(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery("""
                        insert into question_revision (question_id, number, author_id, action, summary, content)
                        values (?1, (select coalesce(max(number), 0) + 1 from question_revision where question_id = ?1),
                                ?2, ?3, ?4, cast(?5 as jsonb))""")
                .setParameter(1, questionId).setParameter(2, authorId).setParameter(3, action)
                .setParameter(4, summary).setParameter(5, body).executeUpdate();
    }

    private static Question question(Deck deck, long questionId) {
        Question q = Question.findById(questionId);
        if (q == null || !q.deckId.equals(deck.id)) {
            throw ClientFacingException.notFound("Question " + questionId + " of deck " + deck.externalId);
        }
        return q;
    }

    /** The question if it is still at {@code expectedVersion}. */
    private Question current(Deck deck, long questionId, String expectedVersion) {
        Question q = question(deck, questionId);
        if (expectedVersion == null || !expectedVersion.equals(version(q))) {
            throw new StaleVersion(view(deck, q));
        }
        return q;
    }

    static EditorViews.QuestionView view(Deck deck, Question q) {
        return new EditorViews.QuestionView(q.id, q.externalId, deck.externalId, q.position, q.retired, version(q),
                q.updatedAt, QuestionDraft.of(QuestionDraft.contentOf(q)));
    }

    /** Changes with the content (the bank's own fingerprint) and with retirement; not with the place in the deck. */
    static String version(Question q) {
        return HexFormat.of().formatHex(Sha256.digest(q.contentHash + ":" + q.retired), 0, 10);
    }

    private static String freshId(Deck deck) {
        String id;
        do {
            id = "q-" + UUID.randomUUID().toString().substring(0, 8);
        } while (Question.findByExternalId(deck.id, id).isPresent());
        return id;
    }

    /** The fields that differ, as field paths: "type, texts.en.prompt, texts.ru.options". */
    static List<String> changes(QuestionContent a, QuestionContent b) {
        Set<String> changed = new TreeSet<>(Comparator.comparing(QuestionEditor::fieldOrder).thenComparing(s -> s));
        if (a == null) {
            changed.add("type");
            b.texts().keySet().forEach(lang -> changed.add("texts." + lang));
            return List.copyOf(changed);
        }
        diff(changed, "type", a.type(), b.type());
        diff(changed, "title", a.title(), b.title());
        diff(changed, "tags", a.tags(), b.tags());
        diff(changed, "demoIds", a.demoIds(), b.demoIds());
        diff(changed, "originalLanguage", a.originalLanguage(), b.originalLanguage());
        diff(changed, "correct", a.correctBoolean(), b.correctBoolean());
        diff(changed, "range", List.of(String.valueOf(a.correctMin()), String.valueOf(a.correctMax())),
                List.of(String.valueOf(b.correctMin()), String.valueOf(b.correctMax())));
        Set<String> langs = new TreeSet<>(a.texts().keySet());
        langs.addAll(b.texts().keySet());
        for (String lang : langs) {
            QuestionContent.Text x = a.texts().get(lang);
            QuestionContent.Text y = b.texts().get(lang);
            String at = "texts." + lang;
            if (x == null || y == null) {
                changed.add(at);
                continue;
            }
            diff(changed, at + ".prompt", x.prompt(), y.prompt());
            diff(changed, at + ".answer", x.answer(), y.answer());
            diff(changed, at + ".keyPoints", x.keyPoints(), y.keyPoints());
            diff(changed, at + ".accurateNote", x.accurateNote(), y.accurateNote());
            diff(changed, at + ".generalFeedback", x.generalFeedback(), y.generalFeedback());
            diff(changed, at + ".options", optionsOf(a, lang), optionsOf(b, lang));
        }
        return List.copyOf(changed);
    }

    private static int fieldOrder(String field) {
        return field.startsWith("texts") ? 1 : 0;
    }

    private static List<QuestionContent.Option> optionsOf(QuestionContent q, String lang) {
        return q.options().stream().filter(o -> o.lang().equals(lang))
                .sorted(Comparator.comparingInt(QuestionContent.Option::position)).toList();
    }

    private static void diff(Set<String> changed, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }

    /** For tests and the pages: problems of a draft without a deck. */
    static List<FieldProblem> check(QuestionDraft draft) {
        return DraftRules.check(draft);
    }

    static Map<String, String> byField(List<FieldProblem> problems, String lang) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        problems.forEach(p -> map.merge(p.field(), p.message(lang), (x, y) -> x + " " + y));
        return map;
    }
}
