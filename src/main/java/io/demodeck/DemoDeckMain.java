package io.demodeck;

import io.demodeck.platform.EmbeddedDatabase;
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
        try {
            Quarkus.run(args);
        } finally {
            EmbeddedDatabase.stop(); // after the app stopped using it
        }
    }
}
