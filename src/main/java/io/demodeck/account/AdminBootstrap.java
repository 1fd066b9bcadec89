package io.demodeck.account;

import io.demodeck.platform.DemodeckConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The first admin comes from configuration ({@code DEMODECK_ADMIN_USERNAME} / {@code DEMODECK_ADMIN_PASSWORD})
 * at first start. An existing account of that name (compared ignoring case) is promoted only when the
 * configured password is its password: otherwise anyone who registered the name first would become admin
 * with a password of their own, so the app refuses to start instead.
 */
@ApplicationScoped
public class AdminBootstrap {

    @Inject
    AccountService accounts;

    @Inject
    DemodeckConfig config;

    void onStart(@Observes StartupEvent event) {
        Optional<String> username = config.admin().username();
        Optional<String> password = config.admin().password();
        if (username.isPresent() && password.isPresent()) {
            bootstrap(username.get(), password.get());
        }
    }

    /** @throws IllegalStateException when the settings are invalid or name someone else's account */
    void bootstrap(String name, String secret) {
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<User> existing = User.findByUsername(name);
            if (existing.isPresent()) {
                User user = existing.get();
                if (user.hasRole(Role.ADMIN)) {
                    return;
                }
                if (!BcryptUtil.matches(secret, user.passwordHash)) {
                    throw new IllegalStateException("demodeck.admin.username names the existing account '"
                            + user.username + "', whose password is not demodeck.admin.password: refusing to make it "
                            + "an admin. Choose another admin name, or set the password that account signs in with.");
                }
                user.roles = Role.column(Role.ADMIN);
                Log.infof("Promoted %s to admin (demodeck.admin.username; the configured password is its own)", name);
                return;
            }
            var invalid = AccountService.validate(name, secret, null);
            if (!invalid.isEmpty()) {
                throw new IllegalStateException("demodeck.admin.username / password are invalid: " + invalid);
            }
            try {
                accounts.create(name, secret, Role.ADMIN, null);
                Log.infof("Created the first admin account %s", name);
            } catch (io.demodeck.platform.ClientFacingException taken) {
                Log.infof("Admin %s was created by another replica", name);
            }
        });
    }
}
