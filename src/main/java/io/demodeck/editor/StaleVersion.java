package io.demodeck.editor;

/** The question changed since the editor loaded it: nothing was written; {@link #current()} is what is stored now. */
public class StaleVersion extends RuntimeException {

    private final transient EditorViews.QuestionView current;

    public StaleVersion(EditorViews.QuestionView current) {
        super("question " + current.id() + " is at version " + current.version());
        this.current = current;
    }

    public EditorViews.QuestionView current() {
        return current;
    }
}
