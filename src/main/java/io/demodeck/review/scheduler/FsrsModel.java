package io.demodeck.review.scheduler;

/**
 * The FSRS-6 memory model (FSRS-SPEC §3.3-3.4): a double-precision port of fsrs-rs {@code step()} with the
 * Hard floor on same-day stability. Pure functions of the parameters; no scheduling policy here.
 *
 * <p>With {@code shortTerm = false} (ts-fsrs "long-term" mode) a same-day review uses the ordinary
 * recall/forget formulas at R = 1 and the post-lapse cap ignores w17·w18.
 */
public final class FsrsModel {

    public static final double MIN_STABILITY = 0.001;
    public static final double MAX_STABILITY = 36500;
    public static final double MIN_DIFFICULTY = 1;
    public static final double MAX_DIFFICULTY = 10;

    private final double[] w;
    private final boolean shortTerm;
    private final double decay;
    private final double factor;
    private final double expW8;
    private final double meanReversionTarget;
    private final double forgetCapDivisor;
    private final double[] sameDayIncrease = new double[5];

    public FsrsModel(FsrsParameters parameters, boolean shortTerm) {
        this.w = parameters.toArray();
        this.shortTerm = shortTerm;
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
        this.expW8 = Math.exp(w[8]);
        // mean reversion aims at the UNCLAMPED initial difficulty of Easy (negative with the defaults)
        this.meanReversionTarget = rawInitialDifficulty(4);
        this.forgetCapDivisor = shortTerm ? Math.exp(w[17] * w[18]) : 1.0;
        for (int g = 1; g <= 4; g++) {
            sameDayIncrease[g] = Math.exp(w[17] * (g - 3 + w[18]));
        }
    }

    public FsrsModel(FsrsParameters parameters) {
        this(parameters, true);
    }

    public boolean shortTerm() {
        return shortTerm;
    }

    /** DECAY = -w20. */
    public double decay() {
        return decay;
    }

    /** FACTOR = 0.9^(1/DECAY) - 1, so that R(S, S) = 0.9. */
    public double factor() {
        return factor;
    }

    /** R(t, S) = (1 + FACTOR·t/S)^DECAY. */
    public double retrievability(double elapsedDays, double stability) {
        if (elapsedDays == 0) {
            return 1.0; // exactly what pow(1, DECAY) gives, without the pow: same-day reviews are common
        }
        return Math.pow(1 + factor * elapsedDays / stability, decay);
    }

    public double initialStability(Rating rating) {
        return Math.max(w[rating.grade() - 1], MIN_STABILITY);
    }

    public double initialDifficulty(Rating rating) {
        return clampDifficulty(rawInitialDifficulty(rating.grade()));
    }

    private double rawInitialDifficulty(int grade) {
        return w[4] - Math.exp(w[5] * (grade - 1)) + 1;
    }

    /** Linear damping towards 10, then mean reversion towards D0(Easy), then clamp to [1, 10]. */
    public double nextDifficulty(double difficulty, Rating rating) {
        double delta = -w[6] * (rating.grade() - 3);
        double damped = difficulty + delta * (10 - difficulty) / 9;
        return clampDifficulty(w[7] * meanReversionTarget + (1 - w[7]) * damped);
    }

    /** Stability after a successful review (used with Hard, Good, Easy; the formula accepts Again too). */
    public double stabilityAfterRecall(double difficulty, double stability, double retrievability, Rating rating) {
        double bonus = switch (rating) {
            case HARD -> w[15];
            case EASY -> w[16];
            default -> 1;
        };
        return stability * (1 + recallGrowth(difficulty, stability, retrievability) * bonus);
    }

    /** e^w8·(11-D)·S^-w9·(e^(w10·(1-R)) - 1): shared by the three passing ratings. */
    double recallGrowth(double difficulty, double stability, double retrievability) {
        return expW8 * (11 - difficulty) * Math.pow(stability, -w[9]) * (Math.exp(w[10] * (1 - retrievability)) - 1);
    }

    double recallBonus(Rating rating) {
        return switch (rating) {
            case HARD -> w[15];
            case EASY -> w[16];
            default -> 1;
        };
    }

    /** Stability after a lapse, capped so that a lapse never raises stability. */
    public double stabilityAfterForget(double difficulty, double stability, double retrievability) {
        double longTerm = w[11] * Math.pow(difficulty, -w[12]) * (Math.pow(stability + 1, w[13]) - 1)
                * Math.exp(w[14] * (1 - retrievability));
        return Math.min(longTerm, stability / forgetCapDivisor);
    }

    /** Same-day stability: S·e^(w17·(G-3+w18))·S^-w19, with the increase floored at 1 for Hard, Good, Easy. */
    public double shortTermStability(double stability, Rating rating) {
        double increase = sameDayIncrease[rating.grade()] * Math.pow(stability, -w[19]);
        if (rating != Rating.AGAIN && increase < 1) {
            increase = 1;
        }
        return stability * increase;
    }

    /** The unrounded interval in days at which R falls to {@code desiredRetention}. */
    public double nextInterval(double stability, double desiredRetention) {
        return stability / factor * (Math.pow(desiredRetention, 1 / decay) - 1);
    }

    /** max(1, round(interval)) capped at {@code maximumDays}; half-up rounding. */
    public int nextIntervalDays(double stability, double desiredRetention, int maximumDays) {
        return roundDays(nextInterval(stability, desiredRetention), maximumDays);
    }

    static int roundDays(double interval, int maximumDays) {
        long days = Math.round(interval);
        return (int) Math.min(Math.max(days, 1), maximumDays);
    }

    /** The first state of a never-reviewed card. */
    public MemoryState initial(Rating rating) {
        return new MemoryState(initialStability(rating), initialDifficulty(rating));
    }

    /**
     * One review: the memory state after {@code rating}, {@code elapsedDays} whole days after the
     * previous review of a card in state {@code previous} (null for a first review).
     */
    public MemoryState next(MemoryState previous, int elapsedDays, Rating rating) {
        if (previous == null) {
            return initial(rating);
        }
        double s = previous.stability();
        double d = previous.difficulty();
        double newS;
        if (elapsedDays == 0 && shortTerm) {
            newS = shortTermStability(s, rating);
        } else {
            double r = retrievability(elapsedDays, s);
            newS = rating == Rating.AGAIN ? stabilityAfterForget(d, s, r) : stabilityAfterRecall(d, s, r, rating);
        }
        return new MemoryState(clampStability(newS), nextDifficulty(d, rating));
    }

    /**
     * Converts an SM-2 card (ease factor, interval) into a memory state, for imports without a usable
     * review history (fsrs-rs {@code memory_state_from_sm2}).
     */
    public MemoryState fromSm2(double easeFactor, double intervalDays, double sm2Retention) {
        double s = clampStability(Math.max(intervalDays, MIN_STABILITY) * factor
                / (Math.pow(sm2Retention, 1 / decay) - 1));
        double growth = expW8 * Math.pow(s, -w[9]) * (Math.exp((1 - sm2Retention) * w[10]) - 1);
        double d = clampDifficulty(11 - (easeFactor - 1) / growth);
        return new MemoryState(s, d);
    }

    static double clampStability(double s) {
        return Math.min(Math.max(s, MIN_STABILITY), MAX_STABILITY);
    }

    static double clampDifficulty(double d) {
        return Math.min(Math.max(d, MIN_DIFFICULTY), MAX_DIFFICULTY);
    }
}
