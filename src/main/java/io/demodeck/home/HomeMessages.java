package io.demodeck.home;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the home page: {@code {home:...}} in templates, Russian in {@code messages/home_ru.properties}. A bundle
 * of its own: Quarkus 3.33.2 breaks a bundle of more than 300 messages, and {@code msg} is near that.
 */
@MessageBundle(value = "home", locale = "en")
public interface HomeMessages {

    @Message("Search decks")
    String search_label();

    @Message("By title, in English or Russian, or by a question's tag")
    String search_hint();

    @Message("Search")
    String search_button();

    @Message("Show all decks")
    String search_clear();

    @Message("Decks matching “{query}”")
    String search_results(String query);

    @Message("No deck matches “{query}”. Try a shorter word or another tag.")
    String search_none(String query);

    @Message("My decks")
    String section_mine();

    @Message("My classes' decks")
    String section_classes();

    @Message("Decks I study")
    String section_studied();

    @Message("Public decks")
    String section_public();

    @Message("Class: {names}")
    String deck_classes(String names);

    @Message("Archived")
    String deck_archived();

    @Message("Today: {newCards} new, {learning} learning, {due} due")
    String counts_label(int newCards, int learning, int due);

    @Message("New")
    String count_new();

    @Message("Learning")
    String count_learning();

    @Message("Due")
    String count_due();
}
