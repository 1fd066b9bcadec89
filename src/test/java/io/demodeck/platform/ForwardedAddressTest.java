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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13 item 4: the per-address limits count the real client. X-Forwarded-For is believed only from the trusted
 * proxy; anyone else sending it is counted by the address they connect from.
 */
@QuarkusTest
@TestProfile(DeployedServerProfile.class)
@WithTestResource(EmbeddedPostgresResource.class)
class ForwardedAddressTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aClientMakingUpForwardedAddressesIsCountedByItsOwn() throws Exception {
        String client = "127.0.0.3";
        for (int i = 0; i < DeployedServerProfile.AUTH_REQUESTS_PER_MINUTE; i++) {
            assertEquals(401, signIn(client, "203.0.113." + (i + 1)), "a wrong password, counted");
        }
        assertEquals(429, signIn(client, "203.0.113.200"), "a new made-up address does not buy a new budget");
        assertEquals(429, signIn(client, null));
    }

    @Test
    void theTrustedProxysForwardedAddressIsTheClient() throws Exception {
        String proxy = DeployedServerProfile.PROXY;
        for (int i = 0; i < DeployedServerProfile.AUTH_REQUESTS_PER_MINUTE; i++) {
            assertEquals(401, signIn(proxy, "198.51.100.7"));
        }
        assertEquals(429, signIn(proxy, "198.51.100.7"), "that client used its budget");
        assertEquals(401, signIn(proxy, "198.51.100.8"), "another client behind the same proxy still has its own");
    }

    /** A failed sign-in for a fresh name (so only the per-address budget counts), from {@code local}. */
    private int signIn(String local, String forwardedFor) throws Exception {
        String body = "{\"username\":\"nobody-" + UUID.randomUUID() + "\",\"password\":\"wrong-password\"}";
        try (RawHttp http = RawHttp.connect(base, local, Duration.ofSeconds(30))) {
            http.send("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n" + body);
            return http.read().status();
        }
    }
}
