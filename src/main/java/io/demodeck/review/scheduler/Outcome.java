package io.demodeck.review.scheduler;

import java.time.Duration;

/**
 * The result of grading a card.
 *
 * @param after          the card's new state
 * @param retrievability the probability of recall at the moment of the review; null for a new card
 * @param elapsedDays    study days since the previous review (0 for a new card or a same-day review)
 * @param scheduledDays  whole days until the next review; 0 for a (re)learning step
 * @param interval       time from the review to the new due instant
 */
public record Outcome(CardState after, Double retrievability, int elapsedDays, int scheduledDays, Duration interval) {
}
