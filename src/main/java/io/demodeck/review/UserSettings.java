package io.demodeck.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A learner's study settings (table {@code user_settings}); no row means the defaults. */
@Entity
@Table(name = "user_settings")
public class UserSettings extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public Long userId;

    @Column(name = "desired_retention", nullable = false)
    public double desiredRetention = 0.9;

    @Column(name = "new_cards_per_day", nullable = false)
    public int newCardsPerDay = 20;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone = "UTC";

    @Column(name = "day_rollover_hour", nullable = false)
    public short dayRolloverHour = 4;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "learning_steps_seconds", nullable = false)
    public int[] learningStepsSeconds = {60, 600};

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "relearning_steps_seconds", nullable = false)
    public int[] relearningStepsSeconds = {600};

    @Column(name = "maximum_interval_days", nullable = false)
    public int maximumIntervalDays = 36500;

    /** A personal 21-number FSRS-6 vector; null means the defaults. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "fsrs_parameters")
    public double[] fsrsParameters;

    @Column(name = "max_reviews_per_day", nullable = false)
    public int maxReviewsPerDay = StudySettings.DEFAULT_MAX_REVIEWS_PER_DAY;

    /** Whether the learner chose the time zone (until then the settings page proposes the browser's). */
    @Column(name = "time_zone_chosen", nullable = false)
    public boolean timeZoneChosen;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();
}
