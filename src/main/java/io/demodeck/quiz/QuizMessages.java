package io.demodeck.quiz;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The quiz part of the study page's text: English here, Russian in {@code messages/quiz_ru.properties}; templates use
 * {@code {quiz:key}}. A bundle of its own: Quarkus 3.33 generates broken bytecode (a VerifyError at start) for a
 * bundle of more than 300 messages, and {@code Messages} is close to that.
 */
@MessageBundle(value = "quiz", locale = "en")
public interface QuizMessages {

    @Message("Accepted, with a typo")
    String right_with_typo();

    @Message("Enter a number, for example 2 or 2.5.")
    String enter_number();

    @Message("Enter a number: \"{unit}\" is not a unit this question names.")
    String unknown_unit(String unit);

    @Message("I don't know: show the answer")
    String dont_know();

    @Message("Keys 1–9 pick an option.")
    String keys_choices();

    @Message("Pick an option first (keys 1–9 or the mouse), or choose \"I don't know\".")
    String empty_choice();

    @Message("Type your answer first, or choose \"I don't know\".")
    String empty_typed();

    @Message("Pick a match for at least one item first, or choose \"I don't know\".")
    String empty_matching();

    @Message("your choice, right")
    String choice_picked_right();

    @Message("your choice, wrong")
    String choice_picked_wrong();

    @Message("right answer, not chosen")
    String choice_right_not_picked();

    @Message("typed")
    String diff_typed();

    @Message("expected")
    String diff_expected();

    @Message("Feedback")
    String general_feedback();
}
