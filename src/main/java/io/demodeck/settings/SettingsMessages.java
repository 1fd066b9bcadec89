package io.demodeck.settings;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the settings page (its fields, their one-line explanations and problems) and of the daily review limit on
 * the done page. English here, Russian in {@code messages/settings_ru.properties}; templates use {@code {settings:key}}.
 * A bundle of its own because {@code msg} is at Quarkus 3.33's limit of about 300 keys (see {@code StudyMessages}).
 */
@MessageBundle(value = "settings", locale = "en")
public interface SettingsMessages {

    @Message("The language of the pages, and of the questions where a deck has both.")
    String language_hint();

    @Message("Desired retention (70–99 %)")
    String retention_label();

    @Message("How likely you want to be to remember a card when it comes back: higher means more reviews.")
    String retention_hint();

    @Message("At {retention} %: about {reviews} reviews a day (about {minutes} min), from a simulated year of your studied cards ({cards}) with your FSRS parameters.")
    String workload(String retention, String reviews, String minutes, long cards);

    @Message("At {retention} %: about {reviews} reviews a day (about {minutes} min) after a year of {perDay} new cards a day, simulated with your FSRS parameters.")
    String workload_new(String retention, String reviews, String minutes, int perDay);

    @Message("How many cards you have never seen come into your study each day, all decks together.")
    String new_cards_hint();

    @Message("Maximum reviews per day")
    String max_reviews_label();

    @Message("The most review cards offered in a day, all decks together; the rest wait for the next day. Cards you are learning and new cards do not count.")
    String max_reviews_hint();

    @Message("Learning steps")
    String learning_steps_label();

    @Message("When a new card comes back on its first day, such as 1m 10m (s, m or h, each under a day); empty for none.")
    String learning_steps_hint();

    @Message("Relearning steps")
    String relearning_steps_label();

    @Message("When a card you forgot comes back the same day, such as 10m; empty for none.")
    String relearning_steps_hint();

    @Message("Time zone")
    String time_zone_label();

    @Message("Type to search, such as Berlin or Europe/Moscow: your study day starts and ends in this zone.")
    String time_zone_hint();

    @Message("Filled in from your browser's time zone; save to keep it.")
    String time_zone_preset();

    @Message("enter a percentage such as 90")
    String error_percentage();

    @Message("'{step}' is not a step: write steps such as 1m 10m, with s, m, h or d")
    String error_not_a_step(String step);

    @Message("step {n} ({step}) must be at least 1s and shorter than a day")
    String error_step_range(String n, String step);

    @Message("at most {max} relearning steps with your personal FSRS parameters")
    String error_steps_ceiling(String max);

    @Message("Your daily limit of {limit} reviews is reached; review cards of this deck waiting for tomorrow: {n}.")
    String done_review_limit(int limit, int n);

    @Message("Change the limit")
    String done_review_limit_change();
}
