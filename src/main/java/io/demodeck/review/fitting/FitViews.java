package io.demodeck.review.fitting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API and the pages show of fits and parameters (records on the wire, never entities). */
public final class FitViews {

    private FitViews() {
    }

    /** Held-out log loss and RMSE(bins). */
    public record Metrics(double logLoss, double rmseBins) {
    }

    /**
     * One fit.
     *
     * @param status       running, done or failed
     * @param progress     0..1
     * @param kind         DEFAULTS (too few answers: the defaults), PRETRAINED (w0-w3 only), FULL (all 21)
     * @param current      the learner's vector at the start, judged on held-out answers
     * @param fitted       fitting, judged on the same held-out answers (each by a fit on the answers before them)
     * @param recommended  whether the fitted vector predicted the held-out answers better than the current one
     * @param decision     null until the learner answers; applied or kept
     */
    public record Fit(UUID id, String status, double progress, Instant startedAt, Instant finishedAt, Integer answers,
                      Integer items, String kind, Metrics current, Metrics fitted, Integer evaluatedItems,
                      Boolean recommended, List<Double> currentParameters, List<Double> fittedParameters,
                      String decision, String error) {

        public boolean running() {
            return "running".equals(status);
        }

        public boolean done() {
            return "done".equals(status);
        }

        public int percent() {
            return (int) Math.round(progress * 100);
        }
    }

    /** One change of the learner's vector: from then on {@code parameters} (null: the defaults) were used. */
    public record Change(Instant from, String source, UUID fitId, List<Double> parameters) {
    }

    /**
     * The learner's parameters.
     *
     * @param parameters          the vector in use (the defaults when {@code defaults})
     * @param answers             answers in the learner's log
     * @param answersSinceLastFit answers given since the last fit started (all of them when there was none)
     * @param fitSuggested        whether a new fit is suggested: every 1,000 new answers
     * @param canRestore          whether there is a previous vector to go back to
     */
    public record Parameters(List<Double> parameters, boolean defaults, long answers, long answersSinceLastFit,
                             boolean fitSuggested, UUID lastFit, boolean canRestore, List<Change> history) {
    }
}
