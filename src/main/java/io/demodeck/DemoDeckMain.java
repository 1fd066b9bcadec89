package io.demodeck;

import io.demodeck.platform.EmbeddedDatabase;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged app. Without a configured datasource URL it first starts the embedded
 * PostgreSQL, so {@code java -jar} needs no database install.
 */
@QuarkusMain
public class DemoDeckMain {

    public static void main(String... args) {
        EmbeddedDatabase.startIfNoUrlConfigured();
        // Quarkus calls its exit handler once the app has stopped (requests drained, datasource closed), also after
        // SIGTERM; that is when PostgreSQL may go. The default handler calls System.exit, which during a shutdown
        // started by a signal blocks for good, so code after Quarkus.run would never run.
        ApplicationLifecycleManager.setDefaultExitCodeHandler((exitCode, failure) -> {
            EmbeddedDatabase.stop();
            if (!ApplicationLifecycleManager.isVmShuttingDown()) {
                System.exit(exitCode);
            }
        });
        Quarkus.run(args);
    }
}
