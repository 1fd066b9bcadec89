package io.demodeck.review.scheduler;

/** Where a card is in its life; the codes are the ones stored in {@code card.state}. */
public enum State {
    NEW(0), LEARNING(1), REVIEW(2), RELEARNING(3);

    private static final State[] BY_CODE = values();

    private final int code;

    State(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static State fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown card state code " + code + " (allowed 0..3)");
        }
        return BY_CODE[code];
    }
}
