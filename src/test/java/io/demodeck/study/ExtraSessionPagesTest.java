package io.demodeck.study;

import io.demodeck.bank.DeckWriter;
import io.demodeck.stats.StatsService;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.StudyFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review ahead and custom sessions from the done page: cards studied now that are due later, scheduled from the real
 * elapsed time, flagged early and left out of true retention; the normal queue's limits stay as they are.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ExtraSessionPagesTest {

    @Inject
    DeckWriter writer;

    @Inject
    StatsService stats;

    @Test
    void reviewAheadShowsTheCardsDueWithinTheChosenDaysOnceAndKeepsThemOutOfTrueRetention() {
        Browser b = new Browser();
        String name = b.registerAndSignIn("ra" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
        long user = StudyFixtures.userId(name);
        String deck = StudyFixtures.flashcardDeck(writer, name, 4);
        String study = "/study/" + deck;
        for (int i = 0; i < 4; i++) {
            grade(b, study, study, 4, null);
        }
        // three reviews reviewed 3 days ago and due in 2 days; one due in 20 days
        StudyFixtures.execute("update card set state = 2, stability = 5, last_review = now() - interval '3 days', "
                + "due = now() + interval '2 days' where user_id = ?1", user);
        StudyFixtures.execute("update card set due = now() + interval '20 days' where id = (select max(id) from card "
                + "where user_id = ?1)", user);
        String done = b.open(study).then().statusCode(200).extract().asString();
        assertTrue(done.contains("id=\"review-ahead\""), "review ahead is offered: " + done);
        assertTrue(done.contains("<option value=\"1\" selected>1 day</option>"), done);
        assertTrue(done.contains("<option value=\"7\">7 days</option>"), done);

        String oneDay = b.request().redirects().follow(false).get(study + "/ahead?days=1").then().statusCode(303)
                .extract().header("Location");
        assertTrue(oneDay.contains("/ahead?days=1&since="), oneDay);
        b.open(oneDay).then().statusCode(200).body(containsString("id=\"extra-over\""));

        String session = b.request().redirects().follow(false).get(study + "/ahead?days=3").then().statusCode(303)
                .extract().header("Location");
        String page = b.open(session).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Review ahead: cards due within 3 days · cards left: 3"), page);
        String path = session.substring(session.indexOf("/study/"));
        for (int i = 0; i < 3; i++) {
            String next = grade(b, path, study, i == 0 ? 1 : 3, page);
            assertTrue(next.contains("/ahead?days=3&since="), next);
            page = b.open(next).asString();
        }
        assertTrue(page.contains("id=\"extra-over\""), "each card once: " + page);
        assertEquals(3, StudyFixtures.number("select count(*) from review_log where user_id = ?1 and origin = 'ahead' "
                + "and early and elapsed_days = 3 and retrievability > 0.7 and state_before = 2", user),
                "scheduled from the real 3 days elapsed");
        assertEquals(0, StudyFixtures.number("select count(*) from review_log where user_id = ?1 and origin = 'ahead' "
                + "and rating > 1 and due_after < now() + interval '2 days'", user), "a passed card moves later");
        // the Again given ahead is no lapse of true retention: no week has a retention value
        assertTrue(stats.of(user, Instant.now()).retentionByWeek().values().stream().allMatch(Objects::isNull),
                "true retention leaves answers given ahead out");
        b.request().get(study + "/ahead?days=9").then().statusCode(400);
    }

    @Test
    void aCustomSessionByTagOrOfTodaysFailedCardsShowsStartedCardsOnlyAndLeavesTheQueueAlone() {
        Browser b = new Browser();
        String name = b.registerAndSignIn("cs" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
        long user = StudyFixtures.userId(name);
        String deck = StudyFixtures.flashcardDeck(writer, name, 4);
        String study = "/study/" + deck;
        StudyFixtures.execute("update question set tags = '{jvm}' where deck_id = (select id from deck where external_id = ?1) "
                + "and position <= 2", deck);
        b.open("/settings");
        b.submit("/settings", "language", "en", "desiredRetention", "0.9", "newCardsPerDay", "3", "timeZone", "UTC",
                "dayRolloverHour", "4", "learnAheadMinutes", "0").then().statusCode(303);
        grade(b, study, study, 1, null); // question 1: Again
        grade(b, study, study, 4, null); // question 2: Easy
        String failed = b.request().redirects().follow(false).get(study + "/custom?failed=true").then().statusCode(303)
                .extract().header("Location");
        assertTrue(failed.contains("/custom?failed=true&since="), failed);
        String done = b.open(failed).then().statusCode(200).extract().asString();
        assertTrue(done.contains("the cards you failed today · cards left: 1"), done);
        assertTrue(done.contains("Question number 1"), done);

        String tag = b.request().redirects().follow(false).get(study + "/custom?tag=jvm").then().statusCode(303)
                .extract().header("Location");
        String page = b.open(tag).asString();
        assertTrue(page.contains("Custom session: tag jvm · cards left: 2"), "started cards of the tag only: " + page);
        String path = tag.substring(tag.indexOf("/study/"));
        page = b.open(grade(b, path, study, 3, page)).asString();
        page = b.open(grade(b, path, study, 3, page)).asString();
        assertTrue(page.contains("id=\"extra-over\""), page);
        assertEquals(2, StudyFixtures.number("select count(*) from review_log where user_id = ?1 and origin = 'custom' "
                + "and early", user));
        // the normal queue: still one new card left of today's three
        String queue = b.open(study).asString();
        assertTrue(queue.contains("<span class=\"count-new\" title=\"New\">1</span>"), queue);
        b.request().get(study + "/custom").then().statusCode(400);
    }

    @Test
    void undoInAReviewAheadSessionStepsBackThroughItsAnswersAndAFormGradedTwiceSaysAlreadyAnswered() {
        Browser b = new Browser();
        String name = b.registerAndSignIn("ru" + UUID.randomUUID().toString().substring(0, 8), "study-hard-123");
        long user = StudyFixtures.userId(name);
        String deck = StudyFixtures.flashcardDeck(writer, name, 3);
        String study = "/study/" + deck;
        for (int i = 0; i < 3; i++) {
            grade(b, study, study, 4, null);
        }
        StudyFixtures.execute("update card set state = 2, stability = 5, last_review = now() - interval '3 days', "
                + "due = now() + interval '2 days' where user_id = ?1", user);
        long cardsBefore = cardsFingerprint(user);
        String session = b.request().redirects().follow(false).get(study + "/ahead?days=3").then().statusCode(303)
                .extract().header("Location");
        String path = session.substring(session.indexOf("/study/"));
        Matcher started = Pattern.compile("since=(\\d+)").matcher(path);
        assertTrue(started.find(), path);
        Object[] sessionFields = {"extra", "ahead", "days", 3, "since", started.group(1)};
        String page = b.open(path).asString();
        assertFalse(page.contains("data-action=\"undo\""), "nothing to undo before the session's first answer");

        List<String> answered = new ArrayList<>();
        String firstRid = field(page, "rid");
        answered.add(field(page, "question"));
        page = b.open(grade(b, path, study, 1, page)).asString();
        assertTrue(page.contains("data-action=\"undo\""), "undo is offered after an answer in the session: " + page);
        assertTrue(page.contains("name=\"extra\" value=\"ahead\""), "the undo form names its session");
        // the browser's Back to the first card, graded again: nothing changes, the learner is told, the next card shows
        List<Object> twice = new ArrayList<>(List.of("question", answered.getFirst(), "rid", firstRid, "rating", 3));
        twice.addAll(List.of(sessionFields));
        String again = b.submit(study + "/grade", twice.toArray()).then().statusCode(303).extract().header("Location");
        assertTrue(again.endsWith("&already=true"), again);
        page = b.open(again.substring(again.indexOf("/study/"))).asString();
        assertTrue(page.contains("id=\"study-notice\"") && page.contains("already answered"), page);
        assertTrue(page.contains("data-state=\"question\"") && !field(page, "question").equals(answered.getFirst()),
                "the session's next card is shown: " + page);
        assertEquals(1, StudyFixtures.number("select count(*) from review_log where client_review_id = cast(?1 as uuid)",
                firstRid), "the answer counts once");

        for (int i = 0; i < 2; i++) {
            answered.add(field(page, "question"));
            page = b.open(grade(b, path, study, 3, page)).asString();
        }
        assertTrue(page.contains("id=\"extra-over\"") && page.contains("data-action=\"undo\""),
                "the session's end offers undo: " + page);

        for (int i = 2; i >= 0; i--) {
            List<Object> form = new ArrayList<>(List.of(sessionFields));
            String back = b.submit(study + "/undo", form.toArray()).then().statusCode(303).extract().header("Location");
            assertTrue(back.contains("/ahead?days=3&since=" + started.group(1) + "&question=" + answered.get(i)),
                    "the undone card comes back in the session: " + back);
            page = b.open(back.substring(back.indexOf("/study/"))).asString();
            assertEquals(answered.get(i), field(page, "question"));
            assertTrue(page.contains("Review ahead: cards due within 3 days · cards left: " + (3 - i)), page);
            assertEquals(i > 0, page.contains("data-action=\"undo\""), "undo is offered while the session has answers");
        }
        assertEquals(cardsBefore, cardsFingerprint(user), "every card is back exactly as it was before the session");
        assertEquals(0, StudyFixtures.number("select count(*) from review_log where user_id = ?1 and origin = 'ahead' "
                + "and undone_at is null", user));
        // the normal queue's undo form (no session fields) is not the session's: it leaves the session alone
        assertEquals(3, StudyFixtures.number("select count(*) from review_log where user_id = ?1 and origin = 'web' "
                + "and undone_at is null", user));
    }

    /** One number for the learner's cards' scheduling state: equal numbers, equal cards. */
    private static long cardsFingerprint(long user) {
        return StudyFixtures.number("select hashtext(string_agg(row(id, state, step, stability, difficulty, due, "
                + "last_review, reps, lapses)::text, ';' order by id)) from card where user_id = ?1", user);
    }

    /** Grades the card on {@code page} (or on the opened {@code open}) and returns where the redirect leads. */
    private static String grade(Browser b, String open, String study, int rating, String page) {
        if (page == null) {
            page = b.open(open).asString();
        }
        assertTrue(page.contains("data-state=\"question\""), page);
        String question = field(page, "question");
        String rid = field(page, "rid");
        var fields = new java.util.ArrayList<Object>(java.util.List.of("question", question, "rid", rid, "rating", rating));
        for (String extra : new String[] {"extra", "days", "tag", "since"}) {
            Matcher m = Pattern.compile("name=\"" + extra + "\" value=\"([^\"]*)\"").matcher(page);
            if (m.find()) {
                fields.add(extra);
                fields.add(m.group(1));
            }
        }
        assertFalse(page.contains("name=\"extra\"") && open.equals(study), "the normal queue's forms name no session");
        return b.submit(study + "/grade", fields.toArray()).then().statusCode(303).extract().header("Location");
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }
}
