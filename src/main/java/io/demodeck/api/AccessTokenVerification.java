package io.demodeck.api;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.config.JWTAuthContextInfoProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Feeds the database-held public key to smallrye-jwt. This replaces the extension's own
 * {@link JWTAuthContextInfo} (built from {@code mp.jwt.*} config) with a copy of it whose verification key is
 * ours; with configured key locations the extension's version is used unchanged.
 */
@ApplicationScoped
public class AccessTokenVerification {

    @Inject
    JWTAuthContextInfoProvider configuredContext;

    @Inject
    SigningKeys keys;

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(configuredContext.getContextInfo());
        if (!keys.configured()) {
            // dev and test mode put a generated in-memory key into the config: it must not take precedence
            info.setPublicKeyLocation(null);
            info.setPublicKeyContent(null);
            info.setPublicVerificationKey(keys.verificationKey());
        }
        return info;
    }
}
