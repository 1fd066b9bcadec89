package io.demodeck.review.fitting;

/** A request about fits that cannot be served: the resources turn it into 404, 409 or 429. */
public final class FitProblem extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, BUSY }

    private final Kind kind;
    private final long retryAfterSeconds;

    FitProblem(Kind kind, String message, long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static FitProblem notFound(String message) {
        return new FitProblem(Kind.NOT_FOUND, message, 0);
    }

    static FitProblem conflict(String message) {
        return new FitProblem(Kind.CONFLICT, message, 0);
    }

    static FitProblem busy(long retryAfterSeconds) {
        return new FitProblem(Kind.BUSY, "every optimizer slot is busy with other learners' fits; try again in "
                + retryAfterSeconds + " s", retryAfterSeconds);
    }

    public Kind kind() {
        return kind;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
