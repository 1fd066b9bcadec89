package io.demodeck.editor;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the question editor's pages: {@code {edpage:...}} in templates, Russian in
 * {@code messages/edpage_ru.properties}. A bundle of its own to stay far from the 300-message limit of Quarkus 3.33.2.
 */
@MessageBundle(value = "edpage", locale = "en")
public interface EdPageMessages {

    @Message("Edit questions")
    String edpage_link();

    @Message("Questions of “{deck}”")
    String edpage_list_title(String deck);

    @Message("Back to the deck")
    String edpage_back();

    @Message("Back to the questions")
    String edpage_back_list();

    @Message("New question")
    String edpage_new();

    @Message("Type")
    String edpage_new_type();

    @Message("Write a question")
    String edpage_new_button();

    @Message("Edit")
    String edpage_edit();

    @Message("Edit question")
    String edpage_edit_title();

    @Message("Retire")
    String edpage_retire();

    @Message("Restore")
    String edpage_restore();

    @Message("Move up")
    String edpage_up();

    @Message("Move down")
    String edpage_down();

    @Message("Revisions")
    String edpage_revisions();

    @Message("retired")
    String edpage_retired();

    @Message("No questions yet.")
    String edpage_empty();

    @Message("Title (optional)")
    String edpage_f_title();

    @Message("Tags")
    String edpage_f_tags();

    @Message("Separated by commas.")
    String edpage_f_tags_hint();

    @Message("Linked demos")
    String edpage_f_demos();

    @Message("Original language")
    String edpage_f_original();

    @Message("the first one written")
    String edpage_f_original_auto();

    @Message("The statement is")
    String edpage_f_correct();

    @Message("true")
    String edpage_true();

    @Message("false")
    String edpage_false();

    @Message("Right value")
    String edpage_f_value();

    @Message("Tolerance (±)")
    String edpage_f_tolerance();

    @Message("Or a range: from")
    String edpage_f_min();

    @Message("to")
    String edpage_f_max();

    @Message("English")
    String edpage_lang_en();

    @Message("Russian")
    String edpage_lang_ru();

    @Message("Leave a language empty to write the question in the other one only.")
    String edpage_lang_hint();

    @Message("Question (Markdown)")
    String edpage_f_prompt();

    @Message("Answer (Markdown)")
    String edpage_f_answer();

    @Message("Key points, one per line")
    String edpage_f_keypoints();

    @Message("What an accurate answer adds")
    String edpage_f_accurate();

    @Message("General feedback")
    String edpage_f_feedback();

    @Message("Choices")
    String edpage_options_choices();

    @Message("Accepted answers")
    String edpage_options_accepted();

    @Message("Pairs")
    String edpage_options_pairs();

    @Message("Empty rows are ignored; save or preview for more rows.")
    String edpage_options_hint();

    @Message("Text")
    String edpage_o_text();

    @Message("Matches")
    String edpage_o_match();

    @Message("Credit, %")
    String edpage_o_fraction();

    @Message("Feedback")
    String edpage_o_feedback();

    @Message("Row {n}")
    String edpage_o_row(int n);

    @Message("Save")
    String edpage_save();

    @Message("Preview")
    String edpage_preview_button();

    @Message("Preview: as learners will see it")
    String edpage_preview();

    @Message("Write the question to see it here.")
    String edpage_preview_empty();

    @Message("The question was not saved: fix the fields marked below.")
    String edpage_errors();

    @Message("Someone else saved this question while you were editing it. Your text is kept below; saving again replaces their version with yours.")
    String edpage_stale();

    @Message("Open their version (your text is discarded)")
    String edpage_stale_open();

    @Message("The question changed meanwhile, so nothing was done: look at it again and repeat.")
    String edpage_stale_list();

    @Message("Question created.")
    String edpage_done_created();

    @Message("Saved.")
    String edpage_done_saved();

    @Message("Retired: learners no longer study it; their history is kept.")
    String edpage_done_retired();

    @Message("Restored: learners study it again.")
    String edpage_done_restored();

    @Message("Moved.")
    String edpage_done_moved();

    @Message("The revision was restored.")
    String edpage_done_reverted();

    @Message("Revisions")
    String edpage_rev_title();

    @Message("No.")
    String edpage_rev_number();

    @Message("When")
    String edpage_rev_when();

    @Message("Who")
    String edpage_rev_who();

    @Message("Action")
    String edpage_rev_action();

    @Message("What changed")
    String edpage_rev_what();

    @Message("Restore this revision")
    String edpage_rev_restore();

    @Message("(import)")
    String edpage_rev_nobody();

    @Message("Other problems")
    String edpage_other_errors();

    @Message("This deck comes from the questions/ folder of the system: its questions are shown here but changed in its file, which the app loads at every start.")
    String edpage_bank_note();

    @Message("Not saved: the questions of a question bank deck (questions/) are changed in its file, not in the editor.")
    String edpage_bank_refused();

    @Message("Text with gaps (Markdown)")
    String edpage_f_cloze_prompt();

    @Message("Write each gap into the text: {typed} for a typed answer, {choice} for a choice (= marks the right one, ~ separates the choices), {number} for a number with its tolerance.")
    String edpage_cloze_hint(String typed, String choice, String number);

    @Message("Right answers, gap by gap")
    String edpage_cloze_answers();
}
