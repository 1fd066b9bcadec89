package io.demodeck.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code demodeck.*} setting, each default written once, here, with its unit; the start fails with the setting
 * named when a value is out of range. Set them as properties or environment variables
 * ({@code demodeck.api.access-token-ttl} = {@code DEMODECK_API_ACCESS_TOKEN_TTL}). Durations are ISO-8601
 * ({@code PT15M}, {@code P30D}) or Quarkus' short form ({@code 15m}).
 */
@ConfigMapping(prefix = "demodeck")
public interface DemodeckConfig {

    Session session();

    Login login();

    Register register();

    Admin admin();

    Api api();

    Bank bank();

    @WithName("import")
    Imports imports();

    Optimizer optimizer();

    Demos demos();

    Scheduler scheduler();

    Classes classes();

    /** Browser sessions: they end at a fixed time and are never extended. */
    interface Session {
        /** A session without "stay signed in". */
        @WithDefault("PT12H")
        Duration lifetime();

        /** A session with "stay signed in". */
        @WithDefault("P30D")
        Duration rememberedLifetime();
    }

    /** Sign-in through the form and the API: per address, and wrong passwords per account and address. */
    interface Login {
        /** Form sign-ins per address per minute. */
        @WithDefault("10")
        @Min(1)
        int attemptsPerMinute();

        /** Wrong passwords per account and address before the delays start and grow. */
        @WithDefault("5")
        @Min(0)
        int freeFailures();

        /** The first delay after the free failures; each further failure doubles it. */
        @WithDefault("PT1S")
        Duration firstDelay();
    }

    /** Registrations (pages and API together). */
    interface Register {
        /** Registrations per address per minute. */
        @WithDefault("30")
        @Min(1)
        int perAddressPerMinute();

        /** Failed registrations per address before delays start and grow. */
        @WithDefault("5")
        @Min(0)
        int freeFailures();
    }

    /** An admin account created or promoted at start; both or neither. */
    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }

    /** The mobile API: tokens and sync. */
    interface Api {
        /** Lifetime of an access token (a JWT); a disabled or demoted account's tokens stop at once regardless. */
        @WithDefault("PT15M")
        Duration accessTokenTtl();

        /** Lifetime of a refresh token. */
        @WithDefault("P30D")
        Duration refreshTokenTtl();

        /**
         * The card change feed hands out only changes older than this, so a slow transaction that commits late is
         * never skipped by a client's cursor.
         */
        @WithDefault("PT2S")
        Duration syncSettleTime();

        Auth auth();

        interface Auth {
            /** Token requests (sign-in, refresh, registration) per address per minute. */
            @WithDefault("30")
            @Min(1)
            int requestsPerMinute();
        }
    }

    /** The question bank of {@code questions/}. */
    interface Bank {
        /** A directory of bank files to load instead of the ones packaged in the app. */
        Optional<Path> directory();

        /** Load (and update) the bank's decks at start. */
        @WithDefault("true")
        boolean loadAtStart();
    }

    /** Imports of question files. */
    interface Imports {
        /** The largest file to import, in bytes (20 MiB); the HTTP body limit leaves room for the multipart envelope. */
        @WithDefault("20971520")
        @Positive
        long maxBytes();
    }

    /** Personal FSRS parameter fits. */
    interface Optimizer {
        /** Fits at once across learners; 0 sizes it to the cores (half of them, at least one). */
        @WithDefault("0")
        @Min(0)
        int concurrentFits();

        /** A learner refused because every slot is busy is asked to come back after this many seconds. */
        @WithDefault("15")
        @Min(1)
        long retryAfterSeconds();
    }

    /** The demo runner: measurements in short-lived child JVMs. */
    interface Demos {
        /** Runs at the same time; 0 sizes it to the cores (half of them, at least one). Others wait in line. */
        @WithDefault("0")
        @Min(0)
        int maxConcurrentRuns();

        /** Runs that may wait in line for a slot (one per client); beyond it the answer is 429 with Retry-After. */
        @WithDefault("16")
        @Min(0)
        int maxWaiting();

        /**
         * Seconds a run may wait in line before it gives up with 429. A run that waits and then runs sends nothing
         * until its answer: this wait plus the child's limit must stay under the HTTP idle timeout (60 s).
         */
        @WithDefault("25")
        @Min(0)
        @Max(60)
        int maxWaitSeconds();

        /** Fresh (uncached) runs a client may start per minute. */
        @WithDefault("10")
        @Min(1)
        int runsPerMinute();

        /** Seconds a result per (demo, preset) is reused; 0 turns the cache off. */
        @WithDefault("60")
        @Min(0)
        int cacheSeconds();

        /** Wall-clock limit of one child JVM, in seconds, before it is killed. */
        @WithDefault("30")
        @Min(1)
        @Max(60)
        int childTimeoutSeconds();

        /** The Go command, looked up on PATH once; absent means no Go comparison. */
        @WithDefault("go")
        String goCommand();

        /** The C compiler for the fork demo's helper and Go's -race builds, looked up on PATH; absent means neither. */
        @WithDefault("gcc")
        String cCompiler();
    }

    /** Switches that apply to every learner's scheduler. */
    interface Scheduler {
        /** Spread review intervals randomly (Anki's fuzz); off in tests and reproducible runs. */
        @WithDefault("true")
        boolean fuzz();
    }

    /** Class dashboards. */
    interface Classes {
        /** A class whose last computation took less than this is computed on every request; a larger one is served stored. */
        @WithDefault("PT0.15S")
        Duration dashboardLiveBelow();

        /** A stored dashboard older than this is recomputed in the background at the next request. */
        @WithDefault("PT5M")
        Duration dashboardRefreshAfter();
    }
}
