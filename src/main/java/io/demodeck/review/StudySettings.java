package io.demodeck.review;

import java.util.List;

/**
 * A learner's study settings as the API and pages see them.
 *
 * @param fsrsParameters a personal 21-number vector (19 or 17 accepted on update and converted); null for the defaults
 */
public record StudySettings(double desiredRetention, int newCardsPerDay, String timeZone, int dayRolloverHour,
                            List<Integer> learningStepsSeconds, List<Integer> relearningStepsSeconds,
                            int maximumIntervalDays, List<Double> fsrsParameters) {

    public static StudySettings defaults() {
        return new StudySettings(0.9, 20, "UTC", 4, List.of(60, 600), List.of(600), 36500, null);
    }
}
