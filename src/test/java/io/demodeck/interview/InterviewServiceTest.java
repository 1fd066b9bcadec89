package io.demodeck.interview;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.deck.DeckAccess;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interview service with a clock the test sets: time taken comes from the server's own timestamps. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class InterviewServiceTest {

    static final String DECK = "goroutines-threads-processes";

    @Inject
    InterviewService interviews;

    @Inject
    AccountService accounts;

    private DeckAccess.Viewer learner() {
        long id = accounts.create("iv" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                "correct horse battery", Role.LEARNER, "en").id();
        return new DeckAccess.Viewer(id, false, false);
    }

    @Test
    void timeTakenRunsFromTheFirstShowingAndAnswersOverTheLimitAreMarked() {
        DeckAccess.Viewer v = learner();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        long id = interviews.start(v, DECK, List.of("goroutine"), 2, 60, false, "en", t0);

        // shown 5 s after the start; a reload later does not restart its clock
        InterviewService.Detail first = interviews.detail(v.userId(), id, "en", t0.plusSeconds(5));
        assertEquals(60, first.current().secondsLeft());
        assertEquals(20, interviews.detail(v.userId(), id, "en", t0.plusSeconds(45)).current().secondsLeft());
        interviews.answer(v.userId(), id, 1, new InterviewService.Answer("managed by the Go runtime", false, null, false, null),
                "en", t0.plusSeconds(95));

        interviews.detail(v.userId(), id, "en", t0.plusSeconds(100));
        interviews.answer(v.userId(), id, 2, new InterviewService.Answer(null, false, null, true, null), "en",
                t0.plusSeconds(130));
        InterviewService.Detail done = interviews.detail(v.userId(), id, "en", t0.plusSeconds(200));

        assertNull(done.current());
        assertNotNull(done.summary().finishedAt());
        InterviewService.ItemResult a = done.items().get(0);
        assertEquals(90, a.seconds());
        assertTrue(a.overTime());
        assertEquals(List.of(true, false, false, false), a.keyPoints().stream().map(InterviewService.KeyPoint::hit).toList());
        assertEquals(0.25, a.score(), 1e-9);
        assertFalse(a.correct(), "a quarter of the key points is below the pass mark");
        InterviewService.ItemResult b = done.items().get(1);
        assertEquals(30, b.seconds());
        assertFalse(b.overTime());
        assertEquals(120, done.totalSeconds());
        assertEquals(12.5, done.summary().score(), 1e-9);
        assertEquals(2, done.missed());
    }

    @Test
    void finishingEarlySkipsTheRestAndNothingIsAnsweredAfterwards() {
        DeckAccess.Viewer v = learner();
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        long id = interviews.start(v, DECK, List.of(), 3, 30, true, "ru", t0);
        interviews.detail(v.userId(), id, "ru", t0);
        interviews.finish(v.userId(), id, t0.plusSeconds(10));
        interviews.finish(v.userId(), id, t0.plusSeconds(99));

        InterviewService.Detail done = interviews.detail(v.userId(), id, "ru", t0.plusSeconds(120));
        assertEquals(t0.plusSeconds(10), done.summary().finishedAt());
        assertEquals(List.of("skipped", "skipped", "skipped"), done.items().stream().map(InterviewService.ItemResult::mode).toList());
        assertEquals(0.0, done.summary().score(), 1e-9);
        ClientFacingException e = assertThrows(ClientFacingException.class, () -> interviews.answer(v.userId(), id, 1,
                new InterviewService.Answer("x", false, null, false, null), "ru", t0.plusSeconds(130)));
        assertEquals(409, e.status());
        assertEquals(3, interviews.queueMissed(v.userId(), id, "web", t0.plusSeconds(140)));
        assertEquals(0, interviews.queueMissed(v.userId(), id, "web", t0.plusSeconds(150)));
        assertEquals(List.of(id), interviews.history(v.userId(), 10).stream().map(InterviewService.Summary::id).toList());
    }
}
