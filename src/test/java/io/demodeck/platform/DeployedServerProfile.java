package io.demodeck.platform;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The server as deployed behind nginx, with short timeouts: forwarded client addresses are taken only from
 * {@value #PROXY} (a loopback address a test can connect from), the sign-in budget per address is small, idle
 * connections are closed after two seconds, and an operator has turned on DEBUG logging for the JDK's categories.
 */
public class DeployedServerProfile implements QuarkusTestProfile {

    static final String PROXY = "127.0.0.2";
    static final int AUTH_REQUESTS_PER_MINUTE = 3;
    static final int IDLE_SECONDS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", PROXY,
                "demodeck.api.auth.requests-per-minute", Integer.toString(AUTH_REQUESTS_PER_MINUTE),
                "quarkus.http.idle-timeout", IDLE_SECONDS + "s",
                "quarkus.log.category.\"java\".level", "DEBUG");
    }
}
