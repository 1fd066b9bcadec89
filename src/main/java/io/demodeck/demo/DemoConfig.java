package io.demodeck.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the demo runner ({@code demodeck.demos.*}). */
@ConfigMapping(prefix = "demodeck.demos")
public interface DemoConfig {

    /** Runs at the same time; 0 sizes it to the cores (half of them, at least one). Others wait in line. */
    @WithDefault("0")
    int maxConcurrentRuns();

    /** Runs that may wait in line for a slot (one per client); beyond it the answer is 429 with Retry-After. */
    @WithDefault("16")
    int maxWaiting();

    /** How long a run may wait in line before it gives up with 429. */
    @WithDefault("25")
    int maxWaitSeconds();

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

    /** The C compiler for the fork demo's helper and Go's -race builds, looked up on PATH; absent means neither. */
    @WithDefault("gcc")
    String cCompiler();
}
