package io.demodeck.platform;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 13 item 20: the JDK logs each process start (PostgreSQL, the demos' child JVMs) at DEBUG, and with a stack
 * trace at TRACE. The app pins that category to INFO, so the log stays quiet even with DEBUG turned on around it.
 */
@QuarkusTest
@TestProfile(DeployedServerProfile.class)
@WithTestResource(EmbeddedPostgresResource.class)
class ProcessStartLoggingTest {

    @Test
    void startingAProcessLogsNothingBelowInfo() throws Exception {
        System.Logger system = System.getLogger("java.lang.ProcessBuilder");
        assertFalse(system.isLoggable(System.Logger.Level.DEBUG));
        assertFalse(system.isLoggable(System.Logger.Level.TRACE));

        Logger category = Logger.getLogger("java.lang.ProcessBuilder");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        category.addHandler(capture);
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, p.waitFor());
        } finally {
            category.removeHandler(capture);
        }
        assertEquals(List.of(), records.stream().filter(r -> r.getLevel().intValue() < Level.INFO.intValue())
                .map(LogRecord::getMessage).toList());
    }
}
