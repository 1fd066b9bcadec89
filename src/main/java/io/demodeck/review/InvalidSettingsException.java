package io.demodeck.review;

/** A study setting out of range; {@link #field()} names the offending field. */
public class InvalidSettingsException extends IllegalArgumentException {

    private final String field;

    public InvalidSettingsException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
