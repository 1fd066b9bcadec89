package io.demodeck.review;

import io.demodeck.review.ReviewService.GradeResult;
import io.demodeck.review.ReviewService.PreviewOption;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With fuzz on (as in production) the interval shown on each button is the one grading applies. */
@QuarkusTest
@TestProfile(FuzzedPreviewTest.FuzzOn.class)
@WithTestResource(EmbeddedPostgresResource.class)
class FuzzedPreviewTest {

    public static class FuzzOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demodeck.scheduler.fuzz", "true");
        }
    }

    @Inject
    ReviewService reviews;

    @Test
    void previewEqualsAppliedAnswerWithFuzz() {
        long user = ReviewFixtures.learner();
        List<Long> questions = ReviewFixtures.questions(ReviewFixtures.deck(20));
        Instant start = Instant.parse("2026-05-01T10:00:00Z");
        Set<Integer> goodIntervals = new HashSet<>();
        for (long question : questions) {
            // make a review card with a long interval, then compare preview and grade 30 days later
            GradeResult easy = reviews.grade(user, question, Rating.EASY, start, 0, UUID.randomUUID(), "web");
            Instant later = easy.card().due().plus(Duration.ofDays(30));
            Map<Rating, PreviewOption> preview = reviews.preview(user, question, later);
            for (Rating rating : Rating.values()) {
                GradeResult applied = reviews.grade(user, question, rating, later, 0, UUID.randomUUID(), "web");
                assertEquals(preview.get(rating).due(), applied.card().due(), rating + " on question " + question);
                assertEquals(preview.get(rating).scheduledDays(), applied.scheduledDays());
                reviews.undoLast(user, applied.cardId()).orElseThrow();
            }
            goodIntervals.add(preview.get(Rating.GOOD).scheduledDays());
        }
        assertTrue(goodIntervals.size() > 1, "fuzz spreads cards with the same history: " + goodIntervals);
    }
}
