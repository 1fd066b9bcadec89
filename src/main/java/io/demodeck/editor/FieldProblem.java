package io.demodeck.editor;

import io.demodeck.importer.ImportTexts;
import io.demodeck.quiz.cloze.ClozeException;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.List;
import java.util.function.BiFunction;

/**
 * What is wrong with one field of a draft: its path ({@code texts.en.options[1].fraction}) and the rule it breaks,
 * readable in English and Russian.
 */
public record FieldProblem(String field, Rule rule, List<Object> args) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    static FieldProblem of(String field, Rule rule, Object... args) {
        return new FieldProblem(field, rule, List.of(args));
    }

    public String message(String lang) {
        // a cloze gap's problem is said in the page's language by the cloze messages of the imp bundle (the parser
        // words it in English only)
        List<Object> said = args.stream().map(a -> a instanceof ClozeException.Problem p
                ? ("ru".equals(lang) ? ImportTexts.cloze(p, lang) : p.english()) : a).toList();
        return rule.text.apply(MessageBundles.get(EditorMessages.class, Localized.Literal.of(lang)), said);
    }

    public String en() {
        return message("en");
    }

    public String ru() {
        return message("ru");
    }

    /** The rules a draft is checked against; the texts are in {@link EditorMessages} ({@code editor_rule_*}). */
    public enum Rule {
        REQUIRED((m, a) -> m.editor_rule_required()),
        TOO_LONG((m, a) -> m.editor_rule_too_long((Integer) a.get(0))),
        TOO_MANY((m, a) -> m.editor_rule_too_many((Integer) a.get(0))),
        TOO_FEW((m, a) -> m.editor_rule_too_few((Integer) a.get(0))),
        NUL((m, a) -> m.editor_rule_nul()),
        UNKNOWN_TYPE((m, a) -> m.editor_rule_unknown_type((String) a.get(0))),
        UNKNOWN_LANGUAGE((m, a) -> m.editor_rule_unknown_language()),
        ORIGINAL_NOT_WRITTEN((m, a) -> m.editor_rule_original_not_written()),
        NOT_FOR_TYPE((m, a) -> m.editor_rule_not_for_type()),
        FRACTION_RANGE((m, a) -> m.editor_rule_fraction_range()),
        NO_FULL_CHOICE((m, a) -> m.editor_rule_no_full_choice()),
        ONE_FULL_CHOICE((m, a) -> m.editor_rule_one_full_choice()),
        POSITIVE_SUM((m, a) -> m.editor_rule_positive_sum((String) a.get(0))),
        LANGUAGES_DIFFER((m, a) -> m.editor_rule_languages_differ((String) a.get(0))),
        NUMBER_OR_RANGE((m, a) -> m.editor_rule_number_or_range()),
        NOT_FINITE((m, a) -> m.editor_rule_not_finite()),
        NEGATIVE((m, a) -> m.editor_rule_negative()),
        RANGE_ORDER((m, a) -> m.editor_rule_range_order()),
        TAG_FORM((m, a) -> m.editor_rule_tag_form()),
        DUPLICATE((m, a) -> m.editor_rule_duplicate()),
        UNKNOWN_DEMO((m, a) -> m.editor_rule_unknown_demo((String) a.get(0))),
        ID_FORM((m, a) -> m.editor_rule_id_form()),
        ID_TAKEN((m, a) -> m.editor_rule_id_taken()),
        ID_CHANGED((m, a) -> m.editor_rule_id_changed()),
        /** The argument is the parser's problem with the gap (a {@link ClozeException.Problem}), said in each language. */
        CLOZE_GAP((m, a) -> m.editor_rule_cloze_gap((String) a.get(0))),
        CLOZE_GAP_COUNT((m, a) -> m.editor_rule_cloze_gap_count((String) a.get(0), (Integer) a.get(1)));

        private final BiFunction<EditorMessages, List<Object>, String> text;

        Rule(BiFunction<EditorMessages, List<Object>, String> text) {
            this.text = text;
        }
    }
}
