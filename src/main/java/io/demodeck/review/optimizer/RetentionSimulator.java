package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsModel;
import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.MemoryState;
import io.demodeck.review.scheduler.Rating;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The recommended desired retention, as Anki's "compute minimum recommended retention" finds it: a year of the
 * learner's cards is simulated with their parameters at each desired retention from 0.70 to 0.95, and the retention
 * with the least review time per remembered card (total seconds / the sum of recall probabilities at the end) wins.
 * Costs and rating mixes are fsrs-rs's simulator defaults; every retention sees the same random draws, so the curve
 * is smooth. Review-state cards start from their memory state; new cards come in at the learner's daily limit.
 * A large collection is simulated from a sample: every {@code weight}-th studied card (the caller samples them) and
 * every {@code weight}-th new card, each standing for {@code weight} cards, so the time and reviews per day are the
 * whole collection's while the work stays bounded.
 */
public final class RetentionSimulator {

    static final double[] LEARN_COSTS = {33.79, 24.3, 13.68, 6.5};
    static final double[] REVIEW_COSTS = {23.0, 11.68, 7.33, 5.6};
    static final double[] FIRST_RATING_PROB = {0.24, 0.094, 0.495, 0.171};
    static final double[] REVIEW_RATING_PROB = {0.224, 0.631, 0.145};
    public static final int DAYS = 365;

    /** A card already studied: its memory state and the whole days since its last review. */
    public record StudiedCard(double stability, double difficulty, int elapsedDays) {
    }

    /** One desired retention's outcome over the simulated year. */
    public record Point(double retention, double reviewsPerDay, double minutesPerDay, double secondsPerRemembered) {
    }

    private RetentionSimulator() {
    }

    public static List<Point> workload(FsrsParameters parameters, List<StudiedCard> studied, int newCards,
                                       int newPerDay, long seed) {
        return workload(parameters, studied, 1, newCards, newPerDay, seed);
    }

    /** {@link #workload(FsrsParameters, List, int, int, long)} of a sample: each card simulated stands for {@code weight}. */
    public static List<Point> workload(FsrsParameters parameters, List<StudiedCard> studied, int weight, int newCards,
                                       int newPerDay, long seed) {
        List<Point> points = new ArrayList<>();
        for (int pct = 70; pct <= 95; pct++) {
            points.add(simulate(parameters, studied, weight, newCards, newPerDay, pct / 100.0, seed));
        }
        return points;
    }

    /** One desired retention's year (the settings page's expected workload); a sample as in {@link #workload}. */
    public static Point at(FsrsParameters parameters, List<StudiedCard> studied, int weight, int newCards, int newPerDay,
                           double retention, long seed) {
        return simulate(parameters, studied, weight, newCards, newPerDay, retention, seed);
    }

    /** The point with the least review time per remembered card. */
    public static Point recommended(List<Point> points) {
        Point best = points.getFirst();
        for (Point p : points) {
            if (p.secondsPerRemembered() < best.secondsPerRemembered()) {
                best = p;
            }
        }
        return best;
    }

    static Point simulate(FsrsParameters parameters, List<StudiedCard> studied, int newCards, int newPerDay,
                          double retention, long seed) {
        return simulate(parameters, studied, 1, newCards, newPerDay, retention, seed);
    }

    private static Point simulate(FsrsParameters parameters, List<StudiedCard> studied, int weight, int newCards,
                                  int newPerDay, double retention, long seed) {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, got " + weight);
        }
        FsrsModel model = new FsrsModel(parameters);
        SplittableRandom random = new SplittableRandom(seed);
        double seconds = 0;
        long reviews = 0;
        double remembered = 0;
        int perDay = Math.max(1, newPerDay);
        // the new cards simulated: every weight-th of them
        int total = studied.size() + (newCards + weight - 1) / weight;
        for (int i = 0; i < total; i++) {
            // each card draws from its own stream: the same draws at every retention
            SplittableRandom card = random.split();
            MemoryState m;
            int day;
            if (i < studied.size()) {
                StudiedCard c = studied.get(i);
                m = new MemoryState(c.stability(), c.difficulty());
                day = -c.elapsedDays();
            } else {
                day = (int) ((long) (i - studied.size()) * weight / perDay);
                if (day >= DAYS) {
                    break;
                }
                Rating first = Rating.fromGrade(1 + pick(card.nextDouble(), FIRST_RATING_PROB));
                seconds += weight * LEARN_COSTS[first.grade() - 1];
                m = model.initial(first);
            }
            while (true) {
                int interval = model.nextIntervalDays(m.stability(), retention, 36500);
                if (day + interval >= DAYS) {
                    break;
                }
                double r = model.retrievability(interval, m.stability());
                Rating rating = card.nextDouble() < r
                        ? Rating.fromGrade(2 + pick(card.nextDouble(), REVIEW_RATING_PROB)) : Rating.AGAIN;
                seconds += weight * REVIEW_COSTS[rating.grade() - 1];
                reviews += weight;
                m = model.next(m, interval, rating);
                day += interval;
            }
            remembered += weight * model.retrievability(DAYS - day, m.stability());
        }
        return new Point(retention, (double) reviews / DAYS, seconds / 60 / DAYS,
                remembered == 0 ? Double.POSITIVE_INFINITY : seconds / remembered);
    }

    private static int pick(double u, double[] probabilities) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            sum += probabilities[i];
            if (u < sum) {
                return i;
            }
        }
        return probabilities.length - 1;
    }
}
