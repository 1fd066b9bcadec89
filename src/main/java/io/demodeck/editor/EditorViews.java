package io.demodeck.editor;

import java.time.Instant;

/** What the editor's API and pages show: records, never entities. */
public final class EditorViews {

    private EditorViews() {
    }

    /**
     * A question as its editors see it.
     *
     * @param version changes with every change of its content or its retirement: send it back (If-Match, or the
     *                form's hidden field) so a save never overwrites a change made meanwhile
     */
    public record QuestionView(long id, String externalId, String deck, int position, boolean retired, String version,
                               Instant updatedAt, QuestionDraft content) {
    }

    /**
     * One save of a question.
     *
     * @param action  baseline (the content before its first edit, e.g. as imported), created, edited, retired,
     *                restored (from retirement) or reverted (to an earlier revision)
     * @param summary the fields that changed, e.g. {@code texts.en.prompt, tags}
     * @param author  the editor's account name; null for a baseline or an account that was deleted
     */
    public record RevisionView(int number, String action, String summary, String author, Instant at) {
    }
}
