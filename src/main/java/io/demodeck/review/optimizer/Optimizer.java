package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Fits the 21 FSRS-6 parameters to a learner's training items the way fsrs-rs {@code compute_parameters} does:
 * outlier filtering, pretraining of w0-w3, then Adam (learning rate 0.04 with cosine annealing, 5 epochs, batches of
 * 512 items sorted by history length and visited in a seeded random order, recency weights, an L2 pull towards the
 * starting vector scaled by fsrs-rs's parameter spreads) with clipping after every step, keeping the epoch with the
 * lowest training loss. Fewer than 8 items keep the defaults; fewer than 64 fit only w0-w3 (SPEC §3.11 item 8).
 */
public final class Optimizer {

    public static final int MIN_ITEMS = 8;
    public static final int MIN_ITEMS_FULL = 64;
    static final double LEARNING_RATE = 4e-2;
    static final int EPOCHS = 5;
    static final int BATCH_SIZE = 512;
    static final long SEED = 2023;
    static final int MAX_SEQ_LEN = 64;
    static final double GAMMA = 1.0;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    /** fsrs-rs / fsrs-optimizer FSRS-6 parameter spreads for the L2 pull. */
    static final double[] PARAMS_STDDEV = {6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3,
            0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27};

    /** How far a fit got: the defaults (too little data), w0-w3 only, or all 21 parameters. */
    public enum Kind { DEFAULTS, PRETRAINED, FULL }

    /**
     * @param itemsUsed items left after outlier filtering (0 when the defaults were kept for lack of data)
     */
    public record Fit(FsrsParameters parameters, Kind kind, int itemsUsed) {
    }

    /** Thrown when the caller's cancellation check says stop. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("fit cancelled");
        }
    }

    private final int relearningSteps;
    private final DoubleConsumer progress;
    private final BooleanSupplier cancelled;

    /**
     * @param relearningSteps the learner's number of relearning steps (it bounds w17 and w18)
     * @param progress        receives the fraction done, 0..1, after every batch
     * @param cancelled       polled after every batch
     */
    public Optimizer(int relearningSteps, DoubleConsumer progress, BooleanSupplier cancelled) {
        this.relearningSteps = relearningSteps;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    public Optimizer(int relearningSteps) {
        this(relearningSteps, p -> { }, () -> false);
    }

    /** Items split into fsrs-rs's pretraining set (after outlier filtering) and training set. */
    record Prepared(List<TrainingItem> pretrainSet, List<TrainingItem> trainSet) {
    }

    /**
     * fsrs-rs {@code prepare_training_data}: items whose predicted review is the card's first on a later day form the
     * pretraining set; per first rating, the rarest gaps (5 % of the items, at least 20) and gaps seen fewer than six
     * times or longer than 100 days (365 for Easy) are outliers, and every item of a card that started with such a
     * first rating and first gap leaves the training set too.
     */
    static Prepared prepare(List<TrainingItem> items) {
        Map<Integer, Map<Integer, List<TrainingItem>>> groups = new TreeMap<>();
        for (TrainingItem item : items) {
            if (item.longTermReviewCount() == 1) {
                groups.computeIfAbsent(item.rating(0), k -> new TreeMap<>())
                        .computeIfAbsent(item.firstLongTermDelta(), k -> new ArrayList<>()).add(item);
            }
        }
        List<TrainingItem> filtered = new ArrayList<>();
        List<Set<Integer>> removed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            removed.add(new HashSet<>());
        }
        for (var byRating : groups.entrySet()) {
            int rating = byRating.getKey();
            List<Map.Entry<Integer, List<TrainingItem>>> subGroups = new ArrayList<>(byRating.getValue().entrySet());
            // smallest groups first, and among equal sizes the shorter gap first
            subGroups.sort(Comparator.<Map.Entry<Integer, List<TrainingItem>>>comparingInt(e -> e.getValue().size())
                    .thenComparingInt(Map.Entry::getKey));
            int total = subGroups.stream().mapToInt(e -> e.getValue().size()).sum();
            int removedCount = 0;
            for (var sub : subGroups) {
                int size = sub.getValue().size();
                int delta = sub.getKey();
                if (removedCount + size >= Math.max(20, total / 20)) {
                    if (size >= 6 && delta <= (rating != 4 ? 100 : 365)) {
                        filtered.addAll(sub.getValue());
                    } else {
                        removed.get(rating).add(delta);
                    }
                } else {
                    removedCount += size;
                    removed.get(rating).add(delta);
                }
            }
        }
        List<TrainingItem> train = new ArrayList<>(items.size());
        for (TrainingItem item : items) {
            if (!removed.get(item.rating(0)).contains(item.firstLongTermDelta())) {
                train.add(item);
            }
        }
        // the pretraining set in time order like everything else (fsrs-rs keeps group order; only counts matter)
        filtered.sort(Comparator.comparingLong(TrainingItem::reviewedAt));
        return new Prepared(filtered, train);
    }

    static double averageRecall(List<TrainingItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        long recalled = 0;
        for (TrainingItem item : items) {
            recalled += item.label();
        }
        return (double) recalled / items.size();
    }

    /** Fits parameters to {@code items} (oldest predicted review first). */
    public Fit fit(List<TrainingItem> items) {
        double averageRecall = averageRecall(items);
        Prepared prepared = prepare(items);
        List<TrainingItem> train = prepared.trainSet();
        if (train.size() < MIN_ITEMS) {
            progress.accept(1);
            return new Fit(FsrsParameters.defaults(), Kind.DEFAULTS, 0);
        }
        Pretraining.Result pre = Pretraining.pretrain(prepared.pretrainSet(), averageRecall);
        if (pre == null) {
            // every first-review group was an outlier: fsrs-rs reports "not enough data"
            progress.accept(1);
            return new Fit(FsrsParameters.defaults(), Kind.DEFAULTS, 0);
        }
        double[] w = FsrsParameters.defaults().toArray();
        System.arraycopy(pre.initialStability(), 0, w, 0, 4);
        if (train.size() == prepared.pretrainSet().size() || train.size() < MIN_ITEMS_FULL) {
            progress.accept(1);
            return new Fit(FsrsParameters.of(w), Kind.PRETRAINED, train.size());
        }
        double[] trained = train(train, w);
        Double[] s0 = new Double[5];
        for (int i = 0; i < 4; i++) {
            s0[i + 1] = trained[i];
        }
        double[] smoothed = Pretraining.smoothAndFill(s0, pre.ratingCount());
        System.arraycopy(smoothed, 0, trained, 0, 4);
        for (double v : trained) {
            if (!Double.isFinite(v)) {
                return new Fit(FsrsParameters.defaults(), Kind.DEFAULTS, 0);
            }
        }
        // the clipper's bounds are FsrsParameters' bounds (except the w17/w18 ceiling, which is lower or equal)
        return new Fit(FsrsParameters.of(trained), Kind.FULL, train.size());
    }

    private record Weighted(TrainingItem item, double weight) {
    }

    private double[] train(List<TrainingItem> train, double[] start) {
        int n = train.size();
        double denominator = Math.max(n - 1, 1);
        List<Weighted> weighted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TrainingItem item = train.get(i);
            if (item.length() <= MAX_SEQ_LEN) {
                double x = i / denominator;
                weighted.add(new Weighted(item, 0.25 + 0.75 * x * x * x));
            }
        }
        // fsrs-rs batches items of similar history length together (a stable sort) and shuffles the batch order
        weighted.sort(Comparator.comparingInt(wi -> wi.item().length()));
        int total = weighted.size();
        List<List<Weighted>> batches = new ArrayList<>();
        for (int from = 0; from < total; from += BATCH_SIZE) {
            batches.add(weighted.subList(from, Math.min(total, from + BATCH_SIZE)));
        }
        int iterations = (total / BATCH_SIZE + 1) * EPOCHS;
        Random random = new Random(SEED);
        Gradients gradients = new Gradients();
        double[] w = start.clone();
        double[] init = start.clone();
        double[] m = new double[Gradients.N];
        double[] v = new double[Gradients.N];
        double[] grad = new double[Gradients.N];
        double[] best = w.clone();
        double bestLoss = Double.POSITIVE_INFINITY;
        int step = 0;
        long done = 0;
        long work = (long) EPOCHS * total * 2; // each epoch: one training and one validation pass
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            order.add(b);
        }
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int b : order) {
                List<Weighted> batch = batches.get(b);
                Arrays.fill(grad, 0);
                for (Weighted wi : batch) {
                    gradients.lossAndGradient(w, wi.item(), wi.weight(), grad);
                }
                double scale = GAMMA * batch.size() / total;
                for (int k = 0; k < Gradients.N; k++) {
                    grad[k] += scale * 2 * (w[k] - init[k]) / (PARAMS_STDDEV[k] * PARAMS_STDDEV[k]);
                }
                step++;
                double lr = LEARNING_RATE * (1 + Math.cos(Math.PI * step / iterations)) / 2;
                double c1 = 1 - Math.pow(BETA1, step);
                double c2 = 1 - Math.pow(BETA2, step);
                for (int k = 0; k < Gradients.N; k++) {
                    m[k] = BETA1 * m[k] + (1 - BETA1) * grad[k];
                    v[k] = BETA2 * v[k] + (1 - BETA2) * grad[k] * grad[k];
                    w[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + EPSILON);
                }
                ParameterClipper.clip(w, relearningSteps);
                done += batch.size();
                report(done, work);
            }
            double loss = 0;
            for (List<Weighted> batch : batches) {
                for (Weighted wi : batch) {
                    double r = gradients.predict(w, wi.item());
                    loss += -wi.weight() * (wi.item().label() == 1 ? Math.log(r) : Math.log(1 - r));
                }
                loss += penalty(w, init, batch.size(), total);
                done += batch.size();
                report(done, work);
            }
            loss /= total;
            if (loss < bestLoss) {
                bestLoss = loss;
                best = w.clone();
            }
        }
        return best;
    }

    private void report(long done, long work) {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
        progress.accept(Math.min(1.0, (double) done / work));
    }

    static double penalty(double[] w, double[] init, int batchSize, int total) {
        double sum = 0;
        for (int k = 0; k < Gradients.N; k++) {
            double diff = w[k] - init[k];
            sum += diff * diff / (PARAMS_STDDEV[k] * PARAMS_STDDEV[k]);
        }
        return sum * GAMMA * batchSize / total;
    }
}
