package io.demodeck.e2e;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.bank.DeckWriter;
import io.demodeck.importer.ImportService;
import io.demodeck.quiz.QuizOnStudyPageTest;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.demodeck.testsupport.PageLanguage;
import io.demodeck.testsupport.Slow;
import io.demodeck.testsupport.StudyFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 15: every page, walked in headless Chromium in Russian (the {@code lang} cookie, as the switcher sets it),
 * shows no English word outside content and code; the same walk in English shows no Russian word. Checked after the
 * page's JavaScript ran: every text node of the body (hidden ones too: a script shows them later), the title, and the
 * attributes a user meets ({@code title}, {@code aria-label}, {@code placeholder}, {@code alt}, the value of an input
 * button, the texts scripts show from {@code data-*} attributes), SVG chart titles and labels included. Content and
 * code are {@link PageLanguage#CONTENT}; every problem of every page is collected and the test fails once with the
 * full list (page, word, its text, element). Each principal sees the pages it can: anonymous, learner, instructor,
 * admin. At 1440 px, a few pages also at 390 px, where the Russian walk also runs the axe scan (on every page it
 * doubled the walk's time; the other browser tests scan their pages).
 *
 * <p>Left out on purpose:
 * <ul>
 *   <li>{@code /settings/parameters/{id}} (fitting FSRS parameters): a fit needs hundreds of reviews and runs for
 *       seconds; {@code OptimizeInBrowserTest} covers that page.</li>
 *   <li>{@code /demos/{id}/runs} and the inline "Run demo" result: each runs child JVMs for seconds; the texts the
 *       script shows come from the page's {@code demo} bundle (checked by {@code AllMessageBundlesTest}).</li>
 *   <li>{@code /decks/{deck}/purge}: reached only after archiving and deleting a deck (DeckLifecycleInBrowserTest).</li>
 *   <li>Downloads and JSON ({@code /decks/{deck}/export}, {@code progress.apkg}, the dashboard CSVs,
 *       {@code /demos/queue}, {@code .../progress}, media, {@code /api/v1}): not pages.</li>
 *   <li>Redirect-only endpoints (form posts, {@code /lang}, {@code /logout}): their pages are the ones walked.</li>
 * </ul>
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@Slow
class PageLanguageWalkInBrowserTest extends BrowserTestBase {

    static final String PASSWORD = "walk-every-page-1";
    static final String DECK = "goroutines-threads-processes";
    static final String QUIZ = QuizOnStudyPageTest.GIFT_DECK;
    static final Dimension DESKTOP = WIDTHS.get(0);
    static final Dimension PHONE = WIDTHS.get(1);

    /**
     * The study card carries its question's language but holds the interface (verdict, headings, grade buttons): the
     * walk looks inside it and relies on the content classes there.
     */
    static final String LANG_MARKED = ":not(.study-card)";
    /** Interface inside content: the marks of a checked answer and texts for screen readers. */
    static final String UI_IN_CONTENT = ".mark, .visually-hidden";
    /** Attributes whose text a user meets (read aloud, shown on hover, or shown by a script). */
    static final List<String> TEXT_ATTRIBUTES = List.of("title", "aria-label", "aria-description", "placeholder", "alt",
            "data-time-up", "data-empty");

    /** Collects [where, text, element] for every text of the page outside content (arguments: content, UI in content). */
    static final String COLLECT = """
            var content = arguments[0], ui = arguments[1], attributes = arguments[2], found = [];
            function skipped(el) { return el.closest(content) && !el.closest(ui); }
            function describe(el) {
              var s = el.tagName.toLowerCase();
              if (el.id) { return s + '#' + el.id; }
              var c = typeof el.className === 'string' ? el.className.trim() : '';
              return c ? s + '.' + c.split(/\\s+/).join('.') : s;
            }
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (var n = walker.nextNode(); n; n = walker.nextNode()) {
              var text = n.nodeValue.replace(/\\s+/g, ' ').trim();
              if (text && !skipped(n.parentElement)) { found.push(['text', text, describe(n.parentElement)]); }
            }
            document.querySelectorAll('body *').forEach(function (el) {
              if (skipped(el)) { return; }
              attributes.forEach(function (a) {
                var v = el.getAttribute(a);
                if (v && v.trim()) { found.push([a, v.trim(), describe(el)]); }
              });
              if (el.tagName === 'INPUT' && /^(submit|button|reset)$/.test(el.type) && el.value) {
                found.push(['value', el.value, describe(el)]);
              }
            });
            found.push(['title', document.title, 'head > title']);
            return found;
            """;

    @Inject
    AccountService accounts;

    @Inject
    DeckWriter writer;

    @Inject
    ImportService imports;

    private String lang;
    private AxeScan axe;
    private final Set<String> ownWords = new LinkedHashSet<>();
    private final Map<String, List<String>> problems = new LinkedHashMap<>();
    private final List<String> visited = new ArrayList<>();

    @Test
    void everyPageReadsInRussian() {
        walk("ru");
    }

    @Test
    void everyPageReadsInEnglish() {
        walk("en");
    }

    @Test
    void theCheckFindsAWordOfTheOtherLanguageOutsideContent() {
        browser.open("/lang/ru?back=/no-such-page-" + UUID.randomUUID());
        lang = "ru";
        browser.script("""
                document.querySelector('main').insertAdjacentHTML('beforeend',
                  '<p id="probe">Ошибка: Not found <code>single_choice</code> <span class="prompt">What is a thread?</span>'
                  + '<button title="Close it">×</button><input type="submit" value="Send"></p>');
                """);
        check("probe");
        String found = problems.entrySet().stream().filter(e -> e.getKey().startsWith("probe"))
                .flatMap(e -> e.getValue().stream()).collect(Collectors.joining("\n"));
        for (String word : List.of("\"Not\"", "\"found\"", "\"Close\"", "\"Send\"")) {
            org.junit.jupiter.api.Assertions.assertTrue(found.contains(word), word + " in " + found);
        }
        for (String word : List.of("single_choice", "thread")) {
            org.junit.jupiter.api.Assertions.assertFalse(found.contains(word), word + " is content: " + found);
        }
    }

    private void walk(String language) {
        lang = language;
        if ("ru".equals(lang)) {
            axe = AxeScan.load();
        }
        long started = System.nanoTime();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String learner = "wl" + lang + suffix + "1";
        String instructor = "wi" + lang + suffix + "1";
        String admin = "wa" + lang + suffix + "1";
        accounts.create(learner, PASSWORD, Role.LEARNER, lang);
        accounts.create(instructor, PASSWORD, Role.INSTRUCTOR, lang);
        accounts.create(admin, PASSWORD, Role.ADMIN, lang);
        QuizOnStudyPageTest.importGiftDeckOnce(imports);
        ownWords.addAll(List.of(learner, instructor, admin));
        // what the walk's files and decks are called: the deck ids, file names and titles the instructor gave
        ownWords.addAll(List.of("walk-broken-" + lang, "broken.gift", "walk.gift", "walk", "feedback-quiz", "stack-owner",
                "runtime-name", "preemption"));
        ownWords.add(String.valueOf(browser.script("return navigator.userAgent")));
        browser.driver().manage().window().setSize(DESKTOP);

        anonymous();
        String[] classPage = instructorPrepares(instructor);
        learnerPages(learner, classPage);
        instructorSees(instructor, classPage[0]);
        adminPages(admin);

        System.out.printf("language walk (%s): %d page views in %d ms%n", lang, visited.size(),
                (System.nanoTime() - started) / 1_000_000);
        if (!problems.isEmpty()) {
            fail(problems.values().stream().mapToInt(List::size).sum() + " " + ("ru".equals(lang) ? "English" : "Russian")
                    + " word(s) on " + problems.size() + " of " + visited.size() + " " + lang + " page views:\n"
                    + problems.entrySet().stream().map(e -> "  " + e.getKey() + "\n      "
                            + String.join("\n      ", e.getValue())).collect(Collectors.joining("\n")));
        }
    }

    private void anonymous() {
        browser.driver().manage().deleteAllCookies();
        visit("home", "/");
        check("home at 390 px", PHONE);
        visit("login", "/login");
        step("failed-login", () -> {
            browser.find("#f-username").sendKeys("nobody-here");
            browser.find("#f-password").sendKeys("wrong-password-1");
            submit("form[action='/login']");
        });
        check("login failed");
        visit("register", "/register");
        step("register-errors", () -> {
            browser.find("#f-username").sendKeys("a b");
            browser.find("#f-password").sendKeys("short");
            browser.find("#f-password_confirm").sendKeys("other");
            submit("form[action='/register']");
            browser.waitFor(d -> !browser.findAll(".error").isEmpty());
        });
        check("register errors");
        check("register errors at 390 px", PHONE);
        visit("demos", "/demos");
        visit("demo", "/demos/thread-anatomy");
        visit("deck", "/decks/" + DECK);
        visit("question", "/decks/" + DECK + "/questions/goroutine-definition");
        check("question at 390 px", PHONE);
        visit("404", "/no-such-page");
        visit("404 deck", "/decks/no-such-deck");
        visit("sign-in needed", "/settings");
    }

    /** Imports (preview with errors, preview), a deck, the editor, a class with an invite; returns the class page. */
    private String[] instructorPrepares(String instructor) {
        signIn(instructor);
        visit("home (instructor)", "/");
        visit("import form", "/import");
        step("import-preview-with-errors", () -> {
            upload(fixture("broken.gift", io.demodeck.importer.Fixtures.bytes("gift/broken.gift")), "walk-broken-" + lang);
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-problems")));
        });
        check("import preview with errors");
        String deck = "walk-" + lang + "-" + UUID.randomUUID().toString().substring(0, 6);
        ownWords.add(deck);
        step("import-preview-and-apply", () -> {
            browser.open("/import");
            upload(fixture("walk.gift", """
                    ::q1:: Which keyword starts a goroutine? {=go ~run ~spawn}

                    ::q2:: A goroutine is an OS thread. {F}

                    ::q3:: Name the Go scheduler's unit of work. {=goroutine}
                    """.getBytes(StandardCharsets.UTF_8)), deck);
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/import/apply']")));
            check("import report");
            submit("form[action='/import/apply']");
            browser.waitFor(d -> browser.path().startsWith("/decks/" + deck));
        });
        check("imported deck");
        visit("deck manage (change log, export)", "/decks/" + deck + "/manage");
        visit("new deck", "/decks/new");
        visit("editor", "/decks/" + deck + "/editor");
        visit("editor new flashcard", "/decks/" + deck + "/editor/new?type=flashcard");
        step("editor-error", () -> {
            browser.find("#f-texts-en-prompt").sendKeys("What does a **goroutine** cost?");
            browser.find("#save-button").click();
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("f-texts-en-answer-error")));
        });
        check("editor with an error");
        step("editor-preview", () -> {
            browser.find("#f-texts-en-answer").sendKeys("About 2 KiB of stack.");
            browser.waitFor(d -> browser.find("#preview").getAttribute("innerHTML").contains("2 KiB"));
        });
        check("editor with its preview");
        String question = "/decks/" + deck + "/questions/" + externalId(deck);
        visit("editor edit form", question + "/edit");
        visit("question revisions", question + "/revisions");
        visit("classes (instructor)", "/classes");
        String[] classPage = new String[2];
        step("class-with-invite", () -> {
            browser.find("#f-name").sendKeys("Walk " + lang);
            submit("form[action='/classes']");
            browser.waitFor(ExpectedConditions.urlContains("done=created"));
            classPage[0] = browser.path().substring(0, browser.path().indexOf('?'));
            submit("#invite-form");
            browser.waitFor(ExpectedConditions.urlContains("done=invited"));
            classPage[1] = URI.create(browser.find("code.invite-link").getText()).getPath();
            browser.find("#f-deck").sendKeys(QUIZ);
            browser.find("#f-limit").sendKeys("10");
            submit("#assign-form");
            browser.waitFor(ExpectedConditions.urlContains("done=assigned"));
        });
        ownWords.add("Walk " + lang);
        check("class page");
        check("class page at 390 px", PHONE);
        return classPage;
    }

    private void learnerPages(String learner, String[] classPage) {
        signIn(learner);
        visit("home (learner)", "/");
        visit("403", "/import");
        visit("join page", classPage[1]);
        step("join", () -> {
            browser.find("#join-button").click();
            browser.waitFor(ExpectedConditions.urlContains("done=joined"));
        });
        check("class page (learner)");
        visit("classes (learner)", "/classes");

        String deck = StudyFixtures.flashcardDeck(writer, learner, 2);
        ownWords.add("A fresh deck " + deck);
        visit("study: a question", "/study/" + deck);
        check("study: a question at 390 px", PHONE);
        step("reveal", () -> click("[data-action='reveal']"));
        check("study: the answer");
        check("study: the answer at 390 px", PHONE);
        step("grade-until-done", () -> {
            click("[data-rating='1']");
            check("study: after a grade");
            for (int i = 0; i < 8 && !"done".equals(studyState()); i++) {
                click("question".equals(studyState()) ? "[data-action='reveal']" : "[data-rating='4']");
            }
            assertEquals("done", studyState());
        });
        check("study: done");
        long user = StudyFixtures.userId(learner);
        StudyFixtures.execute("update card set state = 2, stability = 5, last_review = now() - interval '3 days', "
                + "due = now() + interval '2 days' where user_id = ?1", user);
        visit("study: done with review ahead", "/study/" + deck);
        step("review-ahead", () -> {
            new org.openqa.selenium.support.ui.Select(browser.find("#ahead-days")).selectByValue("3");
            browser.find("#review-ahead").click();
            browser.waitFor(d -> !browser.findAll("#extra-session").isEmpty());
        });
        check("study: review ahead");
        visit("study: custom session of today's failed", "/study/" + deck + "/custom?failed=true");

        quiz("stack-owner", () -> browser.findAll("label.choice").stream().filter(l -> l.getText().contains("JVM"))
                .findFirst().orElseThrow().findElement(By.cssSelector("input")).click());
        quiz("runtime-name", () -> browser.find("#typed").sendKeys("a green thread"));
        quiz("preemption", () -> browser.find("input[name=truth][value=false]").click());
        visit("study: an empty answer is not sent", "/study/" + QUIZ + "?question=" + questionId(QUIZ, "runtime-name"));
        step("empty-answer", () -> browser.find("[data-action='reveal']").click());
        check("study: an empty answer is not sent");

        visit("interview start", "/interviews/new?deck=" + DECK);
        step("interview-start", () -> {
            browser.find("#f-questions").clear();
            browser.find("#f-questions").sendKeys("2");
            submit("#start-form");
            browser.waitFor(d -> browser.path().matches("/interviews/\\d+.*"));
        });
        check("interview question");
        check("interview question at 390 px", PHONE);
        step("interview-answers", () -> {
            if (!browser.findAll("#answer-aloud").isEmpty()) {
                click("#answer-aloud");
                check("interview self-grading");
                click("#self-grade-submit");
            } else {
                click("#answer-skip");
            }
            click("#answer-skip");
        });
        check("interview result");
        visit("interview history", "/interviews");
        visit("stats", "/stats");
        check("stats at 390 px", PHONE);
        visit("settings", "/settings");
        step("settings-errors", () -> {
            browser.find("#f-desiredRetention").clear();
            browser.find("#f-desiredRetention").sendKeys("65");
            browser.find("#f-timeZone").clear();
            browser.find("#f-timeZone").sendKeys("Mars/Olympus");
            submit("form[action='/settings']");
            browser.waitFor(d -> !browser.findAll(".error").isEmpty());
        });
        check("settings errors");
        visit("account", "/account");
        step("stale-form", () -> {
            browser.script("document.querySelectorAll('input[name=\"csrf-token\"]').forEach(function (i) { i.value = 'expired'; });");
            submit("form[action='/account/password']");
        });
        check("an expired form (CSRF)");
    }

    private void instructorSees(String instructor, String classPage) {
        signIn(instructor);
        visit("class dashboard", classPage + "/dashboard");
        check("class dashboard at 390 px", PHONE);
    }

    private void adminPages(String admin) {
        signIn(admin);
        visit("admin users", "/admin/users");
        check("admin users at 390 px", PHONE);
    }

    private static String studyState() {
        return browser.find("[data-study]").getAttribute("data-state");
    }

    private void quiz(String question, Runnable answerWrongly) {
        visit("study: quiz " + question, "/study/" + QUIZ + "?question=" + questionId(QUIZ, question));
        step("quiz-" + question, () -> {
            answerWrongly.run();
            click("[data-action='reveal']");
        });
        check("study: quiz " + question + " answered wrongly");
    }

    /**
     * Runs a step of the walk; a step that fails is recorded with the other problems and the walk goes on, so that
     * one run lists everything.
     */
    private void step(String name, Runnable body) {
        try {
            browser.step(name, body);
        } catch (RuntimeException | AssertionError e) {
            problems.put("step " + name + " failed at " + browser.path(),
                    List.of(String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
    }

    private void signIn(String user) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/lang/" + lang + "?back=/login");
        browser.find("#f-username").sendKeys(user);
        browser.find("#f-password").sendKeys(PASSWORD);
        submit("form[action='/login']");
        browser.waitFor(d -> browser.path().equals("/"));
    }

    private void visit(String page, String path) {
        step(page.replaceAll("\\W+", "-"), () -> {
            if (browser.driver().manage().getCookieNamed("lang") == null) {
                browser.open("/lang/" + lang + "?back=" + path);
            } else {
                browser.open(path);
            }
        });
        check(page);
    }

    private void check(String page) {
        check(page, null);
    }

    /** Checks the page as it is now (at the given width, then back to the desktop); records what it finds. */
    @SuppressWarnings("unchecked")
    private void check(String page, Dimension size) {
        if (size != null) {
            browser.driver().manage().window().setSize(size);
        }
        browser.waitFor(d -> "complete".equals(browser.script("return document.readyState")));
        visited.add(page);
        String content = PageLanguage.CONTENT + ", [lang=" + PageLanguage.other(lang) + "]" + LANG_MARKED;
        List<List<String>> texts = (List<List<String>>) browser.script(COLLECT, content, UI_IN_CONTENT, TEXT_ATTRIBUTES);
        List<String> found = new ArrayList<>();
        for (List<String> t : texts) {
            String text = t.get(1);
            for (String own : ownWords) {
                text = text.replace(own, " ");
            }
            for (String word : PageLanguage.foreignWords(lang, text)) {
                String where = t.get(0).equals("text") ? t.get(2) : t.get(2) + " @" + t.get(0);
                found.add("\"" + word + "\" in \"" + abbreviate(t.get(1)) + "\" (" + where + ")");
            }
        }
        if (axe != null && size != null) { // on every page it would double the walk's time: the phone views only
            try {
                axe.assertNoSeriousViolations(browser, page + " (" + lang + ")");
            } catch (AssertionError e) {
                found.add("axe: " + e.getMessage().replace("\n", "\n      "));
            }
        }
        if (!found.isEmpty()) {
            problems.put(page + " (" + browser.path() + ")", found.stream().distinct().toList());
        }
        if (size != null) {
            browser.driver().manage().window().setSize(DESKTOP);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87) + "…";
    }

    private void click(String css) {
        browser.clickAndWaitForNewPage(css);
    }

    private void submit(String form) {
        browser.clickAndWaitForNewPage(form + " [type=submit]");
    }

    private void upload(Path file, String deck) {
        browser.find("#import-form input[type=file]").sendKeys(file.toAbsolutePath().toString());
        WebElement deckField = browser.find("#import-deck");
        deckField.clear();
        deckField.sendKeys(deck);
        browser.find("#import-form button[type=submit]").click();
    }

    private static Path fixture(String name, byte[] bytes) {
        try {
            Path file = Files.createTempDirectory("walk-").resolve(name);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String externalId(String deck) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (String) io.quarkus.hibernate.orm.panache
                .Panache.getEntityManager().createNativeQuery("select q.external_id from question q join deck d "
                        + "on d.id = q.deck_id where d.external_id = ?1 order by q.id limit 1")
                .setParameter(1, deck).getSingleResult());
    }

    private static long questionId(String deck, String externalId) {
        return StudyFixtures.number("select q.id from question q join deck d on d.id = q.deck_id where d.external_id = ?1 "
                + "and (q.external_id = ?2 or q.title = ?2) order by q.id limit 1", deck, externalId);
    }
}
