package io.demodeck.platform;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Refuses to start with a placeholder or short session key (SessionKeyPolicy). Without a configured key Quarkus
 * uses a random one per process (and the embedded default mode keeps a generated one), which is safe; only a key
 * someone chose can be a weak one.
 */
@Singleton
public class SessionKeyCheck {

    static final String SETTING = "quarkus.http.auth.session.encryption-key / QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> sessionKey;

    // before the other start-up work (bank load, admin bootstrap): nothing should run on a key that will be refused
    void onStart(@Observes @Priority(1) StartupEvent event) {
        sessionKey.flatMap(SessionKeyPolicy::problem).ifPresent(problem -> {
            throw new ConfigurationException(SessionKeyPolicy.refusal(SETTING, problem));
        });
    }
}
