package io.demodeck.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 4, the deployment side: nginx replaces the client's X-Forwarded-For with the address it sees, and the
 * apps believe that header from nginx's address only.
 */
class ProxyDeploymentTest {

    @Test
    void nginxSetsTheForwardedAddressInsteadOfAppendingToTheClients() throws Exception {
        String nginx = Files.readString(Path.of("docker", "nginx.conf"));
        assertTrue(nginx.matches("(?s).*proxy_set_header\\s+X-Forwarded-For\\s+\\$remote_addr;.*"), nginx);
        assertFalse(nginx.contains("$proxy_add_x_forwarded_for"), "appending keeps whatever the client claimed");
    }

    @Test
    void theAppsTrustOnlyNginxsAddress() throws Exception {
        String compose = Files.readString(Path.of("docker", "compose.yml"));
        Matcher trusted = Pattern.compile("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES:\\s*\"?([0-9.]+)\"?").matcher(compose);
        assertTrue(trusted.find(), "forwarded addresses are believed from anyone unless trusted proxies are named");
        Matcher lb = Pattern.compile("(?s)\\n  lb:.*?ipv4_address:\\s*([0-9.]+)").matcher(compose);
        assertTrue(lb.find(), "nginx has a fixed address");
        assertEquals(lb.group(1), trusted.group(1));
    }
}
