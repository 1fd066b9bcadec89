package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * fsrs-rs's measures of how well a vector predicts recall: the log loss (mean binary cross-entropy) and RMSE(bins),
 * the root of the item-weighted mean squared gap between predicted and actual recall within bins of gap, number of
 * long-term reviews and lapses ({@code r_matrix_index}).
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** Log loss and RMSE(bins) of one vector (or one prediction procedure) on some items. */
    public record Metrics(double logLoss, double rmseBins, int items) {
    }

    /**
     * The held-out comparison of the learner's current vector with fitting: the items are cut, in time order, into six
     * segments; five times a vector is fitted on the segments before one segment and both are judged on that segment
     * only (fsrs-rs {@code evaluate_with_time_series_splits}), so no review judges a fit trained on it.
     *
     * @param fitBeatsCurrent whether the fitted vectors' held-out log loss is below the current vector's
     */
    public record Comparison(Metrics current, Metrics fitted, boolean fitBeatsCurrent) {
    }

    public static Metrics metrics(List<TrainingItem> items, FsrsParameters parameters) {
        double[] w = parameters.toArray();
        Gradients model = new Gradients();
        Accumulator acc = new Accumulator();
        for (TrainingItem item : items) {
            acc.add(item, model.predict(w, item));
        }
        return acc.metrics();
    }

    /**
     * Time-series evaluation; null when there are too few items for six segments.
     *
     * @param progress receives the fraction done, 0..1
     */
    public static Comparison compare(List<TrainingItem> items, FsrsParameters current, int relearningSteps,
                                     DoubleConsumer progress, BooleanSupplier cancelled) {
        int splits = 5;
        int segment = items.size() / (splits + 1);
        if (segment == 0) {
            return null;
        }
        double[] currentW = current.toArray();
        Gradients model = new Gradients();
        Accumulator currentAcc = new Accumulator();
        Accumulator fittedAcc = new Accumulator();
        // fit i trains on (i+1) segments: weigh progress by that
        double totalWork = 0;
        for (int i = 0; i < splits; i++) {
            totalWork += i + 1;
        }
        double before = 0;
        for (int i = 0; i < splits; i++) {
            int testStart = (i + 1) * segment;
            int testEnd = i == splits - 1 ? items.size() : (i + 2) * segment;
            double offset = before / totalWork;
            double share = (i + 1) / totalWork;
            Optimizer optimizer = new Optimizer(relearningSteps, p -> progress.accept(offset + share * p), cancelled);
            double[] fitted = optimizer.fit(items.subList(0, testStart)).parameters().toArray();
            for (TrainingItem item : items.subList(testStart, testEnd)) {
                currentAcc.add(item, model.predict(currentW, item));
                fittedAcc.add(item, model.predict(fitted, item));
            }
            before += i + 1;
        }
        progress.accept(1);
        Metrics c = currentAcc.metrics();
        Metrics f = fittedAcc.metrics();
        return new Comparison(c, f, f.logLoss() < c.logLoss());
    }

    /** fsrs-rs {@code r_matrix_index}: bins of gap, long-term review count and lapses. */
    static long bin(TrainingItem item) {
        double delta = item.currentDelta();
        long deltaBin = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(delta) / Math.log(3.62))) * 100);
        double length = item.longTermReviewCount() + 1.0;
        long lengthBin = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(length) / Math.log(1.89))));
        int lapses = item.lapsesInHistory();
        long lapseBin = lapses == 0 ? 0
                : Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73))));
        return (deltaBin << 32) | (lengthBin << 16) | lapseBin;
    }

    private static final class Accumulator {
        private final Map<Long, double[]> bins = new HashMap<>();
        private double logLoss;
        private int count;

        void add(TrainingItem item, double r) {
            int y = item.label();
            // guard the logarithm as float rounding does in fsrs-rs; a prediction of exactly 0 or 1 is rare but possible
            double p = Math.min(Math.max(r, 1e-12), 1 - 1e-12);
            logLoss += -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
            count++;
            double[] b = bins.computeIfAbsent(bin(item), k -> new double[3]);
            b[0] += r;
            b[1] += y;
            b[2] += 1;
        }

        Metrics metrics() {
            if (count == 0) {
                return new Metrics(Double.NaN, Double.NaN, 0);
            }
            double sum = 0;
            double weights = 0;
            for (double[] b : bins.values()) {
                double gap = b[0] / b[2] - b[1] / b[2];
                sum += gap * gap * b[2];
                weights += b[2];
            }
            return new Metrics(logLoss / count, Math.sqrt(sum / weights), count);
        }
    }
}
