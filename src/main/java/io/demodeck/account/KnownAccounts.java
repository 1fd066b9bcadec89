package io.demodeck.account;

import io.demodeck.platform.DemodeckConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/**
 * Accounts an access token was recently found to belong to. An access token names its account by id; a request
 * with it must not run into an account deleted meanwhile, so the account is looked up, but once per access-token
 * lifetime and not on every request. The app itself never deletes accounts (it disables them, which ends their tokens
 * at once through {@link AuthGenerations}); this guards against a deletion made in the database, which an access
 * token outlives by at most its own lifetime anyway.
 */
@ApplicationScoped
public class KnownAccounts {

    private final Cache<Long, Boolean> found;

    KnownAccounts(DemodeckConfig config) {
        Duration lifetime = config.api().accessTokenTtl();
        found = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lifetime).recordStats().build();
    }

    boolean exists(long userId) {
        return found.getIfPresent(userId) != null;
    }

    void found(long userId) {
        found.put(userId, Boolean.TRUE);
    }

    void bindMetrics(@Observes StartupEvent event, MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, found, "known-accounts");
    }
}
