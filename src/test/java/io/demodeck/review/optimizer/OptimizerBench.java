package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.StudyDays;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Speed and quality of the optimizer on simulated learners (bench/optimizer.sh writes the results file). Times are
 * the fitting thread's CPU time (one core) and wall time, the median of several rounds, each on a fresh log.
 *
 * <p>Usage: {@code OptimizerBench [rounds]}
 */
public final class OptimizerBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Locale.setDefault(Locale.ROOT);
        StudyDays days = StudyDays.utcCalendarDays();
        // warm-up: let the JIT compile the hot loops before anything is timed
        new Optimizer(1).fit(TrainingItems.of(SimulatedLogs.simulate(SimulatedLogs.learnerTruth(), 10_000, 1), days).items());

        System.out.println("## Speed (median of " + rounds + " rounds)");
        System.out.println();
        System.out.println("| reviews | training items | fit, CPU s | fit, wall s | held-out evaluation (5 fits), CPU s | items' heap, bytes per review |");
        System.out.println("|---|---|---|---|---|---|");
        for (int reviews : new int[]{10_000, 100_000}) {
            double[] fitCpu = new double[rounds];
            double[] fitWall = new double[rounds];
            double[] evalCpu = new double[rounds];
            int itemCount = 0;
            long heap = 0;
            for (int r = 0; r < rounds; r++) {
                var log = SimulatedLogs.simulate(SimulatedLogs.learnerTruth(), reviews, 100 + r);
                // what the items hold: the heap after building them minus before (the log is alive in both)
                System.gc();
                long before = usedHeap();
                List<TrainingItem> items = TrainingItems.of(log, days).items();
                System.gc();
                heap = Math.max(heap, usedHeap() - before);
                log = null;
                itemCount = items.size();
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                new Optimizer(1).fit(items);
                fitCpu[r] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
                fitWall[r] = (System.nanoTime() - wall0) / 1e9;
                if (reviews <= 10_000 || r < 3) {
                    long e0 = THREADS.getCurrentThreadCpuTime();
                    Evaluation.compare(items, FsrsParameters.defaults(), 1, p -> { }, () -> false);
                    evalCpu[r] = (THREADS.getCurrentThreadCpuTime() - e0) / 1e9;
                } else {
                    evalCpu[r] = Double.NaN;
                }
            }
            System.out.printf("| %,d | %,d | **%.2f** | %.2f | %.2f | %d |%n", reviews, itemCount, median(fitCpu),
                    median(fitWall), median(evalCpu), heap / reviews);
        }

        System.out.println();
        System.out.println("## Quality on simulated learners (10,000 reviews to fit; judged on a fresh 10,000-review log of the same learner)");
        System.out.println();
        System.out.println("| true vector | log loss: truth | fitted | defaults | fitted vs truth | RMSE(bins): truth | fitted | defaults | mean gap in predicted recall, fitted / defaults | held-out (time split) log loss, fitting / defaults |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<Object[]> truths = new ArrayList<>();
        truths.add(new Object[]{"learner A (far from the defaults)", SimulatedLogs.learnerTruth()});
        truths.add(new Object[]{"the defaults", FsrsParameters.defaults()});
        truths.add(new Object[]{"learner B (forgets fast)", FsrsParameters.of(0.1, 0.6, 1.2, 4.0, 7.5, 0.9, 2.5, 0.01,
                1.2, 0.3, 0.6, 2.2, 0.1, 0.35, 2.2, 0.5, 1.5, 0.6, 0.15, 0.05, 0.45)});
        for (Object[] t : truths) {
            FsrsParameters truth = (FsrsParameters) t[1];
            List<TrainingItem> train = TrainingItems.of(SimulatedLogs.simulate(truth, 10_000, 7), days).items();
            List<TrainingItem> fresh = TrainingItems.of(SimulatedLogs.simulate(truth, 10_000, 8), days).items();
            FsrsParameters fitted = new Optimizer(1).fit(train).parameters();
            var mt = Evaluation.metrics(fresh, truth);
            var mf = Evaluation.metrics(fresh, fitted);
            var md = Evaluation.metrics(fresh, FsrsParameters.defaults());
            var split = Evaluation.compare(train, FsrsParameters.defaults(), 1, p -> { }, () -> false);
            System.out.printf("| %s | %.4f | %.4f | %.4f | **%+.2f %%** | %.4f | %.4f | %.4f | %.4f / %.4f | %.4f / %.4f |%n",
                    t[0], mt.logLoss(), mf.logLoss(), md.logLoss(), 100 * (mf.logLoss() - mt.logLoss()) / mt.logLoss(),
                    mt.rmseBins(), mf.rmseBins(), md.rmseBins(), meanGap(fresh, truth, fitted),
                    meanGap(fresh, truth, FsrsParameters.defaults()), split.fitted().logLoss(), split.current().logLoss());
        }
    }

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

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
