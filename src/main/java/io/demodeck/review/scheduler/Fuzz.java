package io.demodeck.review.scheduler;

/**
 * Interval fuzz with Anki's bounds and floor draw (FSRS-SPEC §3.7), so cards reviewed together drift
 * apart. The random number comes from the card id and its review count: the interval shown on a
 * button before grading is exactly the one applied.
 */
public final class Fuzz {

    /** Inclusive bounds of the fuzzed interval. */
    public record Bounds(int min, int max) {
    }

    private Fuzz() {
    }

    /** The half-width of the fuzz range: 1 + 15% of days 2.5..7 + 10% of 7..20 + 5% above 20. */
    public static double delta(double interval) {
        if (interval < 2.5) {
            return 0;
        }
        return 1.0 + 0.15 * overlap(interval, 2.5, 7) + 0.10 * overlap(interval, 7, 20)
                + 0.05 * overlap(interval, 20, Double.POSITIVE_INFINITY);
    }

    private static double overlap(double interval, double start, double end) {
        return Math.max(0, Math.min(interval, end) - start);
    }

    /**
     * The allowed range for an unrounded interval of at least 2.5 days, after raising it to
     * {@code minimum} (button ordering) and capping at {@code maximum}.
     */
    public static Bounds bounds(double interval, int elapsedDays, int minimum, int maximum) {
        long packed = packedBounds(interval, elapsedDays, minimum, maximum);
        return new Bounds((int) (packed >>> 32), (int) packed);
    }

    // lo in the high 32 bits, hi in the low 32: no allocation on the scheduler's hot path
    private static long packedBounds(double interval, int elapsedDays, int minimum, int maximum) {
        minimum = Math.min(minimum, maximum);
        double ivl = Math.min(Math.max(interval, minimum), maximum);
        double delta = delta(ivl);
        long lo = Math.max(2, Math.round(ivl - delta));
        long hi = Math.round(ivl + delta);
        if (ivl > elapsedDays) {
            // a card that is growing never comes back sooner than it already waited
            lo = Math.max(lo, elapsedDays + 1L);
        }
        lo = Math.min(Math.max(lo, minimum), maximum);
        hi = Math.min(Math.max(hi, lo), maximum);
        if (hi == lo && hi > 2 && hi < maximum) {
            hi = lo + 1;
        }
        return (lo << 32) | hi;
    }

    /**
     * Whole days for an unrounded interval: rounded (half up) when {@code unit} is negative (fuzz off)
     * or the interval is below 2.5 days, otherwise {@code floor(lo + unit·(hi-lo+1))}.
     *
     * @param unit a number in [0, 1), or a negative number for no fuzz
     */
    public static int apply(double interval, int elapsedDays, int minimum, int maximum, double unit) {
        if (unit < 0 || interval < 2.5) {
            long days = Math.max(Math.round(interval), Math.max(1, minimum));
            return (int) Math.min(days, maximum);
        }
        long packed = packedBounds(interval, elapsedDays, minimum, maximum);
        int lo = (int) (packed >>> 32);
        int hi = (int) packed;
        int days = (int) Math.floor(lo + unit * (hi - lo + 1));
        return Math.min(days, hi);
    }

    /** A uniform number in [0, 1) determined by the card and its review count (SplitMix64). */
    public static double unit(long cardId, int reps) {
        long z = cardId * 0x9E3779B97F4A7C15L + reps * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
