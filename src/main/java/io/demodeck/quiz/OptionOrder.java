package io.demodeck.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order choices are shown in: shuffled for each showing of a card, so the right answer is not always where the
 * source wrote it, and the same for every request of that showing (a reload, the check), because the seed comes
 * from the learner, the question and how often the card was answered.
 */
public final class OptionOrder {

    private OptionOrder() {
    }

    public static long seed(long userId, long questionId, int reviewsSoFar) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h ^ userId);
        h = mix(h ^ questionId);
        return mix(h ^ reviewsSoFar);
    }

    /** The written positions 0..n-1 in the order to show them. */
    public static List<Integer> shuffled(int n, long seed) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }

    /** SplitMix64's finaliser: neighbouring ids give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
