package io.demodeck.account;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The signed-in account of this request (pages and API alike), looked up once per request. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private Long id;

    /** The account's id; an anonymous request gets 401 (pages: the sign-in page). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long id() {
        if (id == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            id = User.findByUsername(identity.getPrincipal().getName()).map(u -> u.id)
                    .orElseThrow(UnauthorizedException::new);
        }
        return id;
    }

    public String username() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
