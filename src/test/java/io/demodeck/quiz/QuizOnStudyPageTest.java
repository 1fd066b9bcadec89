package io.demodeck.quiz;

import io.demodeck.importer.ImportOptions;
import io.demodeck.importer.ImportRequest;
import io.demodeck.importer.ImportService;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quiz part of the study page over HTTP: what is posted, how it is graded, what the learner then sees. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
public class QuizOnStudyPageTest {

    static final String BANK_DECK = "goroutines-threads-processes";
    public static final String GIFT_DECK = "quiz-feedback-test";

    @Inject
    EntityManager em;

    @Inject
    ImportService imports;

    Browser learner;

    @BeforeEach
    void learner() {
        importGiftDeckOnce(imports);
        learner = new Browser();
        learner.registerAndSignIn("qz" + UUID.randomUUID().toString().substring(0, 8), "quiz-hard-123");
    }

    public static synchronized void importGiftDeckOnce(ImportService imports) {
        boolean present = QuarkusTransaction.requiringNew().call(() -> io.demodeck.deck.Deck.findByExternalId(GIFT_DECK).isPresent());
        if (!present) {
            try (InputStream in = QuizOnStudyPageTest.class.getResourceAsStream("/quiz/feedback-quiz.gift")) {
                imports.apply(new ImportRequest(in.readAllBytes(), "feedback-quiz.gift", "gift",
                        new ImportOptions(GIFT_DECK, "en", null, null), null));
                // an import starts private to its uploader; every learner of these tests studies it
                QuarkusTransaction.requiringNew().run(() ->
                        io.demodeck.deck.Deck.update("visibility = 'public' where externalId = ?1", GIFT_DECK));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theTypedAnswerIsPostedWithTheCsrfTokenAndNeverInTheAddress() {
        long clone = questionId(BANK_DECK, "linux-clone-syscall");
        String page = learner.open(study(BANK_DECK) + "?question=" + clone).asString();
        assertTrue(page.contains("<form method=\"post\" action=\"/study/" + BANK_DECK + "/answer\""), page);
        assertTrue(page.contains("name=\"csrf-token\""), "the check form carries the CSRF token");
        learner.request().get(study(BANK_DECK) + "/answer?question=" + clone + "&typed=clone").then().statusCode(405);
        learner.request().contentType("application/x-www-form-urlencoded").formParam("question", clone)
                .formParam("typed", "clone").post(study(BANK_DECK) + "/answer").then().statusCode(400);
        learner.submit(study(BANK_DECK) + "/answer", "question", clone, "rid", UUID.randomUUID(), "typed", "clone")
                .then().statusCode(200).body(containsString("✓ Correct"));
    }

    @Test
    void aWrongWordIsStruckWholeAndATypoIsAcceptedAgainstTheClosestAnswer() {
        long clone = questionId(BANK_DECK, "linux-clone-syscall");
        learner.open(study(BANK_DECK) + "?question=" + clone);
        String wrong = learner.submit(study(BANK_DECK) + "/answer", "question", clone, "rid", UUID.randomUUID(),
                "typed", "clome").asString();
        assertTrue(wrong.contains("✗ Not quite"), wrong);
        assertTrue(wrong.contains("<del><span class=\"visually-hidden\">typed: </span>clome</del> <ins>"
                + "<span class=\"visually-hidden\">expected: </span>clone</ins>"), "the whole word struck, the right one beside it");

        long name = questionId(GIFT_DECK, "runtime-name");
        learner.open(study(GIFT_DECK) + "?question=" + name);
        String typo = learner.submit(study(GIFT_DECK) + "/answer", "question", name, "rid", UUID.randomUUID(),
                "typed", "virtual thraed").asString();
        assertTrue(typo.contains("✓ Accepted, with a typo"), typo);
        assertTrue(typo.contains("Expected: <code>virtual thread</code>"), "compared with the closest accepted answer, not the first");
        assertTrue(typo.contains("Java 21&#39;s counterpart.") || typo.contains("Java 21's counterpart."), "that answer's feedback");
        assertTrue(typo.contains("data-rating=\"3\" class=\"grade grade-3 suggested\""), "a typo is graded right");
    }

    @Test
    void aNumberMayCarryTheUnitTheQuestionNamesOtherwiseThePageAsksForANumber() {
        long stack = questionId(BANK_DECK, "goroutine-stack-size");
        learner.open(study(BANK_DECK) + "?question=" + stack);
        learner.submit(study(BANK_DECK) + "/answer", "question", stack, "rid", UUID.randomUUID(), "typed", "2 KiB")
                .then().body(containsString("✓ Correct"));
        learner.submit(study(BANK_DECK) + "/answer", "question", stack, "rid", UUID.randomUUID(), "typed", "2 MB")
                .then().statusCode(200).body(containsString("data-state=\"question\""))
                .body(containsString("MB&quot; is not a unit this question names."))
                .body(containsString("value=\"2 MB\" aria-invalid=\"true\""));
        learner.submit(study(BANK_DECK) + "/answer", "question", stack, "rid", UUID.randomUUID(), "typed", "two")
                .then().body(containsString("Enter a number, for example 2 or 2.5."));
        learner.submit(study(BANK_DECK) + "/answer", "question", stack, "rid", UUID.randomUUID(), "skip", "true")
                .then().body(containsString("✗ Not quite")).body(containsString("data-state=\"answer\""));
    }

    @Test
    void choicesAreShuffledStablyForTheShowingAndTheCheckMapsThemBack() {
        long q = questionId(GIFT_DECK, "stack-owner");
        List<String> first = choiceValues(learner.open(study(GIFT_DECK) + "?question=" + q).asString());
        assertEquals(first, choiceValues(learner.open(study(GIFT_DECK) + "?question=" + q).asString()), "a reload keeps the order");
        assertEquals(List.of("0", "1", "2"), first.stream().sorted().toList());
        String checked = learner.submit(study(GIFT_DECK) + "/answer", "question", q, "rid", UUID.randomUUID(), "choice", 0)
                .asString();
        assertTrue(checked.contains("✓ Correct"), "the written position of the right answer is graded right");
        assertEquals(first, shownOrderAfterCheck(checked), "the check shows the choices in the order they were shown");

        // over learners, the right answer written first is not always shown first
        int firstShownFirst = 0;
        for (int i = 0; i < 12; i++) {
            Browser other = new Browser();
            other.registerAndSignIn("qo" + UUID.randomUUID().toString().substring(0, 8), "quiz-hard-123");
            if (choiceValues(other.open(study(GIFT_DECK) + "?question=" + q).asString()).getFirst().equals("0")) {
                firstShownFirst++;
            }
        }
        assertTrue(firstShownFirst < 12, "the right answer was option 1 for every learner");
    }

    @Test
    void aWrongChoiceIsMarkedWithASymbolAndWordsAndTheSourcesFeedbackIsShown() {
        long q = questionId(GIFT_DECK, "stack-owner");
        learner.open(study(GIFT_DECK) + "?question=" + q);
        learner.submit(study(GIFT_DECK) + "/answer", "question", q, "rid", UUID.randomUUID(), "choice", 1).then()
                .body(containsString("✗ your choice, wrong"))
                .body(containsString("→ right answer, not chosen"))
                .body(containsString("No: a JVM platform thread reserves 1 MiB for its stack."))
                .body(not(containsString("No: a glibc thread reserves")))
                .body(containsString("Goroutine stacks start small and grow by copying."));

        long tf = questionId(GIFT_DECK, "preemption");
        learner.open(study(GIFT_DECK) + "?question=" + tf);
        learner.submit(study(GIFT_DECK) + "/answer", "question", tf, "rid", UUID.randomUUID(), "truth", "false").then()
                .body(containsString("(✗ your choice, wrong)"));
    }

    @Test
    void aFlashcardWithoutATypedAnswerShowsNoEmptyBoxAndOneAnswerHeading() {
        long card = questionId(BANK_DECK, "goroutine-definition");
        learner.open(study(BANK_DECK) + "?question=" + card);
        String shown = learner.submit(study(BANK_DECK) + "/answer", "question", card, "rid", UUID.randomUUID()).asString();
        assertEquals(1, count(shown, ">Answer</h2>"), "one Answer heading");
        assertTrue(!shown.contains("class=\"feedback"), "no empty answer box");
        String typed = learner.submit(study(BANK_DECK) + "/answer", "question", card, "rid", UUID.randomUUID(),
                "typed", "a function run by the Go runtime").asString();
        assertEquals(1, count(typed, ">Answer</h2>"));
        assertTrue(typed.contains("a function run by the Go runtime"), "the typed answer is shown");
    }

    // ---------------------------------------------------------------------------------------------

    private static String study(String deck) {
        return "/study/" + deck;
    }

    private static List<String> choiceValues(String html) {
        Matcher m = Pattern.compile("name=\"choice\" value=\"(\\d+)\"").matcher(html);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** The written positions in the order the checked page lists the choices (by their texts). */
    private static List<String> shownOrderAfterCheck(String html) {
        List<String> texts = List.of("Go's", "The JVM's", "glibc's");
        List<String> order = new ArrayList<>();
        int from = html.indexOf("<ul class=\"choices\">");
        while (order.size() < texts.size()) {
            int best = Integer.MAX_VALUE;
            int which = -1;
            for (int i = 0; i < texts.size(); i++) {
                int at = html.indexOf(texts.get(i), from);
                if (at >= 0 && at < best && !order.contains(String.valueOf(i))) {
                    best = at;
                    which = i;
                }
            }
            order.add(String.valueOf(which));
            from = best + 1;
        }
        return order;
    }

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    private long questionId(String deck, String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select q.id from question q join deck d on d.id = q.deck_id where d.external_id = ?1 and (q.external_id = ?2 or q.title = ?2) order by q.id limit 1")
                .setParameter(1, deck).setParameter(2, externalId).getSingleResult()).longValue());
    }
}
