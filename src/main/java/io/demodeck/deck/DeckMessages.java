package io.demodeck.deck;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the deck lifecycle (new deck, manage, export, purge): {@code {deck:...}} in templates, Russian in
 * {@code messages/deck_ru.properties}. A bundle of its own: {@code msg} is near the 300 messages Quarkus 3.33.2 allows.
 */
@MessageBundle(value = "deck", locale = "en")
public interface DeckMessages {

    @Message("New deck")
    String nav_new_deck();

    @Message("New deck")
    String new_title();

    @Message("The deck starts empty and private: only you (and the co-editors you name) see it. Add questions by importing a file or in the question editor, then share it with a class.")
    String new_intro();

    @Message("Deck id (its address)")
    String field_id();

    @Message("1 to 100 characters: lower-case Latin letters a-z, digits 0-9 and hyphens, starting with a letter or digit.")
    String field_id_hint();

    /** Before an example id, which the page shows as code. */
    @Message("For example:")
    String field_id_example();

    @Message("Leave it empty to use one made from the title.")
    String field_id_empty();

    @Message("New deck id")
    String field_new_id();

    @Message("Language the questions are written in")
    String field_language();

    @Message("English")
    String lang_en();

    @Message("Russian")
    String lang_ru();

    @Message("Title in English")
    String field_title_en();

    @Message("Description in English (optional)")
    String field_description_en();

    @Message("Title in Russian")
    String field_title_ru();

    @Message("Description in Russian (optional)")
    String field_description_ru();

    @Message("At least one title, in English or Russian; up to 200 characters.")
    String field_title_hint();

    @Message("Create the deck")
    String create_button();

    @Message("Suggested from the title: {id}")
    String suggested(String id);

    @Message("Manage: {title}")
    String manage_title(String title);

    @Message("Manage the deck")
    String manage_link();

    @Message("Export")
    String export_link();

    @Message("You edit this deck.")
    String editor_line();

    @Message("Deck id")
    String summary_id();

    @Message("Owner")
    String summary_owner();

    @Message("the system (question bank)")
    String summary_system();

    @Message("Visibility")
    String summary_visibility();

    @Message("Learners with history")
    String summary_learners();

    @Message("State")
    String summary_state();

    @Message("active")
    String state_active();

    @Message("archived: hidden from learners, their history kept")
    String state_archived();

    @Message("Private: you, the co-editors and admins")
    String vis_private();

    @Message("Class: also the members of the classes it is assigned to")
    String vis_class();

    @Message("Public: anyone, without signing in (admins only)")
    String vis_public();

    @Message("private")
    String vis_short_private();

    @Message("class")
    String vis_short_class();

    @Message("public")
    String vis_short_public();

    @Message("Save visibility")
    String vis_button();

    @Message("Only admins publish a deck or take a public deck back.")
    String vis_admins_only();

    @Message("This deck comes from the questions/ folder of the system: its texts and questions are changed in its file, loaded at every start; here it cannot be renamed, archived or deleted.")
    String bank_note();

    @Message("Export")
    String section_export();

    @Message("Download the deck in a format another tool reads: JSON keeps everything, Moodle XML is for a Moodle question bank, the Anki formats for Anki.")
    String export_hint();

    @Message("DemoDeck Markdown")
    String format_markdown();

    @Message("GIFT (Moodle)")
    String format_gift();

    @Message("Anki text (tab-separated)")
    String format_anki_csv();

    @Message("Moodle XML")
    String format_moodle_xml();

    @Message("JSON (complete, with files)")
    String format_json();

    @Message("Anki package (.apkg)")
    String format_apkg();

    @Message("Rename")
    String section_rename();

    @Message("The deck's address changes; old links to it stop working. Learners keep their history.")
    String rename_hint();

    @Message("Rename")
    String rename_button();

    @Message("Title and description")
    String section_texts();

    @Message("Save texts")
    String texts_button();

    @Message("Co-editors")
    String section_editors();

    @Message("Co-editors are instructors who may edit the questions and texts of this deck and export it; they cannot delete it or name other co-editors.")
    String editors_hint();

    @Message("No co-editors.")
    String editors_none();

    @Message("Instructor's username")
    String editors_username();

    @Message("Add co-editor")
    String editors_add();

    @Message("Remove")
    String editors_remove();

    @Message("Archive")
    String section_archive();

    @Message("An archived deck is hidden from learners; their history is kept and the deck can be restored.")
    String archive_hint();

    @Message("Archive the deck")
    String archive_button();

    @Message("Restore the deck")
    String restore_button();

    @Message("Delete")
    String section_delete();

    @Message("No learner has history in this deck: deleting removes it with its questions.")
    String delete_hint_empty();

    @Message("{count} {#if count == 1}learner has{#else}learners have{/if} history in this deck: delete archives it instead, so nothing is lost.")
    String delete_hint_history(long count);

    @Message("Delete the deck")
    String delete_button();

    @Message("Delete with the learners' history (admins)…")
    String purge_link();

    @Message("Changes")
    String section_changes();

    @Message("No changes recorded yet.")
    String changes_none();

    @Message("When")
    String changes_when();

    @Message("Who")
    String changes_who();

    @Message("What")
    String changes_what();

    @Message("created")
    String action_created();

    @Message("renamed")
    String action_renamed();

    @Message("title and description")
    String action_described();

    @Message("visibility")
    String action_visibility();

    @Message("co-editor added")
    String action_editor_added();

    @Message("co-editor removed")
    String action_editor_removed();

    @Message("archived")
    String action_archived();

    @Message("restored")
    String action_restored();

    @Message("deleted")
    String action_deleted();

    @Message("purged")
    String action_purged();

    @Message("Deck created. Write its questions in the editor or import a file, then share it.")
    String done_created();

    @Message("Saved.")
    String done_saved();

    @Message("Renamed: this is the deck's new address.")
    String done_renamed();

    @Message("Co-editor added.")
    String done_editor_added();

    @Message("Co-editor removed.")
    String done_editor_removed();

    @Message("Deck archived: hidden from learners, history kept.")
    String done_archived();

    @Message("Deck restored: learners see it again.")
    String done_restored();

    @Message("Learners have history in this deck, so it was archived instead of deleted. An admin may delete it with the history.")
    String done_delete_archived();

    @Message("The deck {id} was deleted.")
    String done_deleted(String id);

    @Message("The deck {id} was deleted with its learners' history.")
    String done_purged(String id);

    @Message("Delete {title} with its history")
    String purge_title(String title);

    @Message("This deletes the deck, its questions and every learner's cards, answers and review history ({count} {#if count == 1}learner{#else}learners{/if}). Nothing brings them back.")
    String purge_warning(long count);

    @Message("Export the deck first, to keep its questions:")
    String purge_export_first();

    @Message("Type the deck id {id} to confirm")
    String purge_confirm(String id);

    @Message("Delete the deck and its history")
    String purge_button();

    @Message("Back to the deck")
    String purge_cancel();

    @Message("A deck id has 1 to 100 lower-case Latin letters, digits and hyphens and starts with a letter or digit.")
    String error_id();

    @Message("A deck with this id exists already; choose another id.")
    String error_taken();

    @Message("Give at least one title (up to 200 characters); a description needs a title and has at most 4000 characters.")
    String error_texts();

    @Message("The decks of the question bank (questions/) cannot be renamed, given other texts, archived, deleted or given to another owner.")
    String error_bank();

    @Message("Only admins publish a deck or take a public deck back.")
    String error_publish();

    @Message("Only the deck's owner and admins may do this.")
    String error_owner();

    @Message("Name an existing instructor by username (not the owner).")
    String error_username();

    @Message("Type the deck id exactly to confirm.")
    String error_confirm();

    @Message("No such co-editor.")
    String error_not_found();

    @Message("Only instructors and admins create decks.")
    String error_instructor();

    @Message("Owner")
    String section_owner();

    @Message("Give the deck to another instructor; you stay on as its co-editor.")
    String owner_hint();

    @Message("New owner's username")
    String owner_username();

    @Message("Give the deck")
    String owner_button();

    @Message("The deck has a new owner; the former owner is a co-editor now.")
    String done_owner();

    @Message("new owner")
    String action_owner();

    @Message("imported {file}: {created} new, {updated} updated, {retired} retired")
    String action_imported(String file, int created, int updated, int retired);

    @Message("question added:")
    String action_question_created();

    @Message("question edited:")
    String action_question_edited();

    @Message("question retired:")
    String action_question_retired();

    @Message("question restored:")
    String action_question_restored();

    @Message("question reverted to revision {revision}:")
    String action_question_reverted(String revision);
}
