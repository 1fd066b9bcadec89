package io.demodeck.platform;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Optional;

/**
 * Forwarded client addresses feed the per-address rate limits. With forwarding on and no trusted proxies named,
 * Quarkus believes X-Forwarded-For from anyone, so each request can claim a new address: say so at startup.
 */
@ApplicationScoped
public class ProxyTrust {

    void check(@Observes StartupEvent start) {
        var config = ConfigProvider.getConfig();
        warning(config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false),
                config.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class))
                .ifPresent(Log::warn);
    }

    static Optional<String> warning(boolean forwarding, Optional<List<String>> trustedProxies) {
        if (forwarding && trustedProxies.map(List::isEmpty).orElse(true)) {
            return Optional.of("Forwarded client addresses are believed from any sender, so anyone can dodge the "
                    + "per-address rate limits: set quarkus.http.proxy.trusted-proxies (QUARKUS_HTTP_PROXY_TRUSTED_PROXIES) "
                    + "to the reverse proxy's address");
        }
        return Optional.empty();
    }
}
