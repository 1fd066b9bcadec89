package io.demodeck.editor;

import io.demodeck.quiz.QuestionType;
import io.quarkus.qute.TemplateExtension;

/** What the editor's pages read from a question: its type and the first line of its prompt. */
@TemplateExtension
public class EditorTemplateExtensions {

    static QuestionType questionType(EditorViews.QuestionView q) {
        return DraftRules.typeOf(q.content().type());
    }

    static String questionTypeName(EditorViews.QuestionView q) {
        QuestionType type = questionType(q);
        return type == null ? String.valueOf(q.content().type()) : type.name();
    }

    /** The question's title, else the start of its prompt (English first, else Russian), as plain text. */
    static String label(EditorViews.QuestionView q) {
        if (q.content().title() != null) {
            return q.content().title();
        }
        QuestionDraft.DraftText t = q.content().texts().getOrDefault("en", q.content().texts().get("ru"));
        if (t == null && !q.content().texts().isEmpty()) {
            t = q.content().texts().values().iterator().next();
        }
        String prompt = t == null || t.prompt() == null ? q.externalId() : t.prompt().strip().lines().findFirst().orElse("");
        return prompt.length() > 140 ? prompt.substring(0, 140) + "…" : prompt;
    }
}
