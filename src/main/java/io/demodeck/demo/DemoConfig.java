package io.demodeck.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the demo runner ({@code demodeck.demos.*}). */
@ConfigMapping(prefix = "demodeck.demos")
public interface DemoConfig {

    /** Heavy runs at the same time; beyond it the answer is 429 with Retry-After (no queueing). */
    @WithDefault("1")
    int maxConcurrentRuns();

    /** Fresh (uncached) runs a client may start per minute. */
    @WithDefault("10")
    int runsPerMinute();

    /** How long a result per (demo, preset) is reused; 0 turns the cache off. */
    @WithDefault("60")
    int cacheSeconds();

    /** Wall-clock limit of one child JVM before it is killed. */
    @WithDefault("30")
    int childTimeoutSeconds();

    /** The Go command, looked up on PATH once; absent means no Go comparison. */
    @WithDefault("go")
    String goCommand();
}
