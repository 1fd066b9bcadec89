package io.demodeck.review.scheduler;

import java.util.Arrays;

/**
 * A validated FSRS-6 parameter vector w0..w20 (immutable). FSRS-5 (19 numbers) and FSRS-4.5
 * (17 numbers) vectors are converted on the way in, as fsrs-rs and ts-fsrs do (FSRS-SPEC §3.8).
 * Out-of-range values are rejected rather than clamped (py-fsrs behaviour), so a typo in a pasted
 * vector is reported instead of silently changing the schedule.
 */
public final class FsrsParameters {

    public static final int SIZE = 21;

    private static final double[] MIN = {
            0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001,
            0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1};
    private static final double[] MAX = {
            100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5,
            5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8};

    private static final FsrsParameters DEFAULTS = new FsrsParameters(new double[]{
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
            1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542});

    private final double[] w;

    private FsrsParameters(double[] w) {
        this.w = w;
    }

    /** The FSRS-6 defaults shared by py-fsrs, ts-fsrs and fsrs-rs. */
    public static FsrsParameters defaults() {
        return DEFAULTS;
    }

    /**
     * Validates a 21-, 19- or 17-number vector.
     *
     * @throws IllegalArgumentException naming the index, the value and the allowed range, or the wrong length
     */
    public static FsrsParameters of(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("FSRS parameters are missing");
        }
        double[] w = switch (values.length) {
            case 21 -> values.clone();
            case 19 -> fillFsrs5(values);
            case 17 -> convertFsrs45(values);
            default -> throw new IllegalArgumentException(
                    "FSRS parameters need 21 numbers (or 19 / 17 for FSRS-5 / FSRS-4.5), got " + values.length);
        };
        for (int i = 0; i < SIZE; i++) {
            double v = w[i];
            if (!(v >= MIN[i] && v <= MAX[i])) { // also rejects NaN
                throw new IllegalArgumentException("FSRS parameter w" + i + " = " + v + " is outside the allowed range "
                        + MIN[i] + ".." + MAX[i] + (values.length == SIZE ? "" : " (after conversion from "
                        + values.length + " numbers)"));
            }
        }
        return new FsrsParameters(w);
    }

    private static double[] fillFsrs5(double[] v) {
        double[] w = Arrays.copyOf(v, SIZE);
        w[19] = 0.0;
        w[20] = 0.5;
        return w;
    }

    private static double[] convertFsrs45(double[] v) {
        double[] w = Arrays.copyOf(v, SIZE);
        w[4] = v[4] + 2 * v[5];
        w[5] = Math.log(3 * v[5] + 1) / 3;
        w[6] = v[6] + 0.5;
        w[17] = 0.0;
        w[18] = 0.0;
        w[19] = 0.0;
        w[20] = 0.5;
        return w;
    }

    /**
     * The highest w17 and w18 may be with {@code relearningSteps} relearning steps (fsrs-rs, ts-fsrs; FSRS-SPEC §3.2): with
     * more than one step, that many same-day answers after a lapse must not lift stability above what it was before the
     * lapse, so the ceiling is {@code sqrt(-(ln w11 + ln(2^w13 - 1) + 0.3 w14) / n)}, at most 2.
     */
    public double sameDayCeiling(int relearningSteps) {
        if (relearningSteps <= 1) {
            return MAX[17];
        }
        double bound = -(Math.log(w[11]) + Math.log(Math.pow(2, w[13]) - 1) + 0.3 * w[14]) / relearningSteps;
        return Math.min(MAX[17], Math.sqrt(Math.max(0, bound)));
    }

    /** These parameters with w17 and w18 lowered to {@link #sameDayCeiling} where they are above it. */
    public FsrsParameters withSameDayCeiling(int relearningSteps) {
        double ceiling = sameDayCeiling(relearningSteps);
        if (w[17] <= ceiling && w[18] <= ceiling) {
            return this;
        }
        double[] clamped = w.clone();
        clamped[17] = Math.min(clamped[17], ceiling);
        clamped[18] = Math.min(clamped[18], ceiling);
        return new FsrsParameters(clamped);
    }

    /** Parameter w{@code i}. */
    public double get(int i) {
        return w[i];
    }

    public double[] toArray() {
        return w.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsrsParameters other && Arrays.equals(w, other.w);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w);
    }

    @Override
    public String toString() {
        return "FsrsParameters" + Arrays.toString(w);
    }
}
