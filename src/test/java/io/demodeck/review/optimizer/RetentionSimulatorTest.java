package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionSimulatorTest {

    @Test
    void higherRetentionMeansMoreReviewsAndTheRecommendationIsInside() {
        List<RetentionSimulator.Point> points = RetentionSimulator.workload(FsrsParameters.defaults(), List.of(), 2000, 20, 1);
        assertEquals(26, points.size());
        assertTrue(points.getLast().reviewsPerDay() > 2 * points.getFirst().reviewsPerDay(),
                "0.95 costs far more reviews than 0.70: " + points.getFirst() + " / " + points.getLast());
        RetentionSimulator.Point best = RetentionSimulator.recommended(points);
        for (RetentionSimulator.Point p : points) {
            assertTrue(best.secondsPerRemembered() <= p.secondsPerRemembered());
        }
        assertTrue(best.retention() >= 0.70 && best.retention() <= 0.95, best.toString());
        assertTrue(best.secondsPerRemembered() < points.getLast().secondsPerRemembered(),
                "0.95 is not the cheapest way to remember a card");
    }

    @Test
    void aLearnerWhoForgetsFasterIsRecommendedADifferentRetention() {
        FsrsParameters fast = FsrsParameters.of(0.1, 0.6, 1.2, 4.0, 7.5, 0.9, 2.5, 0.01,
                1.2, 0.3, 0.6, 2.2, 0.1, 0.35, 2.2, 0.5, 1.5, 0.6, 0.15, 0.05, 0.45);
        var a = RetentionSimulator.recommended(RetentionSimulator.workload(FsrsParameters.defaults(), List.of(), 2000, 20, 1));
        var b = RetentionSimulator.recommended(RetentionSimulator.workload(fast, List.of(), 2000, 20, 1));
        assertTrue(a.retention() != b.retention() || a.secondsPerRemembered() != b.secondsPerRemembered());
        assertTrue(b.secondsPerRemembered() > a.secondsPerRemembered(), "remembering costs a fast forgetter more");
    }

    @Test
    void studiedCardsStartFromTheirMemoryState() {
        var studied = List.of(new RetentionSimulator.StudiedCard(100, 5, 90), new RetentionSimulator.StudiedCard(2, 8, 1));
        var p = RetentionSimulator.simulate(FsrsParameters.defaults(), studied, 0, 20, 0.9, 3);
        assertTrue(p.reviewsPerDay() > 0);
    }
}
