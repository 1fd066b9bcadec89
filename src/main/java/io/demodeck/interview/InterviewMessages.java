package io.demodeck.interview;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of mock interviews: {@code {interview:...}} in templates, Russian in
 * {@code messages/interview_ru.properties}. A bundle of its own: {@code msg} is near the 300 messages that
 * Quarkus 3.33.2 can generate for one bundle.
 */
@MessageBundle(value = "interview", locale = "en")
public interface InterviewMessages {

    @Message("Interview")
    String nav();

    @Message("Mock interviews")
    String history_title();

    @Message("A mock interview asks questions of one deck one at a time against the clock, scores typed answers by the key points they cover and quiz questions by their keys, and shows every answer beside the model answer at the end.")
    String history_intro();

    @Message("Start a mock interview")
    String history_start();

    @Message("You have had no interview yet.")
    String history_none();

    @Message("Your interviews")
    String history_list();

    @Message("Score per interview")
    String history_chart();

    @Message("Scores of your finished interviews in percent, oldest on the left.")
    String history_chart_desc();

    @Message("{when}: {score} %")
    String history_chart_bar(String when, String score);

    @Message("Not enough data yet: finish two interviews to see the trend.")
    String history_not_enough();

    @Message("Started")
    String col_started();

    @Message("Deck")
    String col_deck();

    @Message("Questions")
    String col_questions();

    @Message("Score")
    String col_score();

    @Message("in progress")
    String in_progress();

    @Message("Continue")
    String continue_link();

    @Message("Results")
    String results_link();

    @Message("Start a mock interview")
    String start_title();

    @Message("Deck")
    String start_deck();

    @Message("Next")
    String start_pick_deck();

    @Message("choose another deck")
    String start_change_deck();

    @Message("Only questions with these tags (none ticked: any question of the deck)")
    String start_tags();

    @Message("Number of questions")
    String start_questions();

    @Message("Time per question, seconds")
    String start_seconds();

    @Message("Shuffle the questions (else in deck order)")
    String start_shuffle();

    @Message("Start the interview")
    String start_submit();

    @Message("There is no deck to practise yet.")
    String start_no_decks();

    @Message("Questions come one at a time. Type your answer, or answer aloud and tick the key points you covered. The clock is a guide: an answer after the time is still taken and marked as over time.")
    String start_hint();

    @Message("Number of questions: a whole number from {min} to {max}.")
    String error_questions(int min, int max);

    @Message("Time per question: from {min} to {max} seconds.")
    String error_seconds(int min, int max);

    @Message("Choose a deck you may see.")
    String error_deck();

    @Message("No question with these tags can be asked in an interview: pick other tags.")
    String error_tags();

    @Message("Type an answer, answer aloud, or skip the question.")
    String error_empty();

    @Message("Enter a number.")
    String error_number();

    @Message("That question was answered already; here is the current one.")
    String error_moved_on();

    @Message("Question {position} of {total}")
    String question_title(int position, int total);

    @Message("Time left")
    String clock_label();

    @Message("Time is up. Answer and move on: the time you take is recorded.")
    String time_up();

    @Message("Your answer")
    String your_answer();

    @Message("Answer")
    String submit();

    @Message("I answered aloud")
    String aloud();

    @Message("Skip")
    String skip();

    @Message("End the interview now")
    String finish_now();

    @Message("Tab moves to the buttons, Enter presses one; Ctrl+Enter sends a typed answer.")
    String keys_hint();

    @Message("You answered aloud. Tick the key points you covered:")
    String self_grade_legend();

    @Message("Next")
    String self_grade_submit();

    @Message("Interview result")
    String result_title();

    @Message("Score: {score} %")
    String score(String score);

    @Message("{questions} {#if questions == 1}question{#else}questions{/if}, {missed} missed")
    String result_counts(int questions, int missed);

    @Message("Total time: {time}")
    String total_time(String time);

    @Message("{n} s")
    String seconds(long n);

    @Message("limit {n} s")
    String time_limit(int n);

    @Message("over time")
    String over_time();

    @Message("passed")
    String passed();

    @Message("missed")
    String missed();

    @Message("Question {n}")
    String item_heading(int n);

    @Message("Skipped.")
    String answer_skipped();

    @Message("Answered aloud and self-graded.")
    String answer_aloud();

    @Message("No answer.")
    String answer_none();

    @Message("Model answer")
    String model_answer();

    @Message("True")
    String answer_true();

    @Message("False")
    String answer_false();

    @Message("Key points")
    String key_points();

    @Message("covered")
    String kp_hit();

    @Message("missed")
    String kp_miss();

    @Message("What an accurate answer adds")
    String accurate_adds();

    @Message("Demos")
    String demos();

    @Message("Send the {n} missed {#if n == 1}question{#else}questions{/if} to my review queue as failed")
    String queue_button(int n);

    @Message("They are graded Again in your spaced-repetition queue, so they come back soon.")
    String queue_hint();

    @Message("The missed questions are in your review queue, graded Again.")
    String queued();

    @Message("Nothing missed: every question passed.")
    String nothing_missed();

    @Message("All interviews")
    String history_link();

    @Message("Another interview on this deck")
    String again_link();

    @Message("Study this deck")
    String study_link();

    @Message("Mock interview on this deck")
    String deck_link();

    @Message("Typed answers score the share of key points they cover (a flashcard passes at half); quiz questions score by their key.")
    String score_rule();
}
