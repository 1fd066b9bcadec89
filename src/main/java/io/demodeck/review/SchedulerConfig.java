package io.demodeck.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code demodeck.scheduler.*}: switches that apply to every learner. */
@ConfigMapping(prefix = "demodeck.scheduler")
public interface SchedulerConfig {

    /** Spread review intervals randomly (Anki's fuzz); off in tests and reproducible runs. */
    @WithDefault("true")
    boolean fuzz();
}
