package io.demodeck.importer;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.importer.anki.ApkgFixtures;
import io.demodeck.review.ReviewService;
import io.demodeck.review.ReviewService.CardView;
import io.demodeck.review.StudySettingsService;
import io.demodeck.review.scheduler.CardState;
import io.demodeck.review.scheduler.Rating;
import io.demodeck.review.scheduler.Scheduler;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An Anki package's review log carried over as the uploader's answers, replayed through FSRS. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AnkiHistoryImportTest {

    private static final Instant T0 = Instant.ofEpochMilli(ApkgFixtures.T0);

    @Inject
    ImportService imports;

    @Inject
    AccountService accounts;

    @Inject
    ReviewService reviews;

    @Inject
    StudySettingsService settings;

    @Inject
    EntityManager em;

    /** The mapped answers of {@link ApkgFixtures#REVLOG} per question: {rating, time} in time order. */
    private static final Map<String, List<Object[]>> MAPPED = Map.of(
            "Abc_12", List.of(new Object[] {3, T0}, new Object[] {3, T0.plus(Duration.ofMinutes(10))},
                    new Object[] {3, T0.plus(Duration.ofDays(3))}, new Object[] {1, T0.plus(Duration.ofDays(10))},
                    new Object[] {3, T0.plus(Duration.ofDays(10).plusMinutes(10))},
                    new Object[] {2, T0.plus(Duration.ofDays(15))}, new Object[] {4, T0.plus(Duration.ofDays(20))}),
            "x-7123575d78-reverse", List.<Object[]>of(new Object[] {4, T0.plus(Duration.ofMinutes(60))}),
            "cl0ze", List.<Object[]>of(new Object[] {2, T0.plus(Duration.ofMinutes(5))}));

    @Test
    void theUploadersCardsHoldExactlyTheMappedLogAndReplayIt() throws Exception {
        int n = 0;
        for (byte[] pkg : List.of(ApkgFixtures.legacy(ApkgFixtures.NOTES, ApkgFixtures.REVLOG),
                ApkgFixtures.modern(ApkgFixtures.NOTES, ApkgFixtures.REVLOG))) {
            long uploader = instructor();
            String deck = "anki-history-" + n++;
            ImportReport preview = imports.preview(request(pkg, deck, uploader, null));
            assertEquals(new ImportReport.History(14, 9, 0, 2, 2, 1, Map.of("Spanish::Verbs", 9)), preview.history(),
                    "the dry run says what would be carried over");
            assertEquals(0, count("select count(*) from review_log where user_id = ?1", uploader));

            ImportReport applied = imports.apply(request(pkg, deck, uploader, null));
            assertEquals("applied", applied.outcome(), applied.problems()::toString);
            assertEquals(new ImportReport.History(14, 9, 0, 2, 2, 1, Map.of("Spanish::Verbs", 9)), applied.history());
            assertEquals(9, count("select count(*) from review_log where user_id = ?1 and origin = 'import'", uploader));
            Map<String, CardView> cards = new java.util.HashMap<>();
            for (var e : MAPPED.entrySet()) {
                long question = questionId(deck, e.getKey());
                assertEquals(e.getValue().stream().map(a -> List.of(a[0], a[1])).toList(), log(uploader, question),
                        e.getKey() + ": the card's log is the mapped entries, in time order");
                CardView card = reviews.card(uploader, question).orElseThrow();
                assertEquals(replay(uploader, card.cardId(), e.getValue()), fields(card), e.getKey());
                assertEquals(0, brokenChain(card.cardId()), e.getKey() + ": each row starts where the one before ended");
                cards.put(e.getKey(), card);
            }

            ImportReport again = imports.apply(request(pkg, deck, uploader, null));
            assertEquals(new ImportReport.History(14, 0, 9, 2, 2, 1, Map.of()), again.history(), "re-importing adds nothing");
            assertEquals(9, count("select count(*) from review_log where user_id = ?1", uploader));
            for (var e : cards.entrySet()) {
                assertEquals(e.getValue(), reviews.card(uploader, questionId(deck, e.getKey())).orElseThrow());
            }
        }
    }

    @Test
    void theUploadersOwnAnswersOnTheSameQuestionStayAndAreOrderedByTime() throws Exception {
        byte[] pkg = ApkgFixtures.legacy(ApkgFixtures.NOTES, ApkgFixtures.REVLOG);
        long uploader = instructor();
        String deck = "anki-history-mixed";
        ImportReport first = imports.apply(request(pkg, deck, uploader, false));
        assertNull(first.history(), "keepHistory=false carries nothing over");
        assertEquals(0, count("select count(*) from review_log where user_id = ?1", uploader));

        long question = questionId(deck, "Abc_12");
        Instant between = T0.plus(Duration.ofDays(5));
        Instant after = T0.plus(Duration.ofDays(30));
        reviews.gradeInTimeOrder(uploader, question, Rating.GOOD, between, 4000, UUID.randomUUID(), "web");
        reviews.gradeInTimeOrder(uploader, question, Rating.AGAIN, after, 4000, UUID.randomUUID(), "web");

        ImportReport second = imports.apply(request(pkg, deck, uploader, null));
        assertEquals(9, second.history().carriedOver());
        List<Object[]> merged = new java.util.ArrayList<>(MAPPED.get("Abc_12"));
        merged.add(3, new Object[] {3, between});
        merged.add(new Object[] {1, after});
        assertEquals(merged.stream().map(a -> List.of(a[0], a[1])).toList(), log(uploader, question));
        assertEquals(2, count("select count(*) from review_log r join card c on c.id = r.card_id "
                + "where c.user_id = ?1 and c.question_id = ?2 and r.origin = 'web'", uploader, question));
        CardView card = reviews.card(uploader, question).orElseThrow();
        assertEquals(replay(uploader, card.cardId(), merged), fields(card));
        assertEquals(0, brokenChain(card.cardId()));
    }

    @Test
    void otherLearnersStartTheImportedQuestionsAsNew() throws Exception {
        long uploader = instructor();
        long learner = instructor();
        String deck = "anki-history-others";
        imports.apply(request(ApkgFixtures.modern(ApkgFixtures.NOTES, ApkgFixtures.REVLOG), deck, uploader, null));
        assertEquals(0, count("select count(*) from card where user_id = ?1", learner));
        assertEquals(3, count("select count(*) from card where user_id = ?1", uploader));
    }

    @Test
    void entriesAtTimesNoReviewCanHaveAreLeftOutAndTheRestIsCarriedOver() throws Exception {
        // found by ImportFuzzTest: a revlog id of Long.MAX_VALUE made the apply fail ("the database refused the
        // import", no place); ids are the answer's epoch milliseconds, so before 1970 or after now is no answer
        long[][] revlog = java.util.Arrays.copyOf(ApkgFixtures.REVLOG, ApkgFixtures.REVLOG.length + 3);
        revlog[revlog.length - 3] = new long[] {Long.MAX_VALUE, ApkgFixtures.cardId(0, 0), 3, 1000, 1};
        revlog[revlog.length - 2] = new long[] {-86_400_000L, ApkgFixtures.cardId(0, 0), 3, 1000, 1};
        revlog[revlog.length - 1] = new long[] {Instant.now().plus(Duration.ofDays(2)).toEpochMilli(),
                ApkgFixtures.cardId(2, 1), 3, 1000, 1};
        long uploader = instructor();
        ImportReport applied = imports.apply(request(ApkgFixtures.legacy(ApkgFixtures.NOTES, revlog),
                "anki-history-times", uploader, null));
        assertEquals("applied", applied.outcome(), applied.problems()::toString);
        assertEquals(new ImportReport.History(17, 9, 0, 2, 2, 4, Map.of("Spanish::Verbs", 9)), applied.history());
        assertEquals(9, count("select count(*) from review_log where user_id = ?1", uploader));
    }

    private ImportRequest request(byte[] pkg, String deck, long userId, Boolean keepHistory) {
        return new ImportRequest(pkg, "spanish.apkg", null, new ImportOptions(deck, "en", null, null, keepHistory), userId);
    }

    private long instructor() {
        return accounts.create("anki" + UUID.randomUUID().toString().substring(0, 8), "instructor-pass",
                Role.INSTRUCTOR, "en").id();
    }

    /** The card state that replaying these answers through the learner's scheduler gives. */
    private List<Object> replay(long userId, long cardId, List<Object[]> answers) {
        Scheduler scheduler = settings.schedulerFor(userId);
        CardState state = CardState.newCard((Instant) answers.getFirst()[1]);
        for (Object[] a : answers) {
            state = scheduler.next(cardId, state, Rating.fromGrade((Integer) a[0]), (Instant) a[1]).after();
        }
        return List.of(state.state(), String.valueOf(state.step()), state.stability(), state.difficulty(), state.due(),
                state.lastReview(), state.reps(), state.lapses());
    }

    private static List<Object> fields(CardView c) {
        return List.of(c.state(), String.valueOf(c.step()), c.stability(), c.difficulty(), c.due(), c.lastReview(),
                c.reps(), c.lapses());
    }

    /** The learner's answers on a question: {rating, time}, in time order. */
    private List<List<Object>> log(long userId, long questionId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select r.rating, r.reviewed_at from review_log r join card c on c.id = r.card_id
                        where c.user_id = ?1 and c.question_id = ?2 and r.undone_at is null order by r.reviewed_at""")
                .setParameter(1, userId).setParameter(2, questionId).getResultList());
        List<List<Object>> log = new java.util.ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            log.add(List.of(((Number) r[0]).intValue(), instant(r[1])));
        }
        return log;
    }

    /** Rows whose before-state is not the previous row's after-state. */
    private long brokenChain(long cardId) {
        return count("""
                select count(*) from (select state_before, reps_before, stability_before,
                       lag(state_after) over w prev_state, lag(reps_before) over w prev_reps,
                       lag(stability_after) over w prev_stability
                from review_log where card_id = ?1 window w as (order by reviewed_at, id)) r
                where prev_state is not null and (r.state_before <> r.prev_state or r.reps_before <> r.prev_reps + 1
                      or r.stability_before <> r.prev_stability)""", cardId);
    }

    private long questionId(String deck, String externalId) {
        return count("select q.id from question q join deck d on d.id = q.deck_id where d.external_id = ?1 "
                + "and q.external_id = ?2", deck, externalId);
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
