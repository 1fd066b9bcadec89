package io.demodeck.deck;

import io.demodeck.account.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the shared pages ask about the deck lifecycle, as {@code {inject:deckLinks...}} in the tags
 * {@code tags/deckManageLinks.html} and {@code tags/deckNewLink.html}: whether the viewer edits a deck.
 */
@Named("deckLinks")
@RequestScoped
public class DeckLinks {

    @Inject
    DeckLifecycle decks;

    @Inject
    CurrentUser user;

    /** Whether the signed-in viewer is the deck's owner, a co-editor or an admin. */
    public boolean canEdit(String externalId) {
        return user.signedIn() && decks.canEdit(DeckAccess.Viewer.of(user), externalId);
    }
}
