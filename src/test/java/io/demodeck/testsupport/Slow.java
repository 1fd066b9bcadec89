package io.demodeck.testsupport;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that takes most of the suite's time: a browser, child JVMs and Go builds, or fuzzing.
 * {@code mvn verify -Pquick} leaves these out (and the packaged-jar ITs); CI runs everything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
