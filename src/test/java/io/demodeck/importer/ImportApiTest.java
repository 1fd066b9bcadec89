package io.demodeck.importer;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.demodeck.importer.Fixtures.bytes;
import static io.demodeck.importer.Fixtures.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ImportApiTest {

    @jakarta.inject.Inject
    AccountService accounts;

    /** Every API call of these tests is an instructor's, with a bearer token. */
    @org.junit.jupiter.api.BeforeEach
    void signInAsInstructor() {
        callTheApiAs("api" + java.util.UUID.randomUUID().toString().substring(0, 8), Role.INSTRUCTOR);
    }

    /** A new account with this role, whose bearer token every request of the test carries from now on. */
    private void callTheApiAs(String name, Role role) {
        accounts.create(name, "instructor-pass", role, "en");
        String token = given().contentType("application/json")
                .body(java.util.Map.of("username", name, "password", "instructor-pass"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
        io.restassured.RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + token).build();
    }

    private static void publish(String deck) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                io.demodeck.deck.Deck.update("visibility = 'public' where externalId = ?1", deck));
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        io.restassured.RestAssured.requestSpecification = null;
    }

    @Test
    void aDryRunIsTheDefaultAndReturnsTheReport() {
        int id = given().multiPart("file", "all-types.gift", bytes("gift/all-types.gift"))
                .multiPart("deck", "api-dry").multiPart("language", "en")
                .when().post("/api/v1/imports")
                .then().statusCode(200).contentType("application/json")
                .body("dryRun", equalTo(true)).body("outcome", equalTo("previewed"))
                .body("format", equalTo("gift")).body("counts.created", equalTo(13))
                .body("countsByType.numerical", equalTo(3))
                .extract().path("importId");
        given().get("/api/v1/imports/" + id).then().statusCode(200)
                .body("fileName", equalTo("all-types.gift")).body("dryRun", equalTo(true))
                .body("fileSha256", notNullValue()).body("report.counts.created", equalTo(13));
        given().get("/decks/api-dry").then().statusCode(404);
    }

    @Test
    void applyThenEveryExportReadsBackIntoAnEmptyDeck() {
        given().multiPart("file", "notes.txt", bytes("anki/notes.txt")).multiPart("dryRun", "false")
                .multiPart("deck", "api-anki").multiPart("language", "en")
                .when().post("/api/v1/imports")
                .then().statusCode(200).body("outcome", equalTo("applied")).body("counts.created", equalTo(4)) // the cloze note is one question
                .body("counts.skipped", equalTo(1)).body("problems.line", hasItem(13));
        for (String format : new String[] {"json", "anki-csv", "gift", "moodle-xml"}) {
            Response export = given().queryParam("format", format).get("/api/v1/decks/api-anki/export");
            export.then().statusCode(200).header("Content-Disposition", startsWith("attachment; filename=\"api-anki."));
            String target = "api-anki-from-" + format;
            given().multiPart("file", "export", export.asByteArray()).multiPart("format", format)
                    .multiPart("dryRun", "false").multiPart("deck", target).multiPart("language", "en")
                    .when().post("/api/v1/imports")
                    .then().statusCode(200).body("counts.created", equalTo(4));
            String original = given().queryParam("format", "anki-csv").get("/api/v1/decks/api-anki/export").asString();
            String copy = given().queryParam("format", "anki-csv").get("/api/v1/decks/" + target + "/export").asString();
            // GIFT and Moodle XML have no flashcards: they come back as essays
            if (!format.equals("gift") && !format.equals("moodle-xml")) {
                assertEquals(original.replaceAll("(?m)^#deck:.*$", ""), copy.replaceAll("(?m)^#deck:.*$", ""), format);
            }
        }
    }

    @Test
    void markdownExportOfAnImportedBankDeckImportsBack() {
        given().multiPart("file", "bank-deck.md", bytes("markdown/bank-deck.md")).multiPart("dryRun", "false")
                .multiPart("deck", "api-md").when().post("/api/v1/imports").then().statusCode(200)
                .body("counts.created", equalTo(9));
        Response md = given().queryParam("format", "markdown").get("/api/v1/decks/api-md/export");
        md.then().statusCode(200).header("X-Export-Warnings", "0").contentType(containsString("text/markdown"));
        given().multiPart("file", "api-md.md", md.asByteArray()).multiPart("dryRun", "false").multiPart("deck", "api-md-copy")
                .when().post("/api/v1/imports").then().statusCode(200).body("counts.created", equalTo(9));
        String a = given().queryParam("format", "json").get("/api/v1/decks/api-md/export").asString();
        String b = given().queryParam("format", "json").get("/api/v1/decks/api-md-copy/export").asString();
        assertEquals(a.replace("\"api-md\"", "X"), b.replace("\"api-md-copy\"", "X"));
    }

    @Test
    void aDeeplyNestedJsonImportGetsTheReadLimitsProblem() {
        // the service's mapper is the application's, with its nesting bound kept for files
        String deep = "{\"format\": \"demodeck-deck\", \"extra\": " + "[".repeat(100) + "]".repeat(100) + "}";
        given().multiPart("file", "deep.json", utf8(deep)).when().post("/api/v1/imports")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].message", containsString("nested too deeply"));
    }

    @Test
    void badInputIsProblemJsonNever500() {
        given().multiPart("format", "gift").when().post("/api/v1/imports")
                .then().statusCode(400).contentType("application/problem+json");
        given().multiPart("file", "x.gift", utf8("Q?{T}")).multiPart("format", "pdf").when().post("/api/v1/imports")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        given().multiPart("file", "x.gift", utf8("Q?{T}")).multiPart("dryRun", "maybe").when().post("/api/v1/imports")
                .then().statusCode(422).body("errors[0].field", equalTo("dryRun"));
        given().multiPart("file", "x.gift", utf8("Q?{T}")).multiPart("keepHistory", "maybe").when().post("/api/v1/imports")
                .then().statusCode(422).body("errors[0].field", equalTo("keepHistory"));
        given().multiPart("file", "x.gift", utf8("Q?{T}")).multiPart("deck", "Not A Deck!").when().post("/api/v1/imports")
                .then().statusCode(422).body("errors[0].field", equalTo("deck"));
        given().multiPart("file", "x.gift", utf8("Q?{T}")).multiPart("language", "de").when().post("/api/v1/imports")
                .then().statusCode(422).body("errors[0].field", equalTo("language"));
        given().multiPart("file", "empty.gift", new byte[0]).when().post("/api/v1/imports")
                .then().statusCode(422).contentType("application/problem+json");
        given().multiPart("file", "bomb.xml", bytes("moodle/billion-laughs.xml")).when().post("/api/v1/imports")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://demodeck.dev/problems/import-rejected"))
                .body("errors[0].message", containsString("DOCTYPE"));
        given().multiPart("file", "broken.apkg", new byte[] {'P', 'K', 3, 4, 1, 2, 3}).multiPart("dryRun", "false")
                .when().post("/api/v1/imports").then().statusCode(422).contentType("application/problem+json");
        given().multiPart("file", "win.txt", "Вопрос\tответ".getBytes(java.nio.charset.Charset.forName("windows-1251")))
                .when().post("/api/v1/imports").then().statusCode(422).body("errors[0].message", containsString("UTF-8"));
        given().get("/api/v1/imports/999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/decks/no-such-deck/export").then().statusCode(404).contentType("application/problem+json");
        given().multiPart("file", "x.gift", utf8("Q?{T}")).multiPart("dryRun", "false").multiPart("deck", "api-fmt")
                .post("/api/v1/imports").then().statusCode(200);
        given().queryParam("format", "docx").get("/api/v1/decks/api-fmt/export").then().statusCode(422);
    }

    @Test
    void aFileOverTheLimitIs413() {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        given().multiPart("file", "big.txt", big).when().post("/api/v1/imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 20 MB"));
    }

    /** Over quarkus.http.limits.max-body-size (24 MB in the tests too). */
    private static final byte[] OVER_HTTP_LIMIT = new byte[25 * 1024 * 1024];
    private static final String BOUNDARY = "demodeck-test-boundary";

    /**
     * A multipart body sent as one byte array, so it goes with a Content-Length (REST Assured's own multipart
     * parts go chunked).
     */
    private static byte[] withLength(byte[] file) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.apkg\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"));
        out.writeBytes(file);
        out.writeBytes(utf8("\r\n--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    @Test
    void aBodyOverTheHttpLimitGetsAProblemNamingBothLimits() {
        given().contentType("multipart/form-data; boundary=" + BOUNDARY).body(withLength(OVER_HTTP_LIMIT))
                .when().post("/api/v1/imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://demodeck.dev/problems/payload-too-large"))
                .body("detail", containsString("(25.0 MB)")).body("detail", containsString("at most 24 MB per request"))
                .body("detail", containsString("at most 20 MB"));
        // chunked: no Content-Length, so the limit is only met while the body arrives
        given().multiPart("file", "big.apkg", new java.io.ByteArrayInputStream(OVER_HTTP_LIMIT)).when().post("/api/v1/imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://demodeck.dev/problems/payload-too-large"))
                .body("detail", containsString("at most 24 MB per request")).body("detail", containsString("at most 20 MB"));
        given().multiPart("file", "x.gift", utf8("Q?{T}")).when().post("/api/v1/imports").then().statusCode(200);
    }

    @Test
    void theUploadPageShowsTheErrorPageForABodyOverTheHttpLimit() {
        Browser instructor = new Browser();
        String name = "big" + System.nanoTime() % 1_000_000;
        accounts.create(name, "teach-me-please", Role.INSTRUCTOR, "en");
        instructor.signIn(name, "teach-me-please");
        instructor.open("/import").then().statusCode(200).body(containsString("data-max-bytes=\"20971520\""));
        // with a length the size is refused before the form (and its CSRF token) is read; chunked, while it arrives
        for (var upload : List.of(instructor.request().contentType("multipart/form-data; boundary=" + BOUNDARY)
                        .body(withLength(OVER_HTTP_LIMIT)),
                instructor.multipart().multiPart("file", "big.apkg", new java.io.ByteArrayInputStream(OVER_HTTP_LIMIT)))) {
            upload.header("Accept-Language", "en").when().post("/import/preview")
                    .then().statusCode(413).contentType(containsString("text/html"))
                    .body(containsString("Payload Too Large")).body(containsString("The upload is too large"))
                    .body(containsString("at most 24 MB per request")).body(containsString("at most 20 MB"))
                    .body(containsString("href=\"/import\""));
        }
    }

    @Test
    void anAdminsImportIntoABankDeckIsRefusedLikeTheEditorsWriteThroughTheApiAndThePages() {
        String bank = "goroutines-threads-processes";
        String name = "adm" + java.util.UUID.randomUUID().toString().substring(0, 8);
        callTheApiAs(name, Role.ADMIN);
        long before = bankQuestions(bank);

        for (String dryRun : List.of("true", "false")) {
            given().multiPart("file", "mine.gift", utf8("::Mine:: Admin's own question?{T}")).multiPart("deck", bank)
                    .multiPart("dryRun", dryRun).when().post("/api/v1/imports").then().statusCode(409)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", org.hamcrest.Matchers.endsWith("/bank-deck"))
                    .body("detail", containsString("the deck '" + bank + "' is a question bank deck: its questions come "
                            + "from its file in the questions/ folder, which is loaded again at every start"))
                    .body("errors[0].field", equalTo("deck"));
        }
        given().header("Accept-Language", "ru").multiPart("file", "mine.gift", utf8("Q?{T}")).multiPart("deck", bank)
                .multiPart("dryRun", "false").when().post("/api/v1/imports").then().statusCode(409)
                .body("detail", containsString("колода «" + bank + "» — из банка вопросов: её вопросы берутся из файла "
                        + "в папке questions/"));
        assertEquals(before, bankQuestions(bank), "nothing was written into the bank deck");

        Browser admin = new Browser();
        admin.signIn(name, "instructor-pass");
        admin.request().get("/lang/en?back=/import");
        admin.open("/import");
        admin.multipart().multiPart("file", "mine.gift", utf8("Q?{T}")).multiPart("format", "detect")
                .multiPart("deck", bank).when().post("/import/preview").then().statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("is a question bank deck: its questions come from its file in the questions/ folder"))
                .body(org.hamcrest.Matchers.not(containsString("name=\"token\"")));
        admin.request().get("/lang/ru?back=/import");
        admin.open("/import");
        admin.multipart().multiPart("file", "mine.gift", utf8("Q?{T}")).multiPart("format", "detect")
                .multiPart("deck", bank).when().post("/import/preview").then().statusCode(409)
                .body(containsString("— из банка вопросов: её вопросы берутся из файла в папке questions/"));
        assertEquals(before, bankQuestions(bank));
    }

    private static long bankQuestions(String deck) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> io.demodeck.bank.Question.count(
                "deckId = (select id from Deck where externalId = ?1)", deck));
    }

    @Test
    void theBrowserFlowPreviewsThenImportsAndRedirectsToTheDeck() {
        Browser instructor = new Browser();
        String name = "teacher" + System.nanoTime() % 1_000_000;
        accounts.create(name, "teach-me-please", Role.INSTRUCTOR, "en");
        instructor.signIn(name, "teach-me-please");
        instructor.open("/import").then().statusCode(200).body(containsString("enctype=\"multipart/form-data\""))
                .body(containsString("<progress"));
        String page = instructor.multipart().multiPart("file", "broken.gift", bytes("gift/broken.gift"))
                .multiPart("format", "detect").multiPart("deck", "web-import").multiPart("language", "en")
                .when().post("/import/preview").then().statusCode(200).contentType(containsString("text/html"))
                // a visitor who chose no language reads Russian pages, the problems included
                .body(containsString("блок ответов «{» не закрыт")).extract().asString();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([0-9a-f]{64})\"").matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(token.find(), page);
        instructor.submit("/import/apply", "token", token.group(1), "format", "gift", "deck", "web-import", "language", "en")
                .then().statusCode(303).header("Location", containsString("/decks/web-import"));
        // the new deck is private to its uploader
        given().get("/decks/web-import").then().statusCode(404);
        instructor.request().get("/decks/web-import").then().statusCode(200).body(containsString("Fine question?"));
        instructor.submit("/import/apply", "token", "0".repeat(64), "deck", "web-import").then().statusCode(410);
    }

    @Test
    void anAnkiPackagesHistoryIsPreviewedThenCarriedOverThroughTheApiAndThePages() throws Exception {
        byte[] pkg = io.demodeck.importer.anki.ApkgFixtures.modern(io.demodeck.importer.anki.ApkgFixtures.NOTES,
                io.demodeck.importer.anki.ApkgFixtures.REVLOG);
        given().multiPart("file", "spanish.apkg", pkg).multiPart("deck", "api-history").multiPart("keepHistory", "false")
                .multiPart("dryRun", "false").when().post("/api/v1/imports").then().statusCode(200)
                .body("history", org.hamcrest.Matchers.nullValue());
        given().multiPart("file", "spanish.apkg", pkg).multiPart("deck", "api-history").when().post("/api/v1/imports")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("history.carriedOver", equalTo(9))
                .body("history.skippedManual", equalTo(2)).body("history.skippedUnmapped", equalTo(2))
                .body("history.carriedOverByDeck.'Spanish::Verbs'", equalTo(9));
        given().multiPart("file", "spanish.apkg", pkg).multiPart("deck", "api-history").multiPart("dryRun", "false")
                .when().post("/api/v1/imports").then().statusCode(200).body("history.carriedOver", equalTo(9));

        Browser instructor = new Browser();
        String name = "hist" + System.nanoTime() % 1_000_000;
        accounts.create(name, "teach-me-please", Role.INSTRUCTOR, "en");
        instructor.signIn(name, "teach-me-please");
        instructor.open("/import").then().statusCode(200).body(containsString("name=\"keepHistory\""));
        String page = instructor.multipart().multiPart("file", "spanish.apkg", pkg).multiPart("deck", "web-history")
                .multiPart("keepHistory", "true").header("Accept-Language", "en").when().post("/import/preview")
                .then().statusCode(200).body(containsString("Review history"))
                .body(containsString("Answers to carry over</th><td>9</td>"))
                .body(containsString("Left out: manual rescheduling</th><td>2</td>")).extract().asString();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([0-9a-f]{64})\"").matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(token.find(), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("name=\"keepHistory\" value=\"true\""), page);
        instructor.submit("/import/apply", "token", token.group(1), "format", "apkg", "deck", "web-history",
                "keepHistory", "true").then().statusCode(303);
        // another instructor cannot import into the deck the page created: it is refused, naming its owner
        given().multiPart("file", "spanish.apkg", pkg).multiPart("deck", "web-history").when().post("/api/v1/imports")
                .then().statusCode(409).body("detail", containsString(name));
        org.junit.jupiter.api.Assertions.assertEquals(9L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery(
                        "select count(*) from review_log r join app_user u on u.id = r.user_id where u.username = ?1 "
                                + "and r.origin = 'import'").setParameter(1, name).getSingleResult()).longValue()),
                "the page's import carried the history over to the instructor who confirmed it");
    }

    @Test
    void onlyInstructorsSeeTheImportPages() {
        given().redirects().follow(false).get("/import").then().statusCode(303).header("Location", containsString("/login"));
        Browser learner = new Browser();
        learner.registerAndSignIn("learner" + System.nanoTime() % 1_000_000, "just-a-learner");
        learner.open("/import").then().statusCode(403);
        learner.open("/").then().body(org.hamcrest.Matchers.not(containsString("href=\"/import\"")));
    }

    @Test
    void theJsonExportCarriesTheMediaAndRestoresThemInAnotherDeck() throws Exception {
        given().multiPart("file", "spanish.apkg", io.demodeck.importer.anki.ApkgFixtures.legacy(io.demodeck.importer.anki.ApkgFixtures.NOTES))
                .multiPart("dryRun", "false").multiPart("deck", "api-media-src").multiPart("language", "en")
                .when().post("/api/v1/imports").then().statusCode(200).body("mediaFiles", equalTo(1));
        byte[] json = given().queryParam("format", "json").get("/api/v1/decks/api-media-src/export")
                .then().statusCode(200).header("X-Export-Warnings", "0").extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertTrue(new String(json, java.nio.charset.StandardCharsets.UTF_8).contains(
                "\"data\" : \"" + java.util.Base64.getEncoder().encodeToString(io.demodeck.importer.anki.ApkgFixtures.JPEG) + "\""));

        given().multiPart("file", "api-media-src.json", json).multiPart("dryRun", "false").multiPart("deck", "api-media-copy")
                .when().post("/api/v1/imports").then().statusCode(200).body("mediaFiles", equalTo(1))
                .body("counts.created", equalTo(4));
        publish("api-media-copy"); // an imported deck is private; its files are served as its pages are
        byte[] served = given().get("/decks/api-media-copy/media/foo.jpg").then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(io.demodeck.importer.anki.ApkgFixtures.JPEG, served);
        String copy = given().queryParam("format", "json").get("/api/v1/decks/api-media-copy/export").asString();
        org.junit.jupiter.api.Assertions.assertTrue(copy.contains("](/decks/api-media-copy/media/foo.jpg)"), copy);
        org.junit.jupiter.api.Assertions.assertFalse(copy.contains("api-media-src"), "the links follow the copy");

        // flashcards fit Anki text whole: the warnings are the file it cannot carry, whose link it keeps, and the
        // cloze note's question, which becomes a Cloze note again
        given().queryParam("format", "anki-csv").get("/api/v1/decks/api-media-copy/export").then().statusCode(200)
                .header("X-Export-Warnings", "2").body(containsString("/decks/api-media-copy/media/foo.jpg"));
    }

    @Test
    void storedMediaIsServedSafely() {
        given().multiPart("file", "quiz.xml", bytes("moodle/all-types.xml")).multiPart("dryRun", "false")
                .multiPart("deck", "api-media").when().post("/api/v1/imports").then().statusCode(200);
        String json = given().queryParam("format", "json").get("/api/v1/decks/api-media/export").asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/decks/api-media/media/([^)\"]+)").matcher(json);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), json);
        publish("api-media");
        given().get("/decks/api-media/media/" + m.group(1)).then().statusCode(200).contentType("image/png")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theQuestionsApiShowsTitlesAndOnlyFullCreditChoicesAsRight() {
        given().multiPart("file", "fidelity.gift", bytes("gift/fidelity.gift")).multiPart("deck", "api-fidelity")
                .multiPart("language", "en").multiPart("dryRun", "false")
                .post("/api/v1/imports").then().statusCode(200);
        Response page = given().get("/api/v1/decks/api-fidelity/questions");
        page.then().statusCode(200);
        List<Boolean> right = page.path("items.find { it.title == 'Partial credit' }.choices.right");
        List<Float> credit = page.path("items.find { it.title == 'Partial credit' }.choices.credit");
        assertEquals(List.of(true, false, false), right, page.asString());
        assertEquals(List.of(1.0f, 0.5f, 0.0f), credit);
        assertEquals("Q5", page.path("items[0].title"));
        String html = given().get("/api/v1/decks/api-fidelity/questions").path("items.find { it.title == 'Hash choice' }.choices[0].html");
        assertEquals("#", html, "an escaped \\# is a character, not a heading");
    }

    @Test
    void theAnkiCsvExportIsSpreadsheetSafeUnlessTurnedOff() {
        given().multiPart("file", "sheet.txt", utf8("=1+1\tformula\n")).multiPart("format", "quizlet")
                .multiPart("deck", "api-sheet").multiPart("dryRun", "false").post("/api/v1/imports").then().statusCode(200);
        String safe = given().queryParam("format", "anki-csv").get("/api/v1/decks/api-sheet/export").asString();
        String raw = given().queryParam("format", "anki-csv").queryParam("spreadsheetSafe", "false")
                .get("/api/v1/decks/api-sheet/export").asString();
        assertTrue(safe.contains("\t'=1+1\t"), safe);
        assertTrue(raw.contains("\t=1+1\t"), raw);
        given().queryParam("format", "anki-csv").queryParam("spreadsheetSafe", "maybe")
                .get("/api/v1/decks/api-sheet/export").then().statusCode(422);
    }
}
