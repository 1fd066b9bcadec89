package io.demodeck.demo;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.SecurityContext;

/** Who a rate limit counts: the user name when authenticated, else the client address. */
final class DemoClients {

    private DemoClients() {
    }

    static String key(SecurityContext security, HttpServerRequest request) {
        if (security != null && security.getUserPrincipal() != null) {
            return "user:" + security.getUserPrincipal().getName();
        }
        var address = request.remoteAddress();
        return "ip:" + (address == null ? "unknown" : address.hostAddress());
    }
}
