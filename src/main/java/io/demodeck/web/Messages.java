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

    @Message("8 to 72 characters.")
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
}
