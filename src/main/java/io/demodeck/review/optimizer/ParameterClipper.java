package io.demodeck.review.optimizer;

/**
 * fsrs-rs's bounds, applied after every optimizer step. The initial stabilities may not exceed 100 days, and with more
 * than one relearning step w17 and w18 share the ceiling that keeps same-day answers after a lapse from lifting
 * stability above its value before the lapse (at least sqrt(0.01) = 0.1, at most 2).
 */
public final class ParameterClipper {

    static final double[] LOW = {0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001,
            0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1};
    static final double[] HIGH = {100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5,
            5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8};

    private ParameterClipper() {
    }

    /** Clamps {@code w} in place. */
    public static void clip(double[] w, int relearningSteps) {
        double ceiling = 2;
        if (relearningSteps > 1) {
            double bound = -(Math.log(w[11]) + Math.log(Math.pow(2, w[13]) - 1) + w[14] * 0.3) / relearningSteps;
            ceiling = Math.min(2, Math.sqrt(Math.max(0.01, bound)));
        }
        for (int i = 0; i < w.length; i++) {
            double high = i == 17 || i == 18 ? ceiling : HIGH[i];
            w[i] = Math.min(Math.max(w[i], LOW[i]), high);
        }
    }
}
