package io.demodeck.platform;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 item 14: a connection that stalls inside its request headers is closed after the idle timeout. */
@QuarkusTest
@TestProfile(DeployedServerProfile.class)
@WithTestResource(EmbeddedPostgresResource.class)
class ServerTimeoutsTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aConnectionStalledInItsHeadersIsClosed() throws Exception {
        try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(30))) {
            http.send("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            assertTrue(http.closedWithin(Duration.ofSeconds(DeployedServerProfile.IDLE_SECONDS * 5L)),
                    "closed within a few idle timeouts");
        }
    }

    /** The profile shortens the timeout to test it; this is what a deployment runs with. */
    @Test
    void theShippedConfigurationBoundsConnections() throws Exception {
        Properties shipped = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            shipped.load(in);
        }
        assertTrue(Duration.parse("PT" + shipped.getProperty("quarkus.http.idle-timeout", "30M").toUpperCase())
                .compareTo(Duration.ofMinutes(2)) <= 0, "idle connections are closed within 2 minutes");
        assertTrue(Duration.parse("PT" + shipped.getProperty("quarkus.http.read-timeout", "60S").toUpperCase())
                .compareTo(Duration.ofMinutes(1)) < 0, "a stalled body read gives up within a minute");
        assertTrue(Integer.parseInt(shipped.getProperty("quarkus.http.limits.max-connections", "0")) > 0,
                "the number of connections is capped");
    }

    @Test
    void aConnectionThatKeepsTalkingIsServed() throws Exception {
        try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(30))) {
            http.send("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertEquals(200, http.read().status());
            http.send("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertEquals(200, http.read().status(), "a kept-alive connection in use stays open");
        }
    }
}
