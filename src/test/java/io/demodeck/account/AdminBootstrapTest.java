package io.demodeck.account;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 item 6: the configured admin name never hands admin to whoever registered it first. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AdminBootstrapTest {

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    AccountService accounts;

    static String name() {
        return "boss" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    static boolean isAdmin(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElseThrow().hasRole(Role.ADMIN));
    }

    @Test
    void aSquatterWithTheAdminNameIsNotPromotedAndTheAppRefusesToStart() {
        String squatter = name();
        accounts.create(squatter, "squatters-own-password", Role.LEARNER, "en");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> bootstrap.bootstrap(squatter.toUpperCase(), "the-configured-admin-password"));
        assertTrue(refused.getMessage().contains("refusing"), refused.getMessage());
        assertFalse(isAdmin(squatter));
    }

    @Test
    void anExistingAccountWhosePasswordIsTheConfiguredOneIsPromoted() {
        String owner = name();
        accounts.create(owner, "the-configured-admin-password", Role.LEARNER, "en");
        bootstrap.bootstrap(owner, "the-configured-admin-password");
        assertTrue(isAdmin(owner));
        bootstrap.bootstrap(owner, "changed-since-then"); // an admin already: a later start with an old password is fine
        assertTrue(isAdmin(owner));
    }

    @Test
    void aNewNameBecomesTheFirstAdmin() {
        String fresh = name();
        bootstrap.bootstrap(fresh, "the-configured-admin-password");
        assertTrue(isAdmin(fresh));
        assertThrows(IllegalStateException.class, () -> bootstrap.bootstrap(name(), "1234567890"),
                "a common password is refused for the first admin too");
    }
}
