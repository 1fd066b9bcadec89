package io.demodeck.review.optimizer;

/**
 * One training item, as fsrs-rs builds them: a review after the card's first, with every earlier review of the card
 * as its history. Items of one card share the card's arrays (an item is a prefix of length {@link #length}), so a log
 * of n answers takes O(n) memory however long the histories are.
 *
 * @param ratings   the card's ratings in order (1..4)
 * @param deltas    whole study days since the previous review of the card (0 for the first review and same-day ones)
 * @param length    how many of the card's reviews this item covers; the last of them is the one predicted
 * @param reviewedAt epoch second of the predicted review: items are trained and split in this order
 */
public record TrainingItem(byte[] ratings, int[] deltas, int length, long reviewedAt) {

    public int rating(int i) {
        return ratings[i];
    }

    public int delta(int i) {
        return deltas[i];
    }

    /** The rating of the predicted review. */
    public int currentRating() {
        return ratings[length - 1];
    }

    /** Days between the last review of the history and the predicted one (always at least 1). */
    public int currentDelta() {
        return deltas[length - 1];
    }

    /** 1 when the predicted review was recalled (Hard, Good or Easy), 0 for Again. */
    public int label() {
        return ratings[length - 1] > 1 ? 1 : 0;
    }

    /** Reviews with a whole-day gap before them, the predicted one included (fsrs-rs {@code long_term_review_cnt}). */
    public int longTermReviewCount() {
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (deltas[i] > 0) {
                n++;
            }
        }
        return n;
    }

    /** The gap before the first review that came on a later day than the one before it. */
    public int firstLongTermDelta() {
        for (int i = 0; i < length; i++) {
            if (deltas[i] > 0) {
                return deltas[i];
            }
        }
        return 0;
    }

    /** Lapses in the history: Again answered on a later day than the review before it. */
    int lapsesInHistory() {
        int n = 0;
        for (int i = 0; i < length - 1; i++) {
            if (ratings[i] == 1 && deltas[i] > 0) {
                n++;
            }
        }
        return n;
    }
}
