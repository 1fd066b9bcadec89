package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.FsrsModel;
import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.Outcome;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.Scheduler;
import io.demodeck.review.scheduler.SchedulerSettings;
import io.demodeck.review.scheduler.State;
import io.demodeck.review.scheduler.StudyDays;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Review logs of a simulated learner whose memory follows a known FSRS-6 vector: DemoDeck's scheduler (with fuzz)
 * chooses every interval, the learner comes back on the due day or, now and then, a few days late, and whether they
 * recall a card is drawn from the true model's retrievability. Same-day (learning-step) answers are drawn from a fixed
 * mix, since the model predicts no same-day recall. Seeded: the same arguments give the same log.
 */
public final class SimulatedLogs {

    public static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    private SimulatedLogs() {
    }

    /** About {@code reviews} answers (whole cards), card by card, each card's oldest first. */
    public static List<LogEntry> simulate(FsrsParameters truth, int reviews, long seed) {
        SchedulerSettings settings = SchedulerSettings.defaults().withParams(truth);
        Scheduler scheduler = new Scheduler(settings);
        FsrsModel model = scheduler.model();
        StudyDays days = scheduler.studyDays();
        SplittableRandom random = new SplittableRandom(seed);
        Instant end = START.plus(Duration.ofDays(730));
        List<LogEntry> log = new ArrayList<>(reviews + 64);
        long cardId = 0;
        while (log.size() < reviews) {
            cardId++;
            Instant now = START.plus(Duration.ofDays(random.nextInt(540))).plusSeconds(3600L * (8 + random.nextInt(14)));
            CardState state = CardState.newCard(now);
            int cardReviews = 0;
            while (now.isBefore(end) && cardReviews < 40 && log.size() < reviews) {
                Rating rating;
                if (state.state() == State.NEW) {
                    rating = pick(random, 0.15, 0.15, 0.60);
                } else {
                    int elapsed = days.between(state.lastReview(), now);
                    if (elapsed == 0) {
                        rating = pick(random, 0.10, 0.05, 0.80);
                    } else {
                        double r = model.retrievability(elapsed, state.stability());
                        rating = random.nextDouble() < r ? pick(random, 0, 0.10, 0.80) : Rating.AGAIN;
                    }
                }
                Outcome outcome = scheduler.next(cardId, state, rating, now);
                log.add(new LogEntry(cardId, now, rating.grade(), state.state() == State.NEW));
                cardReviews++;
                state = outcome.after();
                Instant due = state.due();
                if (outcome.scheduledDays() > 0) {
                    // back on the due day at some hour, sometimes a few days late
                    int late = random.nextDouble() < 0.3 ? 1 + random.nextInt(Math.max(1, outcome.scheduledDays() / 2 + 1)) : 0;
                    due = days.startOfDay(due).plus(Duration.ofDays(late)).plusSeconds(3600L * (4 + random.nextInt(18)));
                }
                now = due;
            }
        }
        return log;
    }

    /** Again / Hard / Good with the given probabilities, Easy with the rest. */
    private static Rating pick(SplittableRandom random, double again, double hard, double good) {
        double u = random.nextDouble();
        if (u < again) {
            return Rating.AGAIN;
        }
        if (u < again + hard) {
            return Rating.HARD;
        }
        return u < again + hard + good ? Rating.GOOD : Rating.EASY;
    }

    /** A vector well away from the defaults, inside every bound. */
    public static FsrsParameters learnerTruth() {
        return FsrsParameters.of(0.6, 1.8, 4.5, 14.0, 6.0, 0.6, 2.2, 0.02, 1.6, 0.12, 1.0,
                1.8, 0.08, 0.3, 1.9, 0.45, 2.2, 0.4, 0.2, 0.1, 0.25);
    }
}
