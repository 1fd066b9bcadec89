package io.demodeck.review;

/**
 * A client review id that was already used for an answer to another question. Resending an answer is safe; reusing
 * its id for a new one is a client bug, and returning the first answer's result would hide it.
 */
public class ReviewIdReusedException extends RuntimeException {

    public ReviewIdReusedException(String message) {
        super(message);
    }
}
