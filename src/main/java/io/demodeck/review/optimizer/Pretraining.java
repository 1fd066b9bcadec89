package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * fsrs-rs's pretraining of the initial stabilities w0-w3: for the items whose predicted review is the card's first on
 * a later day, group by first rating and gap, and per first rating search (ternary search on [0.001, 100]) the
 * stability whose forgetting curve (default decay) best fits the smoothed recall of each gap, pulled slightly towards
 * the default; then make them increase with the rating and fill in ratings without data.
 */
final class Pretraining {

    static final double INIT_S_MAX = 100;
    private static final double S_MIN = 0.001;
    private static final double[] DEFAULT_S0 = {0.212, 1.2931, 2.3065, 8.2956};

    private Pretraining() {
    }

    /** w0-w3 and the item count per first rating (index 1..4), or null when no first rating has data. */
    static Result pretrain(List<TrainingItem> pretrainSet, double averageRecall) {
        // first rating -> gap -> [recalled, count]
        Map<Integer, TreeMap<Integer, long[]>> groups = new TreeMap<>();
        for (TrainingItem item : pretrainSet) {
            int first = item.rating(0);
            long[] counts = groups.computeIfAbsent(first, k -> new TreeMap<>())
                    .computeIfAbsent(item.firstLongTermDelta(), k -> new long[2]);
            // the first long-term review of a one-long-term-review item is its predicted one
            counts[0] += item.label();
            counts[1]++;
        }
        int[] ratingCount = new int[5];
        Double[] stability = new Double[5];
        double decay = -FsrsParameters.defaults().get(20);
        double factor = Math.pow(0.9, 1 / decay) - 1;
        for (var entry : groups.entrySet()) {
            int rating = entry.getKey();
            int size = entry.getValue().size();
            double[] t = new double[size];
            double[] recall = new double[size];
            double[] count = new double[size];
            int i = 0;
            for (var gap : entry.getValue().entrySet()) {
                t[i] = gap.getKey();
                count[i] = gap.getValue()[1];
                double real = (double) gap.getValue()[0] / gap.getValue()[1];
                // Laplace smoothing towards the average recall, as fsrs-rs does
                recall[i] = (real * count[i] + averageRecall) / (count[i] + 1);
                ratingCount[rating] += (int) count[i];
                i++;
            }
            stability[rating] = search(t, recall, count, DEFAULT_S0[rating - 1], decay, factor);
        }
        double[] filled = smoothAndFill(stability, ratingCount);
        return filled == null ? null : new Result(filled, ratingCount);
    }

    record Result(double[] initialStability, int[] ratingCount) {
    }

    private static double search(double[] t, double[] recall, double[] count, double defaultS0, double decay,
                                 double factor) {
        double low = S_MIN;
        double high = INIT_S_MAX;
        double optimal = defaultS0;
        for (int iter = 0; high - low > Math.ulp(1.0) && iter < 1000; iter++) {
            double mid1 = low + (high - low) / 3;
            double mid2 = high - (high - low) / 3;
            if (loss(t, recall, count, mid1, defaultS0, decay, factor) < loss(t, recall, count, mid2, defaultS0, decay, factor)) {
                high = mid2;
            } else {
                low = mid1;
            }
            optimal = (high + low) / 2;
        }
        return optimal;
    }

    static double loss(double[] t, double[] recall, double[] count, double s0, double defaultS0, double decay,
                       double factor) {
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            double y = Math.pow(1 + factor * t[i] / s0, decay);
            sum += -(recall[i] * Math.log(y) + (1 - recall[i]) * Math.log(1 - y)) * count[i];
        }
        return sum + Math.abs(s0 - defaultS0) / 16;
    }

    /**
     * fsrs-rs {@code smooth_and_fill}: a lower rating may not have a higher stability than a higher one (the one with
     * more data wins), and ratings without data are filled from the others by the same geometric rules. Null when no
     * rating has data.
     */
    static double[] smoothAndFill(Double[] stability, int[] ratingCount) {
        Double[] r = stability.clone();
        for (int k = 1; k <= 4; k++) {
            if (r[k] != null && ratingCount[k] == 0) {
                r[k] = null;
            }
        }
        int[][] pairs = {{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}};
        for (int[] p : pairs) {
            Double small = r[p[0]];
            Double big = r[p[1]];
            if (small != null && big != null && small > big) {
                if (ratingCount[p[0]] > ratingCount[p[1]]) {
                    r[p[1]] = small;
                } else {
                    r[p[0]] = big;
                }
            }
        }
        double w1 = 3.0 / 5;
        double w2 = 3.0 / 5;
        int known = 0;
        for (int k = 1; k <= 4; k++) {
            known += r[k] != null ? 1 : 0;
        }
        if (known == 0) {
            return null;
        }
        if (known == 1) {
            int k = 1;
            while (r[k] == null) {
                k++;
            }
            double f = r[k] / DEFAULT_S0[k - 1];
            for (int j = 1; j <= 4; j++) {
                r[j] = DEFAULT_S0[j - 1] * f;
            }
        } else if (known == 2) {
            if (r[1] == null && r[2] == null) {
                double r2 = Math.pow(r[3], 1 / (1 - w2)) * Math.pow(r[4], 1 - 1 / (1 - w2));
                r[2] = r2;
                r[1] = Math.pow(r2, 1 / w1) * Math.pow(r[3], 1 - 1 / w1);
            } else if (r[1] == null && r[3] == null) {
                double r3 = Math.pow(r[2], 1 - w2) * Math.pow(r[4], w2);
                r[3] = r3;
                r[1] = Math.pow(r[2], 1 / w1) * Math.pow(r3, 1 - 1 / w1);
            } else if (r[1] == null && r[4] == null) {
                r[4] = Math.pow(r[2], 1 - 1 / w2) * Math.pow(r[3], 1 / w2);
                r[1] = Math.pow(r[2], 1 / w1) * Math.pow(r[3], 1 - 1 / w1);
            } else if (r[2] == null && r[3] == null) {
                double c = w1 + w2 - w1 * w2;
                r[2] = Math.pow(r[1], w1 / c) * Math.pow(r[4], 1 - w1 / c);
                r[3] = Math.pow(r[1], 1 - w2 / c) * Math.pow(r[4], w2 / c);
            } else if (r[2] == null && r[4] == null) {
                double r2 = Math.pow(r[1], w1) * Math.pow(r[3], 1 - w1);
                r[2] = r2;
                r[4] = Math.pow(r2, 1 - 1 / w2) * Math.pow(r[3], 1 / w2);
            } else if (r[3] == null && r[4] == null) {
                double r3 = Math.pow(r[1], 1 - 1 / (1 - w1)) * Math.pow(r[2], 1 / (1 - w1));
                r[3] = r3;
                r[4] = Math.pow(r[2], 1 - 1 / w2) * Math.pow(r3, 1 / w2);
            }
        } else if (known == 3) {
            if (r[1] == null) {
                r[1] = Math.pow(r[2], 1 / w1) * Math.pow(r[3], 1 - 1 / w1);
            } else if (r[2] == null) {
                r[2] = Math.pow(r[1], w1) * Math.pow(r[3], 1 - w1);
            } else if (r[3] == null) {
                r[3] = Math.pow(r[2], 1 - w2) * Math.pow(r[4], w2);
            } else {
                r[4] = Math.pow(r[2], 1 - 1 / w2) * Math.pow(r[3], 1 / w2);
            }
        }
        double[] out = new double[4];
        for (int k = 1; k <= 4; k++) {
            out[k - 1] = Math.min(Math.max(r[k], S_MIN), INIT_S_MAX);
        }
        return out;
    }
}
