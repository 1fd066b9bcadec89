package io.demodeck.review;

import io.demodeck.platform.DemodeckConfig;
import io.agroal.api.AgroalDataSource;
import io.demodeck.review.ReviewService.GradeResult;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many devices answering the same cards at once, some resending the same answer, some pressing
 * undo: no answer is lost, none is applied twice, and every card ends exactly where a sequential
 * replay of its log leads.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReviewConcurrencyTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final int THREADS = 8;
    private static final int DISTINCT_ANSWERS = 120;

    @Inject
    ReviewService reviews;

    @Inject
    DemodeckConfig schedulerConfig;

    @Inject
    AgroalDataSource dataSource;

    private record Answer(UUID clientId, long questionId, Rating rating, Instant at) {
    }

    @Test
    void concurrentGradesWithDuplicateClientIdsEndInTheReplayedState() throws Exception {
        long user = ReviewFixtures.learner();
        long deck = ReviewFixtures.deck(3);
        List<Long> questions = ReviewFixtures.questions(deck);
        Random random = new Random(2026);
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < DISTINCT_ANSWERS; i++) {
            answers.add(new Answer(new UUID(random.nextLong(), random.nextLong()), questions.get(i % 3),
                    Rating.values()[random.nextInt(4)], T0.plus(Duration.ofHours(7L * i))));
        }
        List<Runnable> tasks = new ArrayList<>();
        Map<UUID, List<GradeResult>> results = new ConcurrentHashMap<>();
        AtomicInteger clientRetries = new AtomicInteger();
        int gradeSubmissions = 0;
        for (Answer a : answers) {
            int copies = 1 + random.nextInt(3); // the same answer sent up to three times
            gradeSubmissions += copies;
            for (int c = 0; c < copies; c++) {
                tasks.add(() -> results.computeIfAbsent(a.clientId(), k -> new CopyOnWriteArrayList<>())
                        .add(gradeLikeAClient(a, user, clientRetries)));
            }
        }
        for (int u = 0; u < 10; u++) {
            tasks.add(() -> undoLikeAClient(user, deck, clientRetries));
        }
        Collections.shuffle(tasks, random);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                task.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        // exactly one log row per distinct client id, and every copy of an answer saw the same row
        assertEquals(DISTINCT_ANSWERS, ReviewFixtures.count("select count(*) from review_log where user_id = ?1", user));
        assertEquals(DISTINCT_ANSWERS, results.size());
        results.forEach((id, copies) -> assertEquals(1, copies.stream().map(GradeResult::reviewLogId).distinct().count(),
                "one result for " + id));

        // every card equals a sequential replay of its non-undone log rows through the scheduler
        LogReplay.Report replay;
        try (Connection c = dataSource.getConnection()) {
            replay = LogReplay.check(c, List.of(user), LogReplay.Order.ARRIVAL, schedulerConfig.scheduler().fuzz());
        }
        assertEquals(List.of(), replay.mismatches());
        assertEquals(questions.size(), replay.cards());
        System.out.printf("concurrency test: %d submissions, %d client resends after conflicts%n", tasks.size(),
                clientRetries.get());
        // the test sent duplicates, and every copy of every answer got a result
        assertTrue(gradeSubmissions > DISTINCT_ANSWERS, "some answers were sent more than once");
        assertEquals(gradeSubmissions, results.values().stream().mapToInt(List::size).sum());
    }

    /** A client resends the same answer (same id) when the server reports a conflict. */
    private GradeResult gradeLikeAClient(Answer a, long user, AtomicInteger clientRetries) {
        while (true) {
            try {
                return reviews.grade(user, a.questionId(), a.rating(), a.at(), 1000, a.clientId(), "api");
            } catch (ReviewConflictException e) {
                clientRetries.incrementAndGet();
            }
        }
    }

    /** A conflict is an allowed answer to a racing undo; a client tries again, as for a grade. */
    private void undoLikeAClient(long user, long deck, AtomicInteger clientRetries) {
        while (true) {
            try {
                reviews.undoLastInDeck(user, deck);
                return;
            } catch (ReviewConflictException e) {
                clientRetries.incrementAndGet();
            }
        }
    }
}
