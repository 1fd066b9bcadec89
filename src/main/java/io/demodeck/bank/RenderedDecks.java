package io.demodeck.bank;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the study screens show of a deck, kept after rendering (Markdown to HTML is most of the cost of a question),
 * each entry under the deck's content stamp ({@code deck.updated_at}, moved by every write to the deck's questions).
 * A reader compares the stamp it just read with the entry's, so an import on any replica is seen at once. Bounded:
 * the least recently used entries go first.
 */
@ApplicationScoped
class RenderedDecks {

    static final int MAX_DECKS = 256;
    static final int MAX_QUESTIONS = 4096;

    private record DeckKey(long deckId, String lang) {
    }

    private record QuestionKey(long questionId, String lang) {
    }

    private record Stamped<T>(Instant stamp, T value) {
    }

    private final Map<DeckKey, Stamped<BankViews.DeckSummary>> decks = lru(MAX_DECKS);
    private final Map<QuestionKey, Stamped<BankViews.QuestionDetail>> questions = lru(MAX_QUESTIONS);

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<BankViews.DeckSummary> deck(long deckId, String lang, Instant stamp) {
        return fresh(decks.get(new DeckKey(deckId, lang)), stamp);
    }

    synchronized void putDeck(long deckId, String lang, Instant stamp, BankViews.DeckSummary summary) {
        decks.put(new DeckKey(deckId, lang), new Stamped<>(stamp, summary));
    }

    synchronized Optional<BankViews.QuestionDetail> question(long questionId, String lang, Instant stamp) {
        return fresh(questions.get(new QuestionKey(questionId, lang)), stamp);
    }

    synchronized void putQuestion(String lang, Instant stamp, BankViews.QuestionDetail detail) {
        questions.put(new QuestionKey(detail.id(), lang), new Stamped<>(stamp, detail));
    }

    private static <T> Optional<T> fresh(Stamped<T> entry, Instant stamp) {
        return entry != null && entry.stamp().equals(stamp) ? Optional.of(entry.value()) : Optional.empty();
    }
}
