package io.demodeck.study;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the study loop (learn ahead, the done page's countdown and session summary, undo, sessions and forms).
 * English here, Russian in {@code messages/study_ru.properties}; templates use {@code {study:key}}.
 *
 * <p>A bundle of its own because {@code msg} is at 299 keys and Quarkus 3.33 generates invalid bytecode (a
 * VerifyError at start) for a bundle of more than 300 (quarkusio/quarkus#55584, fixed after 3.33).
 */
@MessageBundle(value = "study", locale = "en")
public interface StudyMessages {

    @Message("The next learning card comes")
    String done_coming();

    @Message("This page shows it by itself when it comes; you can leave it open.")
    String done_coming_hint();

    @Message("Look again now")
    String done_look_again();

    @Message("Learn ahead (minutes)")
    String settings_learn_ahead();

    @Message("When nothing else is due, a card you are still learning that comes back within this many minutes is shown at once instead of making you wait (0 = wait for each one).")
    String settings_learn_ahead_hint();

    @Message("This session")
    String summary_title();

    @Message("Answers")
    String summary_answers();

    @Message("Again")
    String summary_again();

    @Message("Time spent")
    String summary_time();

    @Message("{n} answer")
    String count_answers_one(int n);

    @Message("{n} answers")
    String count_answers_few(int n);

    @Message("{n} answers")
    String count_answers_many(int n);

    @Message("{n} minute")
    String count_minutes_one(long n);

    @Message("{n} minutes")
    String count_minutes_few(long n);

    @Message("{n} minutes")
    String count_minutes_many(long n);

    @Message("less than a minute")
    String time_under_a_minute();

    @Message("Nothing of this deck comes due tomorrow.")
    String due_tomorrow_none();

    @Message("Tomorrow {n} card of this deck comes due.")
    String due_tomorrow_one(int n);

    @Message("Tomorrow {n} cards of this deck come due.")
    String due_tomorrow_few(int n);

    @Message("Tomorrow {n} cards of this deck come due.")
    String due_tomorrow_many(int n);

    @Message("Go on")
    String go_on_title();

    @Message("More new cards today")
    String more_new_label();

    @Message("Study them")
    String more_new_button();

    @Message("Raises today's limit only; your daily limit in the settings stays as it is.")
    String more_new_hint();

    @Message("You had already answered that card; your first answer counts. Here is the next one.")
    String already_answered();

    @Message("Review ahead")
    String ahead_title();

    @Message("Cards due within")
    String ahead_label();

    @Message("Review them now")
    String ahead_button();

    @Message("Answers given early are scheduled from the real time since the last review and are left out of your true retention.")
    String ahead_hint();

    @Message("{n} day")
    String count_days_one(int n);

    @Message("{n} days")
    String count_days_few(int n);

    @Message("{n} days")
    String count_days_many(int n);

    @Message("Custom session")
    String custom_title();

    @Message("Tag")
    String custom_tag_label();

    @Message("Study this tag")
    String custom_tag_button();

    @Message("Only the ones I failed today ({n})")
    String custom_failed_button(int n);

    @Message("Only cards you have started; your daily limits stay as they are.")
    String custom_hint();

    @Message("Review ahead: cards due within {days}")
    String extra_heading_ahead(String days);

    @Message("Custom session: tag {tag}")
    String extra_heading_tag(String tag);

    @Message("Custom session: the cards you failed today")
    String extra_heading_failed();

    @Message("cards left: {n}")
    String extra_left(int n);

    @Message("No more cards in this session.")
    String extra_over();

    @Message("Back to today's queue")
    String extra_back();

    @Message("This page is out of date")
    String stale_title();

    @Message("The form was sent from a page that was open too long, or from another tab or browser. Nothing was changed. Go back, and the page will be fresh: send the form again from there.")
    String stale_detail();

    @Message("Back to the page")
    String stale_back();

    @Message("Your session expired. Sign in again and you will be back where you were; an answer you had just given is kept.")
    String login_expired();

    @Message("Your answer from before you were signed out is saved.")
    String kept_applied();

    @Message("Your answer from before you were signed out could not be saved (the card is gone or was answered from another page); please answer again.")
    String kept_failed();
}
