package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.StudyDays;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerTest {

    private static List<TrainingItem> simulated(FsrsParameters truth, int reviews, long seed) {
        return TrainingItems.of(SimulatedLogs.simulate(truth, reviews, seed), StudyDays.utcCalendarDays()).items();
    }

    /** Mean absolute gap between two vectors' predicted recall over the items. */
    private static double meanGap(List<TrainingItem> items, FsrsParameters a, FsrsParameters b) {
        Gradients g = new Gradients();
        double[] wa = a.toArray();
        double[] wb = b.toArray();
        double sum = 0;
        for (TrainingItem it : items) {
            sum += Math.abs(g.predict(wa, it) - g.predict(wb, it));
        }
        return sum / items.size();
    }

    @Test
    void recoversTheRetentionCurveOfASimulatedLearner() {
        FsrsParameters truth = SimulatedLogs.learnerTruth();
        List<TrainingItem> items = simulated(truth, 10_000, 42);
        Optimizer.Fit fit = new Optimizer(1).fit(items);
        assertEquals(Optimizer.Kind.FULL, fit.kind());
        // judged on a fresh log of the same learner, not on the training one
        List<TrainingItem> fresh = simulated(truth, 10_000, 43);
        double trueLoss = Evaluation.metrics(fresh, truth).logLoss();
        double fittedLoss = Evaluation.metrics(fresh, fit.parameters()).logLoss();
        double defaultLoss = Evaluation.metrics(fresh, FsrsParameters.defaults()).logLoss();
        System.out.printf("log loss true %.5f fitted %.5f defaults %.5f; gap fitted %.4f defaults %.4f%n%s%n",
                trueLoss, fittedLoss, defaultLoss, meanGap(fresh, truth, fit.parameters()),
                meanGap(fresh, truth, FsrsParameters.defaults()), fit.parameters());
        assertTrue(fittedLoss < defaultLoss, "fitted beats the defaults");
        assertTrue((fittedLoss - trueLoss) / trueLoss < 0.01, "fitted within 1 % of the true vector's log loss");
        double gap = meanGap(fresh, truth, fit.parameters());
        assertTrue(gap < 0.02, "predicted recall within 2 points of the truth on average, got " + gap);
        assertTrue(gap < meanGap(fresh, truth, FsrsParameters.defaults()) / 2, "much closer than the defaults");
    }
}
