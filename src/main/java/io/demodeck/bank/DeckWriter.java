package io.demodeck.bank;

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
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (QuestionContent qc : content.questions()) {
            seen.add(qc.externalId());
            String hash = ContentHash.of(qc);
            Question q = existing.get(qc.externalId());
            if (q == null) {
                q = new Question();
                q.deckId = deck.id;
                q.externalId = qc.externalId();
                q.createdAt = now;
                apply(q, qc, hash, position, now);
                q.persist();
                created++;
            } else if (!hash.equals(q.contentHash) || q.position != position || q.retired) {
                boolean contentChanged = !hash.equals(q.contentHash) || q.retired;
                apply(q, qc, hash, position, now);
                if (contentChanged) {
                    updated++;
                } else {
                    unchanged++; // only moved within the deck
                }
            } else {
                unchanged++;
            }
            position++;
        }
        int retired = 0;
        for (Question q : existing.values()) {
            if (!seen.contains(q.externalId) && !q.retired) {
                q.retired = true;
                q.updatedAt = now;
                retired++;
            }
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

    private static void apply(Question q, QuestionContent qc, String hash, int position, Instant now) {
        q.type = qc.type();
        q.position = position;
        q.tags = new ArrayList<>(qc.tags());
        q.demoIds = new ArrayList<>(qc.demoIds());
        q.source = qc.source();
        q.originalLanguage = qc.originalLanguage();
        q.correctBoolean = qc.correctBoolean();
        q.correctMin = qc.correctMin();
        q.correctMax = qc.correctMax();
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
}
