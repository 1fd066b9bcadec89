package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.StudyDays;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {

    private static TrainingItem item(int[] ratings, int[] deltas) {
        byte[] r = new byte[ratings.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) ratings[i];
        }
        return new TrainingItem(r, deltas, r.length, 0);
    }

    @Test
    void binsFollowFsrsRs() {
        // gap 1 -> 248, gap 4 -> round(2.48 * 3.62 * 100) = 898; one long-term review -> length 2 -> round(1.99*1.89)
        long a = Evaluation.bin(item(new int[]{3, 3}, new int[]{0, 1}));
        assertEquals((248L << 32) | (4L << 16), a);
        long b = Evaluation.bin(item(new int[]{3, 3}, new int[]{0, 4}));
        assertEquals((898L << 32) | (4L << 16), b);
        // a lapse on a later day in the history: lapse bin round(1.65) = 2; a same-day Again is no lapse
        long c = Evaluation.bin(item(new int[]{3, 1, 1, 3}, new int[]{0, 3, 0, 2}));
        assertEquals((248L << 32) | (4L << 16) | 2L, c);
    }

    @Test
    void logLossAndRmseOfAPerfectlyCalibratedBin() {
        // 4 identical items, 2 recalled: log loss is the BCE of R against half/half; RMSE is |R - 0.5|
        List<TrainingItem> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(item(new int[]{3, i % 2 == 0 ? 1 : 3}, new int[]{0, 5}));
        }
        FsrsParameters p = FsrsParameters.defaults();
        double r = new Gradients().predict(p.toArray(), items.get(0));
        Evaluation.Metrics m = Evaluation.metrics(items, p);
        assertEquals(-(Math.log(r) + Math.log(1 - r)) / 2, m.logLoss(), 1e-12);
        assertEquals(Math.abs(r - 0.5), m.rmseBins(), 1e-12);
        assertEquals(4, m.items());
    }

    @Test
    void heldOutComparisonFavoursFittingForALearnerUnlikeTheDefaults() {
        var items = TrainingItems.of(SimulatedLogs.simulate(SimulatedLogs.learnerTruth(), 6000, 11),
                StudyDays.utcCalendarDays()).items();
        Evaluation.Comparison c = Evaluation.compare(items, FsrsParameters.defaults(), 1, p -> { }, () -> false);
        assertNotNull(c);
        // judged only on the five later segments: never on the first sixth, which every split trains on
        int segment = items.size() / 6;
        assertEquals(items.size() - segment, c.current().items());
        assertEquals(c.current().items(), c.fitted().items());
        assertTrue(c.fitBeatsCurrent(), c.toString());
        assertTrue(c.fitted().rmseBins() < c.current().rmseBins(), c.toString());
    }

    @Test
    void heldOutComparisonKeepsTheTruthWhenItIsAlreadyCurrent() {
        // a learner whose current vector is exactly their memory: a fit cannot do better on data it has not seen
        FsrsParameters truth = FsrsParameters.defaults();
        var items = TrainingItems.of(SimulatedLogs.simulate(truth, 3000, 5), StudyDays.utcCalendarDays()).items();
        Evaluation.Comparison c = Evaluation.compare(items, truth, 1, p -> { }, () -> false);
        assertNotNull(c);
        assertTrue(!c.fitBeatsCurrent() || c.fitted().logLoss() > c.current().logLoss() * 0.99, c.toString());
    }

    @Test
    void tooFewItemsForSixSegmentsGiveNoComparison() {
        List<TrainingItem> items = List.of(item(new int[]{3, 3}, new int[]{0, 1}));
        assertNull(Evaluation.compare(items, FsrsParameters.defaults(), 1, p -> { }, () -> false));
    }
}
