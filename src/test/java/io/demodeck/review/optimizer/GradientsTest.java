package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.StudyDays;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientsTest {

    private static TrainingItem item(int[] ratings, int[] deltas) {
        byte[] r = new byte[ratings.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) ratings[i];
        }
        return new TrainingItem(r, deltas, r.length, 0);
    }

    /** Items that go through every branch: first ratings 1-4, same-day Again/Hard/Good/Easy, lapses, Hard and Easy. */
    private static List<TrainingItem> items() {
        return List.of(
                item(new int[]{1, 3, 3, 3}, new int[]{0, 0, 1, 4}),
                item(new int[]{2, 1, 3, 2, 1}, new int[]{0, 0, 2, 5, 9}),
                item(new int[]{3, 4, 1, 3, 3}, new int[]{0, 3, 8, 0, 2}),
                item(new int[]{4, 3, 1, 1, 3, 4, 3}, new int[]{0, 6, 20, 0, 0, 3, 11}),
                item(new int[]{3, 2, 4, 3, 1}, new int[]{0, 0, 0, 1, 30}),
                item(new int[]{1, 1, 2, 3}, new int[]{0, 0, 0, 2}));
    }

    private static double loss(double[] w, List<TrainingItem> items) {
        Gradients g = new Gradients();
        double sum = 0;
        double[] scratch = new double[21];
        for (TrainingItem it : items) {
            sum += g.lossAndGradient(w, it, 1.0, scratch);
        }
        return sum;
    }

    private static void checkAgainstFiniteDifferences(double[] w) {
        double[] grad = new double[21];
        Gradients g = new Gradients();
        for (TrainingItem it : items()) {
            g.lossAndGradient(w, it, 1.0, grad);
        }
        int nonZero = 0;
        for (int k = 0; k < 21; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(w[k]));
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (loss(plus, items()) - loss(minus, items())) / (2 * h);
            assertEquals(numeric, grad[k], 1e-5 + 1e-4 * Math.abs(numeric), "dLoss/dw" + k);
            if (Math.abs(grad[k]) > 1e-9) {
                nonZero++;
            }
        }
        assertTrue(nonZero >= 18, "the items reach most parameters, got " + nonZero);
    }

    @Test
    void gradientOfEveryParameterMatchesFiniteDifferencesAtTheDefaults() {
        checkAgainstFiniteDifferences(FsrsParameters.defaults().toArray());
    }

    @Test
    void gradientOfEveryParameterMatchesFiniteDifferencesElsewhere() {
        checkAgainstFiniteDifferences(SimulatedLogs.learnerTruth().toArray());
    }

    @Test
    void gradientMatchesOnASimulatedLog() {
        var items = TrainingItems.of(SimulatedLogs.simulate(SimulatedLogs.learnerTruth(), 400, 7),
                StudyDays.utcCalendarDays()).items();
        double[] w = FsrsParameters.defaults().toArray();
        double[] grad = new double[21];
        Gradients g = new Gradients();
        for (TrainingItem it : items) {
            g.lossAndGradient(w, it, 1.0, grad);
        }
        for (int k = 0; k < 21; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(w[k]));
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (loss(plus, items) - loss(minus, items)) / (2 * h);
            assertEquals(numeric, grad[k], 1e-4 + 1e-4 * Math.abs(numeric), "dLoss/dw" + k);
        }
    }

    @Test
    void predictionIsTheSchedulersMemoryModel() {
        // the optimizer's forward pass and the app's FsrsModel must be the same model, or a fit would optimise another
        FsrsParameters p = SimulatedLogs.learnerTruth();
        io.demodeck.review.scheduler.FsrsModel model = new io.demodeck.review.scheduler.FsrsModel(p);
        Gradients g = new Gradients();
        for (TrainingItem it : items()) {
            io.demodeck.review.scheduler.MemoryState m = null;
            for (int i = 0; i < it.length() - 1; i++) {
                m = model.next(m, it.delta(i), io.demodeck.review.scheduler.Rating.fromGrade(it.rating(i)));
            }
            assertEquals(model.retrievability(it.currentDelta(), m.stability()), g.predict(p.toArray(), it), 1e-12);
        }
    }

    @Test
    void predictionAgreesWithTheLossPass() {
        double[] w = SimulatedLogs.learnerTruth().toArray();
        Gradients g = new Gradients();
        for (TrainingItem it : items()) {
            double r = g.predict(w, it);
            double loss = g.lossAndGradient(w, it, 1.0, new double[21]);
            double expected = -(it.label() == 1 ? Math.log(r) : Math.log(1 - r));
            assertEquals(expected, loss, 1e-12);
        }
    }
}
