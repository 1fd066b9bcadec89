package io.demodeck.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyTrustTest {

    @Test
    void forwardingWithoutTrustedProxiesIsWarnedAbout() {
        assertTrue(ProxyTrust.warning(true, Optional.empty()).orElseThrow().contains("trusted-proxies"));
        assertTrue(ProxyTrust.warning(true, Optional.of(List.of())).isPresent());
        assertEquals(Optional.empty(), ProxyTrust.warning(true, Optional.of(List.of("172.30.57.10"))));
        assertEquals(Optional.empty(), ProxyTrust.warning(false, Optional.empty()), "no proxy, nothing forwarded");
    }
}
