package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.StudyDays;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds fsrs-rs training items from a review log read card by card (entries of one card together, each card's in the
 * order they were given), so the log can be streamed: only the current card's answers are held besides the items.
 *
 * <ul>
 *   <li>Manual entries (rating 0) are dropped.</li>
 *   <li>A card's history starts at its last first review (a reset starts it again); a card whose first review is not
 *       in the log is dropped, as fsrs-rs drops cards whose history does not begin with learning.</li>
 *   <li>The gap before each review is counted in the learner's study days; one item per review after the first whose
 *       gap is at least one day. Same-day reviews stay in the histories (they move stability through the short-term
 *       formula) but are not predicted, as in fsrs-rs.</li>
 * </ul>
 */
public final class TrainingItems {

    private final StudyDays studyDays;
    private final List<TrainingItem> items = new ArrayList<>();
    private final List<LogEntry> card = new ArrayList<>();
    private long currentCard = Long.MIN_VALUE;
    private int answers;
    private int manualDropped;
    private int beforeResetDropped;
    private int cardsWithoutFirstReview;

    public TrainingItems(StudyDays studyDays) {
        this.studyDays = studyDays;
    }

    /** Builds the items of a whole log (any order of cards; within a card, oldest first). */
    public static Result of(Iterable<LogEntry> log, StudyDays studyDays) {
        TrainingItems builder = new TrainingItems(studyDays);
        for (LogEntry e : log) {
            builder.add(e);
        }
        return builder.finish();
    }

    public void add(LogEntry entry) {
        if (entry.cardId() != currentCard) {
            flushCard();
            currentCard = entry.cardId();
        }
        answers++;
        if (entry.rating() == 0) {
            manualDropped++;
            return;
        }
        if (entry.rating() < 0 || entry.rating() > 4) {
            throw new IllegalArgumentException("rating " + entry.rating() + " of card " + entry.cardId() + " is outside 0..4");
        }
        card.add(entry);
    }

    private void flushCard() {
        if (card.isEmpty()) {
            return;
        }
        int start = -1;
        for (int i = card.size() - 1; i >= 0; i--) {
            if (card.get(i).firstReview()) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            cardsWithoutFirstReview++;
            card.clear();
            return;
        }
        beforeResetDropped += start;
        int n = card.size() - start;
        byte[] ratings = new byte[n];
        int[] deltas = new int[n];
        for (int i = 0; i < n; i++) {
            LogEntry e = card.get(start + i);
            ratings[i] = (byte) e.rating();
            deltas[i] = i == 0 ? 0 : studyDays.between(card.get(start + i - 1).reviewedAt(), e.reviewedAt());
        }
        for (int i = 1; i < n; i++) {
            if (deltas[i] > 0) {
                items.add(new TrainingItem(ratings, deltas, i + 1, card.get(start + i).reviewedAt().getEpochSecond()));
            }
        }
        card.clear();
    }

    public Result finish() {
        flushCard();
        // time order: recency weights and the time-series split both rely on it
        items.sort(Comparator.comparingLong(TrainingItem::reviewedAt));
        return new Result(List.copyOf(items), answers, manualDropped, beforeResetDropped, cardsWithoutFirstReview);
    }

    /**
     * @param items                   training items, oldest predicted review first
     * @param answers                 log entries read
     * @param manualDropped           manual entries left out
     * @param beforeResetDropped      answers left out because a later reset started the card again
     * @param cardsWithoutFirstReview cards left out because their first review is not in the log
     */
    public record Result(List<TrainingItem> items, int answers, int manualDropped, int beforeResetDropped,
                         int cardsWithoutFirstReview) {
    }
}
