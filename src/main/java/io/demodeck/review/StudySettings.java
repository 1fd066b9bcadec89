package io.demodeck.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A learner's study settings as the API and pages see them.
 *
 * @param fsrsParameters  a personal 21-number vector (19 or 17 accepted on update and converted); null for the defaults
 * @param maxReviewsPerDay the most review cards the study queue offers in a study day, all decks together; always set
 *                         when read, and on update null keeps the stored value (clients written before it existed)
 */
public record StudySettings(double desiredRetention, int newCardsPerDay, String timeZone, int dayRolloverHour,
                            List<Integer> learningStepsSeconds, List<Integer> relearningStepsSeconds,
                            int maximumIntervalDays, List<Double> fsrsParameters,
                            @Schema(description = "The most review cards the study queue offers in a study day, all "
                                    + "decks together (learning and new cards are not counted); left out on update, "
                                    + "the stored value stays", minimum = "0", maximum = "9999", examples = "200")
                            Integer maxReviewsPerDay) {

    public static final int DEFAULT_MAX_REVIEWS_PER_DAY = 200;

    public static StudySettings defaults() {
        return new StudySettings(0.9, 20, "UTC", 4, List.of(60, 600), List.of(600), 36500, null,
                DEFAULT_MAX_REVIEWS_PER_DAY);
    }
}
