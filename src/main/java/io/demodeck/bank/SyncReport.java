package io.demodeck.bank;

/** What writing a deck changed; {@code retired} questions left the file but keep their learners' history. */
public record SyncReport(long deckId, int created, int updated, int unchanged, int retired) {

    public boolean changedNothing() {
        return created == 0 && updated == 0 && retired == 0;
    }
}
