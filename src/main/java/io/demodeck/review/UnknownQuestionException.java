package io.demodeck.review;

/** The question (or the learner's card) does not exist. */
public class UnknownQuestionException extends RuntimeException {

    public UnknownQuestionException(String message) {
        super(message);
    }
}
