package io.demodeck.review;

/** The card kept changing under a grade or undo (other devices answering at the same moment). */
public class ReviewConflictException extends RuntimeException {

    public ReviewConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
