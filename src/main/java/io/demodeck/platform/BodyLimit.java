package io.demodeck.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a REST method (or every method of a class) accepts, in bytes; a larger one gets 413
 * before anything reads it ({@link RequestBodyLimits}). Methods without it get {@link RequestBodyLimits#DEFAULT_LIMIT};
 * multipart uploads keep the import limits.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    /** Bytes. */
    long value();
}
