package io.demodeck.account;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Work a feature left for the moment the learner signs in again (e.g. an answer posted after the session expired):
 * implementations are CDI beans; the first that answers decides where the sign-in leads, with cookies to set.
 */
public interface AfterSignIn {

    record Next(URI location, List<NewCookie> cookies) {
    }

    Optional<Next> afterSignIn(long userId, HttpServerRequest request);
}
