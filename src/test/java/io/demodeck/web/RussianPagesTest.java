package io.demodeck.web;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.PageLanguage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The main pages in Russian carry no English word outside content and code: what is left after taking out
 * {@code <code>}, {@code <pre>}, scripts, the deck and question content, the user's own name and the product
 * names of {@link PageLanguage} must be Russian. Fetched with REST Assured (fast); the language is the visitor's {@code lang} cookie.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RussianPagesTest {

    static final String DECK = "goroutines-threads-processes";

    @Inject
    AccountService accounts;

    private static Browser russian() {
        Browser b = new Browser();
        b.request().get("/lang/ru?back=/"); // sets the lang cookie like the switcher
        return b;
    }

    static List<String> englishWords(String html, String... ownWords) {
        Document doc = Jsoup.parse(html);
        doc.select(PageLanguage.content("ru")).remove();
        String text = doc.body().text() + " " + doc.title();
        for (String own : ownWords) {
            text = text.replace(own, " ");
        }
        return PageLanguage.foreignWords("ru", text);
    }

    private static void check(Map<String, List<String>> found, String name, Response page, String... ownWords) {
        String html = new String(page.asByteArray(), StandardCharsets.UTF_8);
        List<String> english = englishWords(html, ownWords);
        if (!english.isEmpty()) {
            found.put(name + " (" + page.statusCode() + ")", new ArrayList<>(new TreeSet<>(english)));
        }
    }

    @Test
    void theDetectorFindsAnEnglishWordAndIgnoresContentAndCode() {
        assertEquals(List.of("Not", "Found"), englishWords("<h1>Ошибка 404: Not Found</h1><code>single_choice</code>"));
        assertEquals(List.of(), englishWords("<p>Колода <code>goroutines</code> DemoDeck, файл /proc/thread-self</p>"
                + "<div class=prompt>What is a thread?</div>"));
    }

    @Test
    void everyMainPageIsRussian() {
        Map<String, List<String>> found = new LinkedHashMap<>();

        Browser anonymous = russian();
        check(found, "home", anonymous.open("/"));
        check(found, "login", anonymous.open("/login"));
        check(found, "register", anonymous.open("/register"));
        check(found, "demos", anonymous.open("/demos"));
        check(found, "demo", anonymous.open("/demos/thread-anatomy"));
        check(found, "deck", anonymous.open("/decks/" + DECK));
        check(found, "question", anonymous.open("/decks/" + DECK + "/questions/goroutine-definition"));
        check(found, "404", anonymous.open("/no-such-page"), "/no-such-page");
        check(found, "404 deck", anonymous.open("/decks/no-such-deck"), "/decks/no-such-deck", "no-such-deck");
        check(found, "register errors", anonymous.open("/register").then().extract().response());
        anonymous.open("/register");
        check(found, "register refused", anonymous.submit("/register", "username", "x", "password", "short",
                "password_confirm", "other", "language", "ru"));

        String learnerName = "ru" + UUID.randomUUID().toString().substring(0, 8);
        Browser learner = russian();
        learner.registerAndSignIn(learnerName, "study-hard-123");
        learner.request().get("/lang/ru?back=/");
        check(found, "study", learner.open("/study/" + DECK), learnerName);
        check(found, "stats", learner.open("/stats"), learnerName);
        check(found, "settings", learner.open("/settings"), learnerName);
        check(found, "settings refused", learner.submit("/settings", "language", "ru", "desiredRetention", "0.9",
                "newCardsPerDay", "20", "timeZone", "UTC", "dayRolloverHour", "30", "learnAheadMinutes", "20"), learnerName);
        check(found, "account", learner.open("/account"), learnerName, "Apache-HttpClient"); // the device: its user agent
        check(found, "classes", learner.open("/classes"), learnerName);
        check(found, "403 import", learner.open("/import"), learnerName);

        String instructorName = "ri" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(instructorName, "teach-well-1234", Role.INSTRUCTOR, "ru");
        Browser instructor = russian();
        instructor.signIn(instructorName, "teach-well-1234");
        instructor.request().get("/lang/ru?back=/");
        check(found, "import form", instructor.open("/import"), instructorName);
        Response report = instructor.multipart()
                .multiPart("file", "deck.txt", "term\tdefinition\nsecond\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("format", "quizlet").multiPart("language", "ru").multiPart("deck", "ru-check-deck")
                .multiPart("termSeparator", "tab").multiPart("rowSeparator", "newline")
                .post("/import/preview");
        check(found, "import report", report, instructorName, "ru-check-deck", "deck.txt", "term\tdefinition", "second"); // the deck id, file name and rows the instructor gave
        check(found, "classes (instructor)", instructor.open("/classes"), instructorName);

        assertEquals(Map.of(), found, "English words on Russian pages");
    }
}
