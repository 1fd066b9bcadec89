package io.demodeck.classes;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of classes, invites and the class dashboard: {@code {cls:...}} in templates, Russian in
 * {@code messages/cls_ru.properties}. A bundle of its own because Quarkus 3.33.2 generates broken bytecode
 * (VerifyError in Messages_Bundle.resolve_0) for a bundle of more than 300 messages, and {@code Messages} has 299.
 */
@MessageBundle(value = "cls", locale = "en")
public interface ClassMessages {

    @Message("Classes")
    String nav_classes();

    @Message("Classes")
    String class_list_title();

    @Message("Classes I teach")
    String class_teaching();

    @Message("You teach no class yet.")
    String class_teaching_none();

    @Message("Classes I am in")
    String class_learning();

    @Message("You are in no class. An instructor's invite link lets you join one.")
    String class_learning_none();

    @Message("Create a class")
    String class_create();

    @Message("Create")
    String class_create_button();

    @Message("Name")
    String class_name();

    @Message("Description (optional)")
    String class_description();

    @Message("archived")
    String class_archived();

    @Message("instructor: {name}")
    String class_by(String name);

    @Message("{count} {#if plural:en(count) == 'one'}learner{#else}learners{/if}")
    String class_members_count(long count);

    @Message("{count} {#if plural:en(count) == 'one'}deck{#else}decks{/if}")
    String class_decks_count(long count);

    @Message("Class created. Create an invite link and assign decks below.")
    String class_done_created();

    @Message("Saved.")
    String class_done_saved();

    @Message("Class archived: its invite links no longer work; members and history stay.")
    String class_done_archived();

    @Message("Class restored.")
    String class_done_restored();

    @Message("Invite link created.")
    String class_done_invited();

    @Message("Invite link revoked: it no longer works.")
    String class_done_revoked();

    @Message("Deck assigned.")
    String class_done_assigned();

    @Message("Deck taken off the class; learners keep their cards.")
    String class_done_unassigned();

    @Message("You joined the class.")
    String class_done_joined();

    @Message("You left the class. Your cards and reviews stay yours.")
    String class_done_left();

    @Message("The name needs 1 to 200 characters.")
    String class_error_name();

    @Message("The description may have at most 2000 characters.")
    String class_error_description();

    @Message("Expiry: a whole number of days from 1 to 365, or empty for none.")
    String class_error_expiry();

    @Message("Daily new cards: a whole number from 0 to 9999, or empty for the learners' own limits.")
    String class_error_limit();

    @Message("There is no deck with this id.")
    String class_error_deck();

    @Message("You may assign decks you own and public decks only.")
    String class_error_deck_not_allowed();

    @Message("Only the deck's owner and admins may assign it to a class: as a co-editor you change its questions, but giving them to other learners is the owner's decision. Ask the owner to assign it.")
    String class_error_deck_not_owner();

    @Message("This deck is archived; restore it before assigning it.")
    String class_error_deck_archived();

    @Message("Not found: it may have been removed meanwhile.")
    String class_error_not_found();

    @Message("Decks")
    String class_decks();

    @Message("No decks assigned yet.")
    String class_decks_none();

    @Message("at most {count} new cards a day")
    String class_limit_shown(Integer count);

    @Message("Study")
    String class_study();

    @Message("Take off the class")
    String class_unassign();

    @Message("Deck id")
    String class_assign_deck();

    @Message("A deck you own, or a public deck (its id is in its address: /decks/<id>). A private deck becomes visible to the class's learners.")
    String class_assign_deck_hint();

    @Message("New cards a day (optional)")
    String class_limit();

    @Message("Learners get at most this many new cards of the deck a day, fewer if their own setting is lower.")
    String class_limit_hint();

    @Message("Assign")
    String class_assign_button();

    @Message("Class dashboard")
    String class_dashboard();

    @Message("Invite links")
    String class_invites();

    @Message("Whoever opens a link can join the class. Revoke a link to stop it working; learners who joined stay.")
    String class_invites_hint();

    @Message("Link")
    String class_invite_link();

    @Message("Expires")
    String class_invite_expires();

    @Message("Status")
    String class_invite_status();

    @Message("never")
    String class_invite_never();

    @Message("works")
    String class_invite_active();

    @Message("Revoke")
    String class_invite_revoke();

    @Message("revoked")
    String class_invite_revoked();

    @Message("expired")
    String class_invite_expired();

    @Message("Expires after (days, optional)")
    String class_invite_expiry();

    @Message("Empty: the link works until you revoke it.")
    String class_invite_expiry_hint();

    @Message("Create an invite link")
    String class_invite_create();

    @Message("Learners")
    String class_members();

    @Message("No learners yet.")
    String class_members_none();

    @Message("Name and archive")
    String class_settings();

    @Message("Save")
    String class_save();

    @Message("Archive the class")
    String class_archive();

    @Message("Restore the class")
    String class_restore();

    @Message("Leave the class")
    String class_leave_title();

    @Message("The instructor will no longer see your progress. Your cards and reviews stay yours.")
    String class_leave_hint();

    @Message("Leave")
    String class_leave();

    @Message("All classes")
    String class_back();

    @Message("back to the class")
    String class_back_to_class();

    @Message("Dashboard: {name}")
    String class_dashboard_title(String name);

    @Message("as of {at}")
    String class_computed_at(String at);

    @Message("The 10 hardest questions")
    String class_hardest();

    @Message("No answers yet.")
    String class_no_answers();

    @Message("Again rate")
    String class_again_rate();

    @Message("Answers")
    String class_answers();

    @Message("Learners")
    String class_learners();

    @Message("Download the learners table (CSV)")
    String class_csv_learners();

    @Message("Download the questions table (CSV)")
    String class_csv_questions();

    @Message("Learner")
    String class_col_learner();

    @Message("Cards studied")
    String class_col_studied();

    @Message("Due now")
    String class_col_due();

    @Message("True retention (30 days)")
    String class_col_retention();

    @Message("Last active")
    String class_col_last_active();

    @Message("Streak (days)")
    String class_col_streak();

    @Message("Questions")
    String class_questions();

    @Message("Item analysis over the class's learners: answers and the share rated Again; for auto-graded questions the share of learners right at their first try and the wrong options chosen most; the mean FSRS difficulty (1-10) of their cards.")
    String class_questions_hint();

    @Message("Question")
    String class_col_question();

    @Message("Right at first try")
    String class_col_first_try();

    @Message("Mean difficulty")
    String class_col_difficulty();

    @Message("Wrong options chosen most")
    String class_col_wrong();

    @Message("Learners by true retention")
    String class_chart_retention();

    @Message("How many learners have each true retention over the last 30 days; {without} without reviews in that time are left out.")
    String class_chart_retention_desc(int without);

    @Message("{range}: {count}")
    String class_chart_bucket(String range, int count);

    @Message("Again rate of the hardest questions")
    String class_chart_hardest();

    @Message("One bar per question, in the order of the list below, in per cent.")
    String class_chart_hardest_desc();

    @Message("{label}: {rate}")
    String class_chart_hard_bar(String label, String rate);

    @Message("Join a class")
    String join_title();

    @Message("You are invited to the class \"{name}\" of {owner}.")
    String join_class(String name, String owner);

    @Message("If you join, the class's instructors will see your progress in these decks: the cards you studied, your answers, your retention, when you were last active and your streak.")
    String join_notice();

    @Message("Join the class")
    String join_button();

    @Message("You are already a member.")
    String join_already();

    @Message("Open the class")
    String join_open_class();

    @Message("Sign in or register, then open this link again to join.")
    String join_sign_in();

    @Message("This invite link has expired. Ask the instructor for a new one.")
    String join_expired();

    @Message("This invite link was revoked by the instructor. Ask for a new one.")
    String join_revoked();

    @Message("This class is archived and takes no new learners.")
    String join_archived();

    @Message("There is no class with this invite link. Check that the link was copied whole.")
    String join_unknown();

    @Message("These figures were computed at {at} (it took {took}) and are stored, because computing them for this class takes a while. They are computed again in the background when they are older than {minutes} min.")
    String class_stored_note(String at, String took, long minutes);

    @Message("Compute now")
    String class_compute_now();

    @Message("Computing may take several seconds for a large class.")
    String class_compute_now_hint();

    @Message("The figures were computed just now.")
    String class_computed_now();
}
