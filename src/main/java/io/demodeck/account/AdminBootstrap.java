package io.demodeck.account;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The first admin comes from configuration ({@code DEMODECK_ADMIN_USERNAME} / {@code DEMODECK_ADMIN_PASSWORD})
 * at first start. An existing account of that name is promoted, never overwritten.
 */
@ApplicationScoped
public class AdminBootstrap {

    @Inject
    AccountService accounts;

    @ConfigProperty(name = "demodeck.admin.username")
    Optional<String> username;

    @ConfigProperty(name = "demodeck.admin.password")
    Optional<String> password;

    void onStart(@Observes StartupEvent event) {
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<User> existing = User.findByUsername(username.get());
            if (existing.isPresent()) {
                if (!existing.get().hasRole(Role.ADMIN)) {
                    existing.get().roles = Role.column(Role.ADMIN);
                    Log.infof("Promoted %s to admin (demodeck.admin.username)", username.get());
                }
                return;
            }
            if (!AccountService.validate(username.get(), password.get(), null).isEmpty()) {
                throw new IllegalStateException("demodeck.admin.username / password are invalid: "
                        + AccountService.validate(username.get(), password.get(), null));
            }
            try {
                accounts.create(username.get(), password.get(), Role.ADMIN, null);
                Log.infof("Created the first admin account %s", username.get());
            } catch (io.demodeck.platform.ApiException taken) {
                Log.infof("Admin %s was created by another replica", username.get());
            }
        });
    }
}
