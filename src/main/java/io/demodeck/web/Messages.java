package io.demodeck.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Interface text. English here, Russian in {@code messages/msg_ru.properties}; templates use
 * {@code {msg:key}}. A test checks that both languages define every key.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    @Message("DemoDeck")
    String app_name();

    @Message("Interview questions with spaced repetition and live demos")
    String app_tagline();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Decks")
    String nav_decks();

    @Message("Demos")
    String nav_demos();

    @Message("Language")
    String nav_language();

    @Message("Русский")
    String lang_ru();

    @Message("English")
    String lang_en();

    @Message("Question decks")
    String home_title();

    @Message("Practise interview answers with flashcards and quizzes. Every answer is backed by a demo you can run.")
    String home_intro();

    @Message("Questions: {count}")
    String deck_question_count(long count);

    @Message("No decks yet.")
    String home_empty();

    @Message("Questions")
    String deck_questions();

    @Message("Type")
    String question_type();

    @Message("Tags")
    String question_tags();

    @Message("Answer")
    String question_answer();

    @Message("Key points")
    String question_key_points();

    @Message("What an accurate answer adds")
    String question_accurate_note();

    @Message("Demos that show it")
    String question_demos();

    @Message("Source")
    String question_source();

    @Message("Choices")
    String question_choices();

    @Message("right")
    String question_right();

    @Message("Accepted answers")
    String question_accepted();

    @Message("Pairs")
    String question_pairs();

    @Message("Right answer")
    String question_correct();

    @Message("True")
    String answer_true();

    @Message("False")
    String answer_false();

    @Message("between {min} and {max}")
    String answer_range(String min, String max);

    @Message("Shown in the original language: no translation yet.")
    String content_fallback();

    @Message("Back to the deck")
    String back_to_deck();

    @Message("Flashcard")
    String type_FLASHCARD();

    @Message("Single choice")
    String type_SINGLE_CHOICE();

    @Message("Multiple choice")
    String type_MULTIPLE_CHOICE();

    @Message("True / false")
    String type_TRUE_FALSE();

    @Message("Short answer")
    String type_SHORT_ANSWER();

    @Message("Numerical")
    String type_NUMERICAL();

    @Message("Matching")
    String type_MATCHING();

    @Message("Essay")
    String type_ESSAY();

    @Message("Description")
    String type_DESCRIPTION();

    @Message("Error {status}")
    String error_title(int status);

    @Message("Go to the home page")
    String error_home();

    @Message("Sign in")
    String login_title();

    @Message("Username")
    String field_username();

    @Message("Password")
    String field_password();

    @Message("Repeat the password")
    String field_password_confirm();

    @Message("Interface language")
    String field_language();

    @Message("Wrong username or password.")
    String login_failed();

    @Message("Account {name} created. Sign in to start studying.")
    String login_registered(String name);

    @Message("No account yet?")
    String login_no_account();

    @Message("Create an account")
    String register_title();

    @Message("3 to 64 characters: Latin letters, digits, dot, underscore or dash.")
    String register_username_hint();

    @Message("At least 10 characters (at most 72 bytes); not a common password.")
    String register_password_hint();

    @Message("Already registered?")
    String register_have_account();

    @Message("Sign out")
    String nav_logout();

    @Message("Sign in")
    String nav_login();

    @Message("Register")
    String nav_register();

    @Message("Signed in as {name}")
    String nav_signed_in(String name);

    @Message("Please fix the fields marked below.")
    String form_has_errors();

    @Message("Demos")
    String demos_title();

    @Message("Each run happens on this server in a separate short-lived JVM and shows what it really measured.")
    String demos_intro();

    @Message("All demos")
    String demo_back();

    @Message("Run it")
    String demo_presets();

    @Message("Run: {preset}")
    String demo_run(String preset);

    @Message("Result ({preset})")
    String demo_result(String preset);

    @Message("Measured at {time} in {millis} ms")
    String demo_measured_at(String time, long millis);

    @Message("from the cache")
    String demo_cached();

    @Message("measured now")
    String demo_fresh();

    @Message("Measurement")
    String demo_measure();

    @Message("Value")
    String demo_value();

    @Message("Ratios")
    String demo_ratios();

    @Message("What this output proves")
    String demo_proof();

    @Message("Go comparison")
    String demo_go();

    @Message("Environment")
    String demo_environment();

    @Message("Child JVM flags")
    String demo_child_flags();
    @Message("Import")
    String nav_import();

    @Message("Import questions")
    String import_title();

    @Message("Upload a question bank: GIFT, Moodle XML, Anki (.apkg, .colpkg, text/CSV), a Quizlet export, DemoDeck Markdown or JSON. You see a preview first; nothing is stored until you confirm.")
    String import_intro();

    @Message("File")
    String import_file();

    @Message("Format")
    String import_format();

    @Message("Detect")
    String import_format_detect();

    @Message("Language of the content")
    String import_language();

    @Message("Detect from the text")
    String import_language_detect();

    @Message("Target deck id (optional)")
    String import_deck();

    @Message("Lower-case letters, digits and '-'. Importing the same file into the same deck again updates it in place.")
    String import_deck_hint();

    @Message("Quizlet separators")
    String import_quizlet();

    @Message("Between term and definition")
    String import_term_separator();

    @Message("Between rows")
    String import_row_separator();

    @Message("Preview")
    String import_preview();

    @Message("Uploading…")
    String import_uploading();

    @Message("Preview of {file}")
    String import_report(String file);

    @Message("Imported {file}")
    String import_applied(String file);

    @Message("Nothing in this file can be imported. Fix the problems below and upload it again.")
    String import_rejected();

    @Message("What the import does")
    String import_counts();

    @Message("New questions")
    String import_created();

    @Message("Updated")
    String import_updated();

    @Message("Unchanged")
    String import_unchanged();

    @Message("Skipped (errors)")
    String import_skipped();

    @Message("Retired (no longer in the file)")
    String import_retired();

    @Message("Questions by type")
    String import_by_type();

    @Message("Problems")
    String import_problems();

    @Message("No problems found.")
    String import_no_problems();

    @Message("Where")
    String import_where();

    @Message("Kind")
    String import_severity();

    @Message("What to fix")
    String import_message();

    @Message("line {line}")
    String import_line(int line);

    @Message("Confirm import into “{deck}”")
    String import_confirm(String deck);

    @Message("Upload another file")
    String import_again();

    @Message("The uploaded file is no longer held on the server (it is kept for 30 minutes). Upload it again.")
    String import_expired();

    @Message("Embedded files: {count}")
    String import_media(int count);

    @Message("At most {size}.")
    String import_max_size(String size);

    @Message("The file is larger than {size}, the most an import accepts. Split it, or leave out media.")
    String import_too_large(String size);

    @Message("Anki review history")
    String import_keep_history();

    @Message("Carry over as my answers")
    String import_keep_history_yes();

    @Message("Do not carry over")
    String import_keep_history_no();

    @Message("Only for .apkg/.colpkg: the review log becomes your answers on these questions, replayed through FSRS. Importing again duplicates nothing; other learners start with new cards.")
    String import_keep_history_hint();

    @Message("Review history")
    String import_history();

    @Message("Entries in the Anki review log")
    String import_history_entries();

    @Message("Answers to carry over")
    String import_history_would_carry();

    @Message("Answers carried over")
    String import_history_carried();

    @Message("Carried over by an earlier import")
    String import_history_already();

    @Message("Left out: manual rescheduling")
    String import_history_manual();

    @Message("Left out: card without a question")
    String import_history_unmapped();

    @Message("Left out: unknown rating or time")
    String import_history_invalid();

    @Message("Again")
    String grade_again();

    @Message("Hard")
    String grade_hard();

    @Message("Good")
    String grade_good();

    @Message("Easy")
    String grade_easy();

    @Message("next review")
    String study_next_review();

    @Message("Study")
    String study_action();

    @Message("Study: {deck}")
    String study_title(String deck);

    @Message("New")
    String study_new();

    @Message("Learning")
    String study_learning();

    @Message("To review")
    String study_review();

    @Message("Show answer")
    String study_show_answer();

    @Message("Check")
    String study_check();

    @Message("Your answer (optional)")
    String study_typed_optional();

    @Message("Your answer")
    String study_your_answer();

    @Message("Expected")
    String study_expected();

    @Message("Correct")
    String study_correct();

    @Message("Not quite")
    String study_wrong();

    @Message("I was right")
    String study_override();

    @Message("Undo last grade")
    String study_undo();

    @Message("How well did you know it?")
    String study_grade_prompt();

    @Message("Keys: Space or Enter shows the answer, 1 to 4 grade, U undoes. Keys typed into a field do not count.")
    String study_keys_hint();

    @Message("You are done for now")
    String study_done_title();

    @Message("The next card of this deck is due {when}.")
    String study_done_next(String when);

    @Message("No card of this deck is scheduled yet.")
    String study_done_nothing();

    @Message("Choose…")
    String study_choose();

    @Message("mentioned")
    String study_mentioned();

    @Message("not mentioned")
    String study_not_mentioned();

    @Message("Run demo")
    String study_run_demo();

    @Message("Progress")
    String nav_stats();

    @Message("Settings")
    String nav_settings();

    @Message("Your progress")
    String stats_title();

    @Message("Reviews in the last year")
    String stats_heatmap();

    @Message("One square per day, darker for more reviews; {total} reviews in all.")
    String stats_heatmap_desc(long total);

    @Message("{count} {#if plural:en(count) == 'one'}review{#else}reviews{/if} on {day}")
    String stats_day_reviews(int count, String day);

    @Message("Cards due in the next 30 days")
    String stats_forecast();

    @Message("One bar per day from today; overdue cards count today.")
    String stats_forecast_desc();

    @Message("{count} due on {day}")
    String stats_day_due(int count, String day);

    @Message("True retention per week")
    String stats_retention();

    @Message("Share of reviews of mature cards answered Hard, Good or Easy, per week, last 12 weeks.")
    String stats_retention_desc();

    @Message("Week of {week}: {percent}% remembered")
    String stats_week_retention(String week, long percent);

    @Message("Week of {week}: no reviews of mature cards")
    String stats_week_none(String week);

    @Message("Cards by state")
    String stats_states();

    @Message("How many cards are new, learning, in review and relearning.")
    String stats_states_desc();

    @Message("Review")
    String stats_state_review();

    @Message("Relearning")
    String stats_state_relearning();

    @Message("Current streak: {days} {#if plural:en(days) == 'one'}day{#else}days{/if} in a row")
    String stats_streak(int days);

    @Message("Study settings")
    String settings_title();

    @Message("New cards per day")
    String settings_new_cards();

    @Message("The day starts at (hour, 0 to 23)")
    String settings_rollover();

    @Message("Reviews before this hour count for the previous day, as in Anki.")
    String settings_rollover_hint();

    @Message("Save")
    String settings_save();

    @Message("Settings saved.")
    String settings_saved();

    // --- bank: follow-ups and common wrong answers (issue 16) ---

    @Message("Common wrong answers")
    String question_wrong_answers();

    @Message("Why it is wrong:")
    String question_wrong_why();

    @Message("What an interviewer asks next")
    String question_follow_ups();
    // demos: claims checked on this machine
    @Message("Claims checked on this machine")
    String demo_claims();
    // ---- Personal FSRS parameters (issue 20: optimizer) ----

    @Message("Personal FSRS parameters")
    String params_title();

    @Message("DemoDeck schedules your cards with FSRS. It can fit FSRS's 21 parameters to your own answers, so that intervals follow how you remember.")
    String params_intro();

    @Message("You use the default parameters.")
    String params_using_defaults();

    @Message("You use parameters of your own.")
    String params_using_own();

    @Message("Answers in your log: {n}.")
    String params_answers(long n);

    @Message("{n} new {#if plural:en(n) == 'one'}answer{#else}answers{/if} since your last fit: a new fit may schedule you better.")
    String params_suggest(long n);

    @Message("Optimize my parameters")
    String params_optimize();

    @Message("Restore the previous parameters")
    String params_restore();

    @Message("Which parameters were used when")
    String params_history();

    @Message("From")
    String params_history_from();

    @Message("Change")
    String params_history_change();

    @Message("Parameters")
    String params_history_vector();

    @Message("a fit applied")
    String params_source_fit();

    @Message("the previous ones restored")
    String params_source_restore();

    @Message("set in the settings")
    String params_source_settings();

    @Message("the defaults")
    String params_vector_defaults();

    @Message("The optimizer is busy with other learners' fits. Try again in {seconds} seconds.")
    String params_busy(long seconds);

    @Message("Your fitted parameters are in use. Cards keep their due dates; the next intervals follow the new parameters.")
    String params_applied();

    @Message("You kept your parameters.")
    String params_kept();

    @Message("The previous parameters are back.")
    String params_restored();

    @Message("There are no previous parameters to restore.")
    String params_nothing_to_restore();

    @Message("Fitting your parameters")
    String fit_title();

    @Message("Fitting your parameters to your answers…")
    String fit_running();

    @Message("Progress")
    String fit_progress();

    @Message("Refresh")
    String fit_refresh();

    @Message("The fit failed: {error}")
    String fit_failed(String error);

    @Message("{answers} answers read, {items} of them predicted in training.")
    String fit_items(int answers, int items);

    @Message("Too few answers to fit: at least 8 reviews on later days are needed. The default parameters stay.")
    String fit_kind_defaults();

    @Message("Fewer than 64 usable answers: only the four initial stabilities were fitted.")
    String fit_kind_pretrained();

    @Message("How well each predicts your later answers")
    String fit_comparison();

    @Message("Judged on answers held out in time: each was predicted by parameters fitted only on the answers before it. Lower is better.")
    String fit_comparison_hint();

    @Message("Parameters")
    String fit_col_parameters();

    @Message("Log loss")
    String fit_col_log_loss();

    @Message("RMSE (bins)")
    String fit_col_rmse();

    @Message("Current")
    String fit_current();

    @Message("Fitted")
    String fit_fitted();

    @Message("Too few answers to compare on held-out answers.")
    String fit_no_comparison();

    @Message("The fitted parameters predict your answers better. Applying them changes only future intervals.")
    String fit_recommended();

    @Message("The fitted parameters predicted your later answers no better than your current ones, so your current parameters stay.")
    String fit_not_better();

    @Message("Apply")
    String fit_apply();

    @Message("Keep mine")
    String fit_keep();

    @Message("You applied this fit.")
    String fit_was_applied();

    @Message("You kept your parameters.")
    String fit_was_kept();

    @Message("Forgetting curves")
    String fit_chart_title();

    @Message("Chance to recall a card over the days after a first answer Good (solid lines) and Again (dashed), with the current parameters (grey) and the fitted ones (blue).")
    String fit_chart_desc();

    @Message("after Good")
    String fit_chart_after_good();

    @Message("after Again")
    String fit_chart_after_again();

    @Message("days")
    String fit_chart_days();

    @Message("Parameter values")
    String fit_vectors();

    @Message("Back to the settings")
    String fit_back();

    @Message("Compute my recommended retention")
    String retention_compute();

    @Message("Recommended desired retention: {value}. It needs the least review time per remembered card in a simulated year of your cards (about {minutes} minutes of reviews a day).")
    String retention_recommended(String value, String minutes);

    @Message("Workload by desired retention")
    String retention_chart_title();

    @Message("Minutes of reviews per day over a simulated year of your cards for each desired retention from 70% to 95%; the dot marks the recommended one.")
    String retention_chart_desc();

    @Message("Recommended {value}: about {minutes} minutes a day")
    String retention_point(String value, String minutes);

    @Message("desired retention")
    String retention_chart_x();
    // --- accounts: sign-in sessions, the user's account page, the admins' account list ---

    @Message("This account is disabled. Ask an admin to enable it.")
    String login_disabled();

    @Message("Stay signed in (30 days)")
    String login_remember();

    @Message("Account")
    String nav_account();

    @Message("Accounts")
    String nav_admin();

    @Message("learner")
    String role_learner();

    @Message("instructor")
    String role_instructor();

    @Message("admin")
    String role_admin();

    @Message("Your account")
    String account_title();

    @Message("Browser sessions")
    String account_sessions_title();

    @Message("this browser")
    String account_session_current();

    @Message("signed in")
    String account_session_created();

    @Message("last seen")
    String account_session_last_seen();

    @Message("ends")
    String account_session_expires();

    @Message("Sign out")
    String account_session_end();

    @Message("App sign-ins")
    String account_apps_title();

    @Message("App (API)")
    String account_app();

    @Message("last refreshed")
    String account_app_last_used();

    @Message("No app is signed in.")
    String account_apps_none();

    @Message("Sign out everywhere else")
    String account_end_others();

    @Message("Signed out.")
    String account_ended();

    @Message("Every other session and app sign-in has ended.")
    String account_others_ended();

    @Message("Change password")
    String account_password_title();

    @Message("Current password")
    String account_current_password();

    @Message("New password")
    String account_new_password();

    @Message("New password again")
    String account_new_password_confirm();

    @Message("Change password")
    String account_password_save();

    @Message("Password changed. Every other session and app sign-in has ended.")
    String account_password_changed();

    @Message("Accounts")
    String admin_users_title();

    @Message("Search by name")
    String admin_search();

    @Message("Search")
    String admin_search_button();

    @Message("Name")
    String admin_col_name();

    @Message("Role")
    String admin_col_role();

    @Message("Status")
    String admin_col_status();

    @Message("Created")
    String admin_col_created();

    @Message("active")
    String admin_status_active();

    @Message("disabled")
    String admin_status_disabled();

    @Message("you")
    String admin_you();

    @Message("Save role")
    String admin_save_role();

    @Message("Disable")
    String admin_disable();

    @Message("Enable")
    String admin_enable();

    @Message("Pages")
    String admin_pages();

    @Message("Previous")
    String admin_prev();

    @Message("Next")
    String admin_next();

    @Message("Latest changes")
    String admin_changes_title();

    @Message("No changes yet.")
    String admin_changes_none();

    @Message("When")
    String admin_col_when();

    @Message("Who")
    String admin_col_who();

    @Message("Account")
    String admin_col_whom();

    @Message("What")
    String admin_col_what();

    @Message("role:")
    String admin_action_role();

    @Message("disabled")
    String admin_action_disable();

    @Message("enabled")
    String admin_action_enable();

    @Message("Role saved; the account's tokens were renewed.")
    String admin_done_role();

    @Message("Account disabled: its sessions and tokens have ended.")
    String admin_done_disabled();

    @Message("Account enabled.")
    String admin_done_enabled();

    @Message("Not changed:")
    String admin_refused();

    @Message("Role of {name}")
    String admin_role_of(String name);

    @Message("{total} accounts found")
    String admin_total(long total);

    @Message("Page {page} of {pages}")
    String admin_page(int page, int pages);
    // importer: question titles, deck ids, cloze questions
    @Message("Title in the source")
    String importer_question_title();

    @Message("A deck id has 1 to 100 characters: lower-case Latin letters a-z, digits 0-9 and '-', starting with a letter or a digit. Suggested from the file's name; left empty, it is made from it.")
    String importer_deck_rules();

    // apkg: Anki packages out, with the learner's own progress
    @Message("Download for Anki, with my progress")
    String apkg_progress_download();

    @Message("An .apkg for Anki 2.1.50 or later: this deck's questions as notes, your cards' states and your answers. Importing a later download into Anki updates these notes instead of adding copies.")
    String apkg_progress_hint();
}
