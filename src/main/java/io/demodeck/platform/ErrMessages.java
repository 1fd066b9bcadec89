package io.demodeck.platform;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What error pages, 4xx and 429 pages and the validation messages of forms say: {@code {err:...}} in templates,
 * Russian in {@code messages/err_ru.properties}. The API keeps its problem texts in English (they are what
 * {@link ErrorTexts} translates for a page); see {@link ErrorTexts} for the patterns.
 */
@MessageBundle(value = "err", locale = "en")
public interface ErrMessages {

    // titles by status (the reason phrases of problem details)

    @Message("Bad Request")
    String title_400();

    @Message("Unauthorized")
    String title_401();

    @Message("Forbidden")
    String title_403();

    @Message("Not Found")
    String title_404();

    @Message("Method Not Allowed")
    String title_405();

    @Message("Not Acceptable")
    String title_406();

    @Message("Conflict")
    String title_409();

    @Message("Payload Too Large")
    String title_413();

    @Message("Unsupported Media Type")
    String title_415();

    @Message("Validation failed")
    String title_422();

    @Message("Too Many Requests")
    String title_429();

    @Message("Internal Server Error")
    String title_500();

    @Message("Service Unavailable")
    String title_503();

    @Message("Error")
    String title_other();

    @Message("Try again in {seconds} s.")
    String retry_after(long seconds);

    // details of the platform's own answers

    @Message("No resource at {path}")
    String no_resource(String path);

    @Message("Method not allowed on {path}")
    String method_not_allowed(String path);

    @Message("Unsupported content type")
    String unsupported_type();

    @Message("Not acceptable")
    String not_acceptable();

    @Message("your account's role does not allow this")
    String forbidden();

    @Message("Something went wrong on our side (incident {incident})")
    String incident(String incident);

    @Message("One or more fields are invalid")
    String invalid_fields();

    @Message("The card was changed elsewhere at the same moment (another device or tab); try again")
    String review_conflict();

    @Message("The multipart body is empty or cut short: send the file to import as the form part 'file', complete")
    String malformed_upload();

    @Message("{what} was not found")
    String not_found(String what);

    @Message("Deck {id}")
    String what_deck(String id);

    @Message("Question {id} of deck {deck}")
    String what_question(String id, String deck);

    @Message("Class {id}")
    String what_class(String id);

    @Message("Invite code")
    String what_invite_code();

    @Message("Import {id}")
    String what_import(String id);

    @Message("Demo {id}")
    String what_demo(String id);

    @Message("App sign-in {id}")
    String what_app_sign_in(String id);

    @Message("Account {id}")
    String what_account(String id);

    @Message("Revision {n} of question {id}")
    String what_revision(String n, String id);

    // 429s

    @Message("Too many wrong passwords from this address; try again in {seconds} s")
    String too_many_failed_sign_ins(String seconds);

    @Message("Too many sign-in attempts from this address; try again in {seconds} s")
    String too_many_sign_ins(String seconds);

    @Message("Too many failed registrations from this address; try again in {seconds} s")
    String too_many_failed_registrations(String seconds);

    @Message("Too many registrations from this address; try again in {seconds} s")
    String too_many_registrations(String seconds);

    @Message("You already have a demo running or waiting; one run at a time per user")
    String demo_one_at_a_time();

    @Message("The demo queue is full ({waiting} waiting); try again in {seconds} s")
    String demo_queue_full(String waiting, String seconds);

    @Message("At most {runs} demo runs per minute; try again in {seconds} s")
    String demo_per_minute(String runs, String seconds);

    @Message("The demo queue did not move within {seconds} s; try again later")
    String demo_queue_stuck(String seconds);

    @Message("Stopped waiting for a demo slot")
    String demo_stopped_waiting();

    // validation messages of forms

    @Message("required")
    String required();

    @Message("must not be only spaces")
    String only_spaces();

    @Message("at least {n} characters")
    String at_least_characters(String n);

    @Message("at most {n} bytes (72 Latin letters, 36 Cyrillic letters)")
    String at_most_bytes(String n);

    @Message("too common: choose a password others do not use")
    String too_common();

    @Message("this is not your current password")
    String not_current_password();

    @Message("the two passwords differ")
    String passwords_differ();

    @Message("this username is taken")
    String username_taken();

    @Message("3 to 64 characters: Latin letters, digits, '.', '_' or '-'")
    String username_rules();

    @Message("one of {values}")
    String one_of(String values);

    @Message("must be one of {values}")
    String must_be_one_of(String values);

    @Message("must be a number")
    String a_number();

    @Message("must be a whole number")
    String a_whole_number();

    @Message("must be between {min} and {max}, got {value}")
    String between_got(String min, String max, String value);

    @Message("must be between {min} and {max}")
    String between(String min, String max);

    @Message("must be an IANA time zone such as Europe/Moscow, got {value}")
    String time_zone(String value);

    @Message("at most {max} steps, got {value}")
    String too_many_steps(String max, String value);

    @Message("step {n} must be 1 to 86399 seconds, got {value}")
    String step_range(String n, String value);

    @Message("choose a file to import")
    String choose_file();

    @Message("the file is empty")
    String file_empty();

    @Message("must be lower-case letters, digits and '-' (at most 100)")
    String deck_id_rules();

    @Message("must be true or false")
    String true_or_false();
}
