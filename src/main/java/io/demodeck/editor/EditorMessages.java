package io.demodeck.editor;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the question editor and the import preview: English here, Russian in
 * {@code messages/editor_ru.properties}; templates use {@code {editor:key}}. A bundle of its own because Quarkus
 * 3.33.2 generates unverifiable code for a bundle of more than 300 messages ({@code Messages} is at 299).
 */
@MessageBundle(value = "editor", locale = "en")
public interface EditorMessages {

    @Message("Required.")
    String editor_rule_required();

    @Message("At most {max} characters.")
    String editor_rule_too_long(int max);

    @Message("At most {max}.")
    String editor_rule_too_many(int max);

    @Message("At least {min}.")
    String editor_rule_too_few(int min);

    @Message("Contains a NUL character, which cannot be stored.")
    String editor_rule_nul();

    @Message("Not a question type the editor writes; one of: {types}.")
    String editor_rule_unknown_type(String types);

    @Message("Only Russian (ru) and English (en) texts.")
    String editor_rule_unknown_language();

    @Message("The original language must be one the question is written in.")
    String editor_rule_original_not_written();

    @Message("This type of question does not use it: leave it empty.")
    String editor_rule_not_for_type();

    @Message("A credit from -100 % to 100 %.")
    String editor_rule_fraction_range();

    @Message("One choice must be right (worth 100 %).")
    String editor_rule_no_full_choice();

    @Message("Only one choice can be worth 100 % in a single-choice question.")
    String editor_rule_one_full_choice();

    @Message("The right choices' credits must add up to 100 % (now {sum} %).")
    String editor_rule_positive_sum(String sum);

    @Message("Must match the other language ({lang}): as many choices, each worth the same.")
    String editor_rule_languages_differ(String lang);

    @Message("Give a value with a tolerance, or a range, not both.")
    String editor_rule_number_or_range();

    @Message("A finite number.")
    String editor_rule_not_finite();

    @Message("Zero or more.")
    String editor_rule_negative();

    @Message("Must not be below the minimum.")
    String editor_rule_range_order();

    @Message("Letters, digits and - _ . + # only, starting with a letter or digit; at most 60 characters.")
    String editor_rule_tag_form();

    @Message("Listed twice.")
    String editor_rule_duplicate();

    @Message("No demo has the id {id}.")
    String editor_rule_unknown_demo(String id);

    @Message("1 to 200 characters: Latin letters, digits and - _ . :, starting with a letter or digit.")
    String editor_rule_id_form();

    @Message("Another question of this deck has this id.")
    String editor_rule_id_taken();

    @Message("A question keeps its id: its learners' cards hang on it.")
    String editor_rule_id_changed();

    @Message("A gap is not written right: {problem}.")
    String editor_rule_cloze_gap(String problem);

    @Message("Needs as many gaps as the other language ({lang}: {count}).")
    String editor_rule_cloze_gap_count(String lang, int count);
}
