package io.demodeck.study;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The time the study pages work with. One bean so that a test can replay a whole study session with a clock it
 * moves (QuarkusMock) instead of waiting for learning steps to come due.
 */
@ApplicationScoped
public class StudyClock {

    public Instant now() {
        return Instant.now();
    }
}
