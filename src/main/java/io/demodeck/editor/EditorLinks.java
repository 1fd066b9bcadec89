package io.demodeck.editor;

import io.demodeck.account.CurrentUser;
import io.demodeck.deck.DeckAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Whether the deck page shows the editor's links: {@code {inject:editorLinks.canEdit(deck.id)}}. */
@Named("editorLinks")
@RequestScoped
public class EditorLinks {

    @Inject
    CurrentUser user;

    @Inject
    DeckAccess access;

    public boolean canEdit(long deckId) {
        return user.signedIn() && access.level(DeckAccess.Viewer.of(user), deckId).compareTo(DeckAccess.Level.EDIT) >= 0;
    }
}
