package io.demodeck.platform;

import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.account.SessionAuthentication;
import io.demodeck.account.User;
import io.demodeck.api.ApiClient;
import io.demodeck.demo.DemoService;
import io.demodeck.demo.RunGate;
import io.demodeck.importer.Fixtures;
import io.demodeck.testsupport.Browser;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the app to {@code platform/access-matrix.txt}: the matrix names every endpoint the app really serves
 * (found here by reflection and from the router, not from a hand-kept list), and each principal issue 14 names
 * (anonymous, learner, class member, another instructor, co-editor, deck owner, admin) gets exactly the access it
 * allows, with real requests on a class deck of the owner's and the owner's class.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final String MATRIX = "/platform/access-matrix.txt";
    private static final List<String> COLUMNS = List.of("anonymous", "learner", "member", "instructor-other", "coeditor",
            "owner", "admin");
    /** The role of each signed-in principal's account; what sets them apart beyond it is the sample data. */
    private static final Map<String, Role> ROLES = Map.of("learner", Role.LEARNER, "member", Role.LEARNER,
            "instructor-other", Role.INSTRUCTOR, "coeditor", Role.INSTRUCTOR, "owner", Role.INSTRUCTOR, "admin", Role.ADMIN);
    private static final Set<String> OUTCOMES = Set.of("allow", "401", "login", "403", "404", "409");
    /** {bankdeck}: the public bank deck, the system's. */
    private static final String DECK = "goroutines-threads-processes";
    private static final String DEMO = "thread-anatomy";
    private static final String PROBLEM = "application/problem+json";
    private static final String PASSWORD = ApiClient.PASSWORD;
    /** Top-level routes that are not endpoints: REST dispatch and the filters in front of /api. */
    private static final Set<String> ROUTE_FILTERS = Set.of(
            "/", "/*", // Quarkus REST: the JAX-RS methods, discovered by reflection below
            "/api/*"   // ApiCookieGuard and ApiAuthFailures
    );

    @Inject
    AccountService accounts;

    @Inject
    DemoService demos;

    @Inject
    Router router;

    @TestHTTPResource("/")
    URL base;

    private List<Row> matrix;
    private Map<String, Principal> principals;
    private String spareLearner;
    /** The account admins change in the rows that set roles and disable. */
    private long targetId;
    /** {deck}: the owner's deck, co-edited by coeditor, assigned to {class} (so its visibility is "class"). */
    private String sampleDeck;
    /** {question} and {questionId}: a question of {deck}; quizQuestionId a short-answer one of it. */
    private long questionId;
    private long quizQuestionId;
    private String questionExternalId;
    /** {import}: the owner's import that made {deck}. */
    private long importId;
    private String mediaName;
    /** {class}: the owner's class, {deck} assigned, member joined. */
    private long classId;
    private String inviteCode;
    private long spareInviteId;
    /** The rows that join use a spare class of the owner's, so that nobody else becomes a member of {class}. */
    private String spareInviteCode;

    /** One line of the matrix: the expected outcome per principal column. */
    record Row(int line, String method, String path, Map<String, String> outcomes) {
        String key() {
            return method + " " + path;
        }

        /** The endpoint the row calls: placeholders name sample data ({deck}, {bankdeck}), the app's names differ. */
        String endpoint() {
            return endpointOf(key());
        }

        boolean api() {
            return path.startsWith("/api/");
        }
    }

    /** Who sends a request: a browser (signed in or not) for pages, a bearer token (or none) for /api. */
    record Principal(String username, Browser browser, String credentialCookie, Supplier<RequestSpecification> api) {

        static Principal anonymous() {
            return new Principal(null, new Browser(), null, () -> given().redirects().follow(false));
        }

        static Principal signedIn(String username) {
            Browser browser = new Browser();
            Response login = browser.signIn(username, PASSWORD);
            assertEquals(303, login.statusCode(), "sign-in of " + username);
            assertEquals("/", URI.create(login.header("Location")).getPath(), "sign-in of " + username);
            String token = ApiClient.signIn(username).accessToken();
            return new Principal(username, browser, login.getCookie(SessionAuthentication.COOKIE),
                    () -> given().redirects().follow(false).header("Authorization", "Bearer " + token));
        }

        /** The same principal calling /api with its browser session instead of a token. */
        Principal withSessionOnApi() {
            return new Principal(username, browser, credentialCookie, browser::request);
        }
    }

    @FunctionalInterface
    interface Call {
        Response send(Principal who);
    }

    /** Once per class (REST Assured knows the test port only once a test runs, hence not @BeforeAll). */
    @BeforeEach
    void setUpOnce() {
        if (matrix != null) {
            return;
        }
        matrix = readMatrix();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        principals = new LinkedHashMap<>();
        principals.put("anonymous", Principal.anonymous());
        for (String column : COLUMNS.subList(1, COLUMNS.size())) {
            String name = "am-" + column + "-" + suffix;
            accounts.create(name, PASSWORD, ROLES.get(column), "en");
            principals.put(column, Principal.signedIn(name));
        }
        // the account an anonymous visitor signs in with where a row takes credentials
        spareLearner = "am-spare-" + suffix;
        accounts.create(spareLearner, PASSWORD, Role.LEARNER, "en");
        targetId = accounts.create("am-target-" + suffix, PASSWORD, Role.LEARNER, "en").id();

        // {deck}: the owner imports it (with a media file), names the co-editor
        Principal owner = principals.get("owner");
        sampleDeck = "am-deck-" + suffix;
        importId = owner.api().get().multiPart("file", "quiz.xml", Fixtures.bytes("moodle/all-types.xml"))
                .multiPart("dryRun", "false").multiPart("deck", sampleDeck)
                .post("/api/v1/imports").then().statusCode(200).extract().jsonPath().getLong("importId");
        String export = owner.api().get().get("/api/v1/decks/" + sampleDeck + "/export?format=json").asString();
        Matcher media = Pattern.compile("/decks/" + sampleDeck + "/media/([^)\"]+)").matcher(export);
        assertTrue(media.find(), "the imported deck has a media file: " + export);
        mediaName = media.group(1);
        var questions = owner.api().get().get("/api/v1/decks/" + sampleDeck + "/questions?limit=100&lang=en")
                .then().statusCode(200).extract().jsonPath();
        questionId = questions.getLong("items[0].id");
        questionExternalId = questions.getString("items[0].externalId");
        quizQuestionId = questions.getLong("items.find { it.type.toLowerCase() == 'short_answer' }.id");
        owner.api().get().put("/api/v1/decks/" + sampleDeck + "/editors/" + principals.get("coeditor").username())
                .then().statusCode(200);

        // {class}: the owner's, with an invite; {deck} assigned (it becomes a class deck); the member joins
        classId = owner.api().get().contentType(ContentType.JSON).body(Map.of("name", "am-class"))
                .post("/api/v1/classes").then().statusCode(201).extract().jsonPath().getLong("id");
        inviteCode = owner.api().get().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/classes/" + classId + "/invites").then().statusCode(201).extract().jsonPath().getString("code");
        spareInviteId = owner.api().get().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/classes/" + classId + "/invites").then().statusCode(201).extract().jsonPath().getLong("id");
        owner.api().get().contentType(ContentType.JSON).body("{}")
                .put("/api/v1/classes/" + classId + "/decks/" + sampleDeck).then().statusCode(200);
        join(principals.get("member"));
        long spareClassId = owner.api().get().contentType(ContentType.JSON).body(Map.of("name", "am-spare"))
                .post("/api/v1/classes").then().statusCode(201).extract().jsonPath().getLong("id");
        spareInviteCode = owner.api().get().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/classes/" + spareClassId + "/invites").then().statusCode(201).extract().jsonPath().getString("code");

        // whoever sees {deck} answers {questionId} once, so that GET /api/v1/cards/{questionId} has a card to show
        for (String column : List.of("member", "coeditor", "owner", "admin")) {
            principals.get(column).api().get().contentType(ContentType.JSON).body(review())
                    .post("/api/v1/reviews").then().statusCode(200).body("results[0].status", org.hamcrest.Matchers.not("REJECTED"));
        }
    }

    @Test
    void theMatrixListsExactlyTheEndpointsTheAppServes() throws IOException {
        Set<String> served = new TreeSet<>();
        served.addAll(jaxRsEndpoints());
        collectRoutes(router, "", served);
        served.addAll(staticFiles());
        Set<String> listed = new TreeSet<>();
        matrix.forEach(r -> assertTrue(listed.add(r.key()), "line " + r.line() + ": " + r.key() + " is listed twice"));
        Set<String> endpoints = served.stream().map(AccessMatrixTest::endpointOf).collect(Collectors.toCollection(TreeSet::new));
        Set<String> listedEndpoints = matrix.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(endpoints);
        missing.removeAll(listedEndpoints);
        Set<String> stale = new TreeSet<>(listedEndpoints);
        stale.removeAll(endpoints);
        assertTrue(missing.isEmpty() && stale.isEmpty(), "served but not in " + MATRIX + ": " + missing
                + "; in " + MATRIX + " but not served: " + stale);
        Set<String> withoutSample = new TreeSet<>(listed);
        withoutSample.removeAll(calls().keySet());
        assertEquals(Set.of(), withoutSample, "rows without a sample request in AccessMatrixTest.calls()");
    }

    @Test
    void everyPrincipalGetsExactlyTheAccessTheMatrixAllows() {
        Map<String, Call> calls = calls();
        List<String> failures = new ArrayList<>();
        StringBuilder seen = new StringBuilder(String.format("%n  %-72s", "")).append(COLUMNS.stream()
                .map(c -> String.format(" %-16s", c)).collect(Collectors.joining()));
        // every demo run is refused as busy (every slot taken, no waiting), so no child JVM starts; 429 comes after
        // authorization
        try (RunGate.Permit busy = demos.gate().occupyAll()) {
            for (Row row : matrix) {
                seen.append(String.format("%n  %-72s", row.key()));
                long started = System.nanoTime();
                Call call = calls.get(row.key());
                if (call == null) {
                    failures.add(row.key() + ": no sample request in calls()");
                    continue;
                }
                for (String column : COLUMNS) {
                    Response response = call.send(principals.get(column));
                    seen.append(String.format(" %-16s", response.statusCode()));
                    String problem = check(row, row.outcomes().get(column), response);
                    if (problem != null) {
                        failures.add(row.key() + " as " + column + ": " + problem);
                    }
                }
                seen.append(String.format(" %5d ms", (System.nanoTime() - started) / 1_000_000));
            }
        }
        Log.infof("access matrix, status per principal:%s", seen);
        assertEquals(List.of(), failures);
    }

    @Test
    void aBrowserSessionNeverOpensTheApi() throws Exception {
        Map<String, Call> calls = calls();
        List<String> failures = new ArrayList<>();
        for (Row row : matrix) {
            String anonymous = row.outcomes().get("anonymous");
            if (!row.api() || anonymous.equals("allow") || !calls.containsKey(row.key())) {
                continue;
            }
            for (String column : COLUMNS.subList(1, COLUMNS.size())) {
                Response response = calls.get(row.key()).send(principals.get(column).withSessionOnApi());
                String problem = check(row, anonymous, response);
                if (problem != null) {
                    failures.add(row.key() + " with the " + column + "'s session cookie: " + problem);
                }
            }
        }
        assertEquals(List.of(), failures);

        // spellings of the same API path must not slip past the cookie guard either
        String cookie = SessionAuthentication.COOKIE + "=" + principals.get("admin").credentialCookie();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : List.of("/api/v1/me/settings", "//api/v1/me/settings", "/api//v1/me/settings",
                "/%61pi/v1/me/settings", "/api/v1/me/%73ettings", "/x/../api/v1/me/settings", "/./api/v1/me/settings",
                "/api/v1/me/settings/", "/api;x=1/v1/me/settings", "/API/v1/me/settings",
                "/api/v1/imports/" + importId, "/%61pi/v1/imports/" + importId)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(origin() + path))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() == 401 || response.statusCode() == 404,
                    path + " with a session cookie answered " + response.statusCode() + ": " + response.body());
        }
    }

    // --- outcomes -------------------------------------------------------------------------------------

    /** Null when the response is the outcome the matrix names, else what is wrong with it. */
    private static String check(Row row, String expected, Response r) {
        int status = r.statusCode();
        String summary = status + " " + (r.header("Location") != null ? "-> " + r.header("Location") : "")
                + " " + abbreviate(r.asString());
        if (status >= 500) {
            return "server error " + summary;
        }
        URI location = (status == 302 || status == 303) && r.header("Location") != null
                ? URI.create(r.header("Location")) : null;
        boolean toLogin = location != null && "/login".equals(location.getPath()) && location.getQuery() == null;
        boolean failedSignIn = location != null && "/login".equals(location.getPath())
                && "error=true".equals(location.getQuery());
        return switch (expected) {
            case "allow" -> status == 401 || status == 403 || toLogin || failedSignIn
                    ? "denied, but the matrix allows it: " + summary
                    : status == 404 || status == 405 ? "the sample request did not reach the endpoint: " + summary
                    : null;
            case "401" -> status == 401 && String.valueOf(r.contentType()).startsWith(PROBLEM)
                    && r.header("WWW-Authenticate") != null ? null
                    : "expected 401 problem+json with WWW-Authenticate, got " + summary;
            case "login" -> toLogin ? null : "expected a redirect to /login, got " + summary;
            case "403" -> status == 403 && String.valueOf(r.contentType()).startsWith(row.api() ? PROBLEM : "text/html")
                    ? null : "expected 403, got " + summary;
            case "404" -> status == 404 && String.valueOf(r.contentType()).startsWith(row.api() ? PROBLEM : "text/html")
                    ? null : "expected 404 (as if there were no such deck), got " + summary;
            case "409" -> status == 409 ? null : "expected 409, got " + summary;
            default -> throw new IllegalStateException(expected);
        };
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    // --- sample requests, one per row -----------------------------------------------------------------

    private Map<String, Call> calls() {
        Map<String, Call> c = new LinkedHashMap<>();
        String deck = "/decks/" + sampleDeck;
        c.put("GET /", who -> page(who, "/"));
        c.put("GET /decks/{bankdeck}", who -> page(who, "/decks/" + DECK));
        c.put("GET /decks/{deck}", who -> page(who, deck));
        c.put("GET /decks/{deck}/questions/{question}", who -> page(who, deck + "/questions/" + questionExternalId));
        c.put("GET /decks/{deck}/media/{name}", who -> page(who, deck + "/media/" + mediaName));
        c.put("GET /demos", who -> page(who, "/demos"));
        c.put("GET /demos/{id}", who -> page(who, "/demos/" + DEMO));
        c.put("GET /demos/queue", who -> page(who, "/demos/queue"));
        c.put("POST /demos/{id}/runs", who -> form(who, "/demos/" + DEMO + "/runs", "preset", "small"));
        c.put("GET /lang/{code}", who -> page(who, "/lang/en?back=/demos"));

        c.put("GET /login", who -> page(who, "/login"));
        // a separate browser: signing in again must not disturb the principal's own session
        c.put("POST /login", who -> new Browser().signIn(login(who), PASSWORD));
        c.put("GET /register", who -> page(who, "/register"));
        // a separate browser: registering signs the new account in, which must not replace the principal's session
        c.put("POST /register", who -> {
            Browser session = new Browser();
            if (who.username() != null) {
                session.signIn(who.username(), PASSWORD);
            }
            session.open("/register");
            return session.submit("/register", "username", "am-new-" + UUID.randomUUID().toString().substring(0, 8),
                    "password", PASSWORD, "password_confirm", PASSWORD, "language", "en");
        });
        c.put("POST /logout", who -> {
            Browser session = new Browser(); // signing out must not end the principal's own session
            if (who.username() != null) {
                session.signIn(who.username(), PASSWORD);
            }
            session.open("/register");
            return session.submit("/logout");
        });

        c.put("GET /account", who -> page(who, "/account"));
        // a wrong current password: refused with 422 after the role check, and nothing changes
        c.put("POST /account/password", who -> form(who, "/account/password", "current_password", "not-the-password",
                "new_password", "a-new-password-1", "new_password_confirm", "a-new-password-1"));
        c.put("POST /account/sessions/{id}/end", who -> form(who, "/account/sessions/0/end"));
        // ends every other session and token: done by a fresh account of the same role, not the principal itself
        c.put("POST /account/sessions/end-others", who -> form(disposable(who), "/account/sessions/end-others"));
        c.put("POST /account/apps/{id}/end", who -> form(who, "/account/apps/" + UUID.randomUUID() + "/end"));

        c.put("GET /admin/users", who -> page(who, "/admin/users?q=am-"));
        c.put("POST /admin/users/{id}/role", who -> form(who, "/admin/users/" + targetId + "/role", "role", "learner"));
        c.put("POST /admin/users/{id}/disable", who -> form(who, "/admin/users/" + targetId + "/disable"));
        c.put("POST /admin/users/{id}/enable", who -> form(who, "/admin/users/" + targetId + "/enable"));
        c.put("GET /api/v1/admin/users", who -> who.api().get().get("/api/v1/admin/users?q=am-"));
        c.put("PUT /api/v1/admin/users/{id}/role", who -> json(who, Map.of("role", "learner"))
                .put("/api/v1/admin/users/" + targetId + "/role"));
        c.put("POST /api/v1/admin/users/{id}/disable", who -> who.api().get().post("/api/v1/admin/users/" + targetId + "/disable"));
        c.put("POST /api/v1/admin/users/{id}/enable", who -> who.api().get().post("/api/v1/admin/users/" + targetId + "/enable"));
        c.put("GET /api/v1/admin/users/changes", who -> who.api().get().get("/api/v1/admin/users/changes"));

        String study = "/study/" + sampleDeck;
        c.put("GET /study/{bankdeck}", who -> page(who, "/study/" + DECK));
        c.put("GET /study/{deck}", who -> page(who, study));
        c.put("POST /study/{deck}/answer", who -> form(who, study + "/answer", "question", questionId,
                "rid", UUID.randomUUID().toString()));
        c.put("POST /api/v1/questions/{questionId}/check", who -> json(who, Map.of("text", "clone"))
                .post("/api/v1/questions/" + quizQuestionId + "/check"));
        c.put("POST /study/{deck}/grade", who -> form(who, study + "/grade", "question", questionId,
                "rating", 3, "rid", UUID.randomUUID().toString()));
        c.put("POST /study/{deck}/undo", who -> form(who, study + "/undo"));
        c.put("POST /study/{deck}/more-new", who -> form(who, study + "/more-new", "count", 1));
        c.put("GET /study/{deck}/ahead", who -> page(who, study + "/ahead?days=3&since=0"));
        c.put("GET /study/{deck}/custom", who -> page(who, study + "/custom?failed=true&since=0"));
        c.put("GET /settings", who -> page(who, "/settings"));
        c.put("POST /settings", who -> form(who, "/settings", "language", "en", "desiredRetention", "0.9",
                "newCardsPerDay", "20", "timeZone", "UTC", "dayRolloverHour", "4"));
        c.put("GET /stats", who -> page(who, "/stats"));
        c.put("POST /settings/parameters/optimize", who -> form(who, "/settings/parameters/optimize"));
        c.put("GET /settings/parameters/{id}", who -> page(who, "/settings/parameters/" + fitPageOf(who)));
        c.put("GET /settings/parameters/{id}/progress", who -> page(who, "/settings/parameters/" + fitPageOf(who) + "/progress"));
        c.put("POST /settings/parameters/{id}/apply", who -> form(who, "/settings/parameters/" + fitPageOf(who) + "/apply"));
        c.put("POST /settings/parameters/{id}/keep", who -> form(who, "/settings/parameters/" + fitPageOf(who) + "/keep"));
        c.put("POST /settings/parameters/restore", who -> form(who, "/settings/parameters/restore"));

        c.put("GET /import", who -> page(who, "/import"));
        // a preview into {deck}: its editors only (another instructor learns whose deck it is: 409)
        c.put("POST /import/preview", who -> {
            who.browser().open("/register");
            return who.browser().multipart().multiPart("file", "all-types.gift", Fixtures.bytes("gift/all-types.gift"))
                    .multiPart("format", "detect").multiPart("deck", sampleDeck).post("/import/preview");
        });
        // an unknown upload token: an instructor gets 410 (gone), which is past the role check
        c.put("POST /import/apply", who -> form(who, "/import/apply", "token", "0".repeat(64), "deck", "access-matrix"));

        c.put("POST /api/v1/auth/register", who -> json(who, Map.of("username", "am-api-" + UUID.randomUUID().toString()
                .substring(0, 8), "password", PASSWORD, "language", "en")).post("/api/v1/auth/register"));
        c.put("POST /api/v1/auth/token", who -> json(who, Map.of("username", login(who), "password", PASSWORD))
                .post("/api/v1/auth/token"));
        c.put("POST /api/v1/auth/refresh", who -> json(who, Map.of("refreshToken", freshRefreshToken(login(who))))
                .post("/api/v1/auth/refresh"));
        c.put("POST /api/v1/auth/logout", who -> json(who, Map.of("refreshToken", freshRefreshToken(login(who))))
                .post("/api/v1/auth/logout"));

        c.put("GET /api/v1/demos", who -> who.api().get().get("/api/v1/demos"));
        c.put("GET /api/v1/demos/queue", who -> who.api().get().get("/api/v1/demos/queue"));
        c.put("POST /api/v1/demos/{id}/runs", who -> json(who, Map.of("preset", "small")).post("/api/v1/demos/" + DEMO + "/runs"));

        c.put("GET /api/v1/decks", who -> who.api().get().get("/api/v1/decks"));
        c.put("GET /api/v1/decks/{bankdeck}/questions", who -> who.api().get().get("/api/v1/decks/" + DECK + "/questions?limit=1"));
        c.put("GET /api/v1/decks/{deck}/questions", who -> who.api().get().get("/api/v1/decks/" + sampleDeck + "/questions?limit=1"));
        c.put("GET /api/v1/study/queue", who -> who.api().get().get("/api/v1/study/queue?deck=" + sampleDeck + "&limit=1"));
        c.put("POST /api/v1/reviews", who -> json(who, review()).post("/api/v1/reviews"));
        c.put("GET /api/v1/cards/changes", who -> who.api().get().get("/api/v1/cards/changes"));
        c.put("GET /api/v1/cards/{questionId}", who -> who.api().get().get("/api/v1/cards/" + questionId));
        c.put("GET /api/v1/me/settings", who -> who.api().get().get("/api/v1/me/settings"));
        c.put("PUT /api/v1/me/settings", who -> json(who, """
                {"desiredRetention":0.9,"newCardsPerDay":20,"timeZone":"UTC","dayRolloverHour":4,
                 "learningStepsSeconds":[60,600],"relearningStepsSeconds":[600],"maximumIntervalDays":36500,
                 "fsrsParameters":null}""").put("/api/v1/me/settings"));
        c.put("GET /api/v1/me/stats", who -> who.api().get().get("/api/v1/me/stats"));
        c.put("GET /api/v1/me/reviews.csv", who -> who.api().get().get("/api/v1/me/reviews.csv"));
        c.put("GET /api/v1/me/parameters", who -> who.api().get().get("/api/v1/me/parameters"));
        c.put("POST /api/v1/me/parameters/optimize", who -> who.api().get().post("/api/v1/me/parameters/optimize"));
        c.put("GET /api/v1/me/parameters/optimize/{id}", who -> who.api().get().get(
                "/api/v1/me/parameters/optimize/" + fitOf(who)));
        // a fit of the principal's own (409 when it is not done or not better: past the role check)
        c.put("POST /api/v1/me/parameters/optimize/{id}/apply", who -> who.api().get().post(
                "/api/v1/me/parameters/optimize/" + fitOf(who) + "/apply"));
        c.put("POST /api/v1/me/parameters/optimize/{id}/keep", who -> who.api().get().post(
                "/api/v1/me/parameters/optimize/" + fitOf(who) + "/keep"));
        c.put("POST /api/v1/me/parameters/restore", who -> who.api().get().post("/api/v1/me/parameters/restore"));

        // a dry run into {deck}: its editors only (another instructor learns whose deck it is: 409)
        c.put("POST /api/v1/imports", who -> who.api().get()
                .multiPart("file", "all-types.gift", Fixtures.bytes("gift/all-types.gift")).multiPart("deck", sampleDeck)
                .post("/api/v1/imports"));
        c.put("GET /api/v1/imports/{import}", who -> who.api().get().get("/api/v1/imports/" + importId));
        c.put("GET /api/v1/decks/{deck}/export", who -> who.api().get().get("/api/v1/decks/" + sampleDeck + "/export?format=json"));
        c.put("GET /api/v1/decks/{bankdeck}/export", who -> who.api().get().get("/api/v1/decks/" + DECK + "/export?format=json"));
        c.put("GET /api/v1/me/decks/{deck}/progress.apkg", who -> who.api().get().get("/api/v1/me/decks/" + sampleDeck + "/progress.apkg"));
        c.put("GET /decks/{deck}/progress.apkg", who -> page(who, deck + "/progress.apkg"));

        // classes: {class} is the owner's; assigning and removing use {bankdeck} so that {deck} stays assigned;
        // archive and restore take a throwaway class; a member who left joins again
        String cls = "/classes/" + classId;
        String api = "/api/v1/classes/" + classId;
        c.put("GET /classes", who -> page(who, "/classes"));
        c.put("POST /classes", who -> form(who, "/classes", "name", "am-created"));
        c.put("GET /classes/{class}", who -> page(who, cls));
        c.put("POST /classes/{class}", who -> form(who, cls, "name", "am-class"));
        c.put("POST /classes/{class}/archive", who -> form(who, "/classes/" + freshClass(who, false) + "/archive"));
        c.put("POST /classes/{class}/restore", who -> form(who, "/classes/" + freshClass(who, true) + "/restore"));
        c.put("POST /classes/{class}/invites", who -> form(who, cls + "/invites", "expiresInDays", "7"));
        c.put("POST /classes/{class}/invites/{invite}/revoke", who -> form(who, cls + "/invites/" + spareInviteId + "/revoke"));
        c.put("POST /classes/{class}/decks", who -> form(who, cls + "/decks", "deck", DECK, "newCardsPerDay", ""));
        c.put("POST /classes/{class}/decks/{bankdeck}/remove", who -> {
            form(who, cls + "/decks", "deck", DECK);
            return form(who, cls + "/decks/" + DECK + "/remove");
        });
        c.put("POST /classes/{class}/leave", who -> joinAgain(who, form(who, cls + "/leave")));
        c.put("GET /classes/{class}/dashboard", who -> page(who, cls + "/dashboard"));
        c.put("GET /classes/{class}/dashboard/learners.csv", who -> page(who, cls + "/dashboard/learners.csv"));
        c.put("GET /classes/{class}/dashboard/questions.csv", who -> page(who, cls + "/dashboard/questions.csv"));
        c.put("POST /classes/{class}/dashboard/refresh", who -> form(who, cls + "/dashboard/refresh"));
        c.put("GET /join/{code}", who -> page(who, "/join/" + inviteCode));
        c.put("POST /join/{code}", who -> form(who, "/join/" + spareInviteCode));
        c.put("GET /api/v1/classes", who -> who.api().get().get("/api/v1/classes"));
        c.put("POST /api/v1/classes", who -> json(who, Map.of("name", "am-api-created")).post("/api/v1/classes"));
        c.put("GET /api/v1/classes/{class}", who -> who.api().get().get(api));
        c.put("PUT /api/v1/classes/{class}", who -> json(who, Map.of("name", "am-class")).put(api));
        c.put("POST /api/v1/classes/{class}/archive", who -> who.api().get().post("/api/v1/classes/" + freshClass(who, false) + "/archive"));
        c.put("POST /api/v1/classes/{class}/restore", who -> who.api().get().post("/api/v1/classes/" + freshClass(who, true) + "/restore"));
        c.put("POST /api/v1/classes/{class}/invites", who -> json(who, "{}").post(api + "/invites"));
        c.put("DELETE /api/v1/classes/{class}/invites/{invite}", who -> who.api().get().delete(api + "/invites/" + spareInviteId));
        c.put("PUT /api/v1/classes/{class}/decks/{bankdeck}", who -> json(who, "{}").put(api + "/decks/" + DECK));
        c.put("DELETE /api/v1/classes/{class}/decks/{bankdeck}", who -> {
            json(who, "{}").put(api + "/decks/" + DECK);
            return who.api().get().delete(api + "/decks/" + DECK);
        });
        c.put("POST /api/v1/classes/join", who -> json(who, Map.of("code", spareInviteCode)).post("/api/v1/classes/join"));
        c.put("DELETE /api/v1/classes/{class}/membership", who -> joinAgain(who, who.api().get().delete(api + "/membership")));
        c.put("GET /api/v1/classes/{class}/dashboard", who -> who.api().get().get(api + "/dashboard"));
        c.put("GET /api/v1/classes/{class}/dashboard/learners.csv", who -> who.api().get().get(api + "/dashboard/learners.csv"));
        c.put("GET /api/v1/classes/{class}/dashboard/questions.csv", who -> who.api().get().get(api + "/dashboard/questions.csv"));
        c.put("POST /api/v1/classes/{class}/dashboard/refresh", who -> who.api().get().post(api + "/dashboard/refresh"));

        // decklife: changes that would alter {deck} are refused after the access check (422); archive, restore,
        // delete and publish each take a throwaway deck
        c.put("GET /decks/new", who -> page(who, "/decks/new"));
        c.put("POST /decks/new", who -> form(who, "/decks/new", "id", "Not An Id!", "titleEn", "am"));
        c.put("GET /decks/{bankdeck}/manage", who -> page(who, "/decks/" + DECK + "/manage"));
        c.put("GET /decks/{deck}/manage", who -> page(who, deck + "/manage"));
        c.put("POST /decks/{deck}/manage/rename", who -> form(who, deck + "/manage/rename", "newId", "Not An Id!"));
        c.put("POST /decks/{deck}/manage/texts", who -> form(who, deck + "/manage/texts", "titleEn", "", "titleRu", ""));
        c.put("POST /decks/{deck}/manage/visibility", who -> form(who, "/decks/" + freshDeck(who) + "/manage/visibility",
                "visibility", "public"));
        c.put("POST /decks/{deck}/manage/editors", who -> form(who, deck + "/manage/editors", "username", "am-nobody-here"));
        c.put("POST /decks/{deck}/manage/editors/{username}/remove", who -> form(who, deck + "/manage/editors/am-nobody-here/remove"));
        c.put("POST /decks/{deck}/manage/owner", who -> form(who, deck + "/manage/owner", "username", "am-nobody-here"));
        c.put("POST /decks/{deck}/manage/archive", who -> form(who, "/decks/" + freshDeck(who) + "/manage/archive"));
        c.put("POST /decks/{deck}/manage/restore", who -> form(who, "/decks/" + freshDeck(who) + "/manage/restore"));
        c.put("POST /decks/{deck}/manage/delete", who -> form(who, "/decks/" + freshDeck(who) + "/manage/delete"));
        c.put("GET /decks/{deck}/purge", who -> page(who, deck + "/purge"));
        c.put("POST /decks/{deck}/purge", who -> form(who, deck + "/purge", "confirm", "not-the-id"));
        c.put("GET /decks/{deck}/export", who -> page(who, deck + "/export?format=markdown"));
        String lifecycle = "/api/v1/decks/" + sampleDeck;
        c.put("POST /api/v1/decks", who -> json(who, Map.of("id", "Not An Id!")).post("/api/v1/decks"));
        c.put("GET /api/v1/decks/{deck}/manage", who -> who.api().get().get(lifecycle + "/manage"));
        c.put("GET /api/v1/decks/{deck}/changes", who -> who.api().get().get(lifecycle + "/changes"));
        c.put("PUT /api/v1/decks/{deck}/id", who -> json(who, Map.of("newId", "Not An Id!")).put(lifecycle + "/id"));
        c.put("PUT /api/v1/decks/{deck}/texts", who -> json(who, Map.of("texts", Map.of())).put(lifecycle + "/texts"));
        c.put("PUT /api/v1/decks/{deck}/visibility", who -> json(who, Map.of("visibility", "public"))
                .put("/api/v1/decks/" + freshDeck(who) + "/visibility"));
        c.put("PUT /api/v1/decks/{deck}/editors/{username}", who -> who.api().get().put(lifecycle + "/editors/am-nobody-here"));
        c.put("DELETE /api/v1/decks/{deck}/editors/{username}", who -> who.api().get().delete(lifecycle + "/editors/am-nobody-here"));
        c.put("PUT /api/v1/decks/{deck}/owner/{username}", who -> who.api().get().put(lifecycle + "/owner/am-nobody-here"));
        c.put("POST /api/v1/decks/{deck}/archive", who -> who.api().get().post("/api/v1/decks/" + freshDeck(who) + "/archive"));
        c.put("POST /api/v1/decks/{deck}/restore", who -> who.api().get().post("/api/v1/decks/" + freshDeck(who) + "/restore"));
        c.put("DELETE /api/v1/decks/{deck}", who -> who.api().get().delete("/api/v1/decks/" + freshDeck(who)));
        c.put("POST /api/v1/decks/{deck}/purge", who -> json(who, Map.of("confirm", "not-the-id")).post(lifecycle + "/purge"));

        // editorweb: the question editor. Changes are sent without a version (stale: nothing is written) or as an
        // empty draft (422), so the rows reach the editor without changing the deck, except for moving.
        String edPage = deck + "/questions/" + questionExternalId;
        String edApi = "/api/v1/decks/" + sampleDeck + "/questions";
        c.put("GET /decks/{deck}/editor", who -> page(who, deck + "/editor"));
        c.put("GET /decks/{deck}/editor/new", who -> page(who, deck + "/editor/new?type=essay"));
        c.put("POST /decks/{deck}/editor/new", who -> form(who, deck + "/editor/new", "type", "essay"));
        c.put("POST /decks/{deck}/editor/preview", who -> form(who, deck + "/editor/preview",
                "type", "essay", "texts.en.prompt", "Why?"));
        c.put("GET /decks/{deck}/questions/{question}/edit", who -> page(who, edPage + "/edit"));
        c.put("POST /decks/{deck}/questions/{question}/edit", who -> form(who, edPage + "/edit", "type", "essay"));
        c.put("POST /decks/{deck}/questions/{question}/retire", who -> form(who, edPage + "/retire", "version", "old"));
        c.put("POST /decks/{deck}/questions/{question}/restore", who -> form(who, edPage + "/restore", "version", "old"));
        c.put("POST /decks/{deck}/questions/{question}/move", who -> form(who, edPage + "/move", "by", "1"));
        c.put("GET /decks/{deck}/questions/{question}/revisions", who -> page(who, edPage + "/revisions"));
        c.put("POST /decks/{deck}/questions/{question}/revisions/{number}/restore",
                who -> form(who, edPage + "/revisions/1/restore", "version", "old"));
        c.put("GET /api/v1/decks/{deck}/questions/{questionId}", who -> who.api().get().get(edApi + "/" + questionId));
        c.put("POST /api/v1/decks/{deck}/questions", who -> json(who, Map.of("type", "essay")).post(edApi));
        c.put("PUT /api/v1/decks/{deck}/questions/{questionId}", who -> json(who, Map.of("type", "essay")).put(edApi + "/" + questionId));
        c.put("DELETE /api/v1/decks/{deck}/questions/{questionId}", who -> who.api().get().delete(edApi + "/" + questionId));
        c.put("POST /api/v1/decks/{deck}/questions/{questionId}/restore", who -> who.api().get().post(edApi + "/" + questionId + "/restore"));
        c.put("POST /api/v1/decks/{deck}/questions/{questionId}/move", who -> json(who, Map.of("by", 1)).post(edApi + "/" + questionId + "/move"));
        c.put("GET /api/v1/decks/{deck}/questions/{questionId}/revisions", who -> who.api().get().get(edApi + "/" + questionId + "/revisions"));
        c.put("POST /api/v1/decks/{deck}/questions/{questionId}/revisions/{number}/restore",
                who -> who.api().get().post(edApi + "/" + questionId + "/revisions/1/restore"));

        // mock: mock interviews, each principal's own (a principal without a token gets a made-up id: refused first)
        c.put("GET /interviews", who -> page(who, "/interviews"));
        c.put("GET /interviews/new", who -> page(who, "/interviews/new?deck=" + DECK));
        c.put("POST /interviews", who -> form(who, "/interviews", "deck", DECK, "questions", 1, "seconds", 60));
        c.put("GET /interviews/{id}", who -> page(who, "/interviews/" + interviewOf(who)));
        c.put("POST /interviews/{id}/answer", who -> form(who, "/interviews/" + interviewOf(who) + "/answer",
                "position", 1, "skip", "true"));
        c.put("POST /interviews/{id}/finish", who -> form(who, "/interviews/" + interviewOf(who) + "/finish"));
        c.put("POST /interviews/{id}/queue", who -> form(who, "/interviews/" + interviewOf(who) + "/queue"));
        c.put("GET /api/v1/interviews", who -> who.api().get().get("/api/v1/interviews"));
        c.put("POST /api/v1/interviews", who -> json(who, Map.of("deck", DECK, "questions", 1, "secondsPerQuestion", 60))
                .post("/api/v1/interviews"));
        c.put("GET /api/v1/interviews/{id}", who -> who.api().get().get("/api/v1/interviews/" + interviewOf(who)));
        c.put("POST /api/v1/interviews/{id}/answers", who -> json(who, Map.of("position", 1, "skip", true))
                .post("/api/v1/interviews/" + interviewOf(who) + "/answers"));
        c.put("POST /api/v1/interviews/{id}/finish", who -> who.api().get().post("/api/v1/interviews/" + interviewOf(who) + "/finish"));
        c.put("POST /api/v1/interviews/{id}/missed-to-queue", who -> who.api().get()
                .post("/api/v1/interviews/" + interviewOf(who) + "/missed-to-queue"));
        c.put("GET /css/interview.css", who -> page(who, "/css/interview.css"));
        c.put("GET /js/interview-clock.js", who -> page(who, "/js/interview-clock.js"));

        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started",
                "/q/health/well", "/q/health/group", "/q/openapi", "/q/openapi.json", "/q/openapi.yaml",
                "/q/openapi.yml", "/q/metrics", "/q/swagger-ui", "/q/health-ui", "/css/app.css", "/js/demo-panel.js", "/js/import-form.js",
                "/js/study.js", "/js/quiz.js", "/js/fit-progress.js", "/js/editor-preview.js", "/js/settings.js")) {
            c.put("GET " + path, who -> page(who, path));
        }
        c.put("GET /q/health/group/*", who -> page(who, "/q/health/group/demodeck"));
        c.put("GET /q/swagger-ui/*", who -> page(who, "/q/swagger-ui/index.html"));
        c.put("GET /q/health-ui/*", who -> page(who, "/q/health-ui/index.html"));
        c.put("GET /q/metrics/*", who -> page(who, "/q/metrics/anything"));
        return c;
    }

    /** A mock interview of the principal's own (started here), or a made-up id for a principal without a token. */
    private static String interviewOf(Principal who) {
        Response started = json(who, Map.of("deck", DECK, "questions", 1, "secondsPerQuestion", 60)).post("/api/v1/interviews");
        return started.statusCode() == 201 ? started.jsonPath().getString("id") : "1";
    }

    /** A fit of the principal's own (started here), or a random id for a principal without a token. */
    private static String fitOf(Principal who) {
        Response started = who.api().get().post("/api/v1/me/parameters/optimize");
        return started.statusCode() == 202 ? started.jsonPath().getString("id") : UUID.randomUUID().toString();
    }

    /** A fit of the signed-in principal's own started from the settings page, or a random id when signed out. */
    private static String fitPageOf(Principal who) {
        Response started = form(who, "/settings/parameters/optimize");
        String location = started.header("Location");
        return location != null && location.contains("/settings/parameters/")
                ? location.substring(location.lastIndexOf('/') + 1) : UUID.randomUUID().toString();
    }

    private static Response page(Principal who, String path) {
        return who.browser().request().get(path);
    }

    /** A form post the way the browser sends it: from a page that carries the CSRF token. */
    private static Response form(Principal who, String path, Object... nameValues) {
        who.browser().open("/register");
        return who.browser().submit(path, nameValues);
    }

    private static RequestSpecification json(Principal who, Object body) {
        return who.api().get().contentType(ContentType.JSON).body(body);
    }

    /**
     * A throwaway deck set up as {deck} is (the owner's, co-edited by coeditor, assigned to {class}), for the rows
     * that archive, restore, delete or publish a deck. Anonymous requests are refused before they reach a deck: {deck}.
     */
    private String freshDeck(Principal who) {
        if (who.username() == null) {
            return sampleDeck;
        }
        String id = "am-life-" + UUID.randomUUID().toString().substring(0, 8);
        Principal owner = principals.get("owner");
        owner.api().get().contentType(ContentType.JSON)
                .body(Map.of("id", id, "texts", Map.of("en", Map.of("title", "Matrix deck"))))
                .post("/api/v1/decks").then().statusCode(201);
        owner.api().get().put("/api/v1/decks/" + id + "/editors/" + principals.get("coeditor").username())
                .then().statusCode(200);
        owner.api().get().contentType(ContentType.JSON).body("{}")
                .put("/api/v1/classes/" + classId + "/decks/" + id).then().statusCode(200);
        return id;
    }

    /**
     * A throwaway class of the owner's, archived or not, for the rows that archive or restore a class. Anonymous
     * requests are refused before they reach a class: {class}.
     */
    private long freshClass(Principal who, boolean archived) {
        if (who.username() == null) {
            return classId;
        }
        Principal owner = principals.get("owner");
        long id = owner.api().get().contentType(ContentType.JSON).body(Map.of("name", "am-throwaway"))
                .post("/api/v1/classes").then().statusCode(201).extract().jsonPath().getLong("id");
        if (archived) {
            owner.api().get().post("/api/v1/classes/" + id + "/archive").then().statusCode(200);
        }
        return id;
    }

    private void join(Principal who) {
        json(who, Map.of("code", inviteCode)).post("/api/v1/classes/join").then().statusCode(200);
    }

    /** After a row that leaves {class}: the member joins again, so that later rows still see a member. */
    private Response joinAgain(Principal who, Response response) {
        if (who == principals.get("member")) {
            join(who);
        }
        return response;
    }

    /** A new account with the principal's role, signed in, for rows whose request would end the principal's sessions. */
    private Principal disposable(Principal who) {
        if (who.username() == null) {
            return who;
        }
        Role role = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Role.highest(User.findByUsername(who.username()).orElseThrow().roles));
        String name = "am-d-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, PASSWORD, role, "en");
        return Principal.signedIn(name);
    }

    /** The account a row that takes credentials signs in with: the principal's own, or a spare one when anonymous. */
    private String login(Principal who) {
        return who.username() == null ? spareLearner : who.username();
    }

    private static String freshRefreshToken(String username) {
        return ApiClient.signIn(username).refreshToken();
    }

    private Map<String, Object> review() {
        return Map.of("reviews", List.of(Map.of("clientReviewId", UUID.randomUUID().toString(), "questionId", questionId,
                "rating", 3, "reviewedAt", Instant.now().toString(), "durationMs", 1000)));
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    // --- what the app serves --------------------------------------------------------------------------

    /** Every JAX-RS resource method of io.demodeck, from the compiled classes, as "METHOD /path/{param}". */
    private Set<String> jaxRsEndpoints() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        Set<String> endpoints = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/demodeck"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
                Path root = type.getAnnotation(Path.class);
                if (root == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (m.isBridge() || m.isSynthetic()) {
                        continue;
                    }
                    String verb = httpMethod(m);
                    Path sub = m.getAnnotation(Path.class);
                    if (verb == null) {
                        assertTrue(sub == null, name + "." + m.getName() + " is a sub-resource locator; list its endpoints");
                        continue;
                    }
                    endpoints.add(verb + " " + template(root.value() + "/" + (sub == null ? "" : sub.value())));
                }
            }
        }
        assertTrue(endpoints.size() > 20, "found only " + endpoints + " under " + classes.toAbsolutePath());
        return endpoints;
    }

    /** "GET /decks/{deck}/questions/{question}" → "GET /decks/{}/questions/{}": an endpoint whatever its placeholders' names. */
    static String endpointOf(String key) {
        return key.replaceAll("\\{[^}/]*}", "{}");
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            jakarta.ws.rs.HttpMethod verb = a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** "/" + "decks/{deck}" → "/decks/{deck}"; "{id: \\d+}" → "{id}"; no trailing slash. */
    private static String template(String path) {
        String p = ("/" + path).replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The Vert.x routes that are endpoints in their own right: the form login, everything under /q/. */
    private static void collectRoutes(Router router, String prefix, Set<String> into) {
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null) {
                continue; // a handler for every request (body, CORS, security, static files)
            }
            String path = prefix.isEmpty() ? route.getPath() : template(prefix + "/" + route.getPath());
            if (route.getSubRouter() != null) {
                collectRoutes(route.getSubRouter(), path, into);
                continue;
            }
            String exact = template(path);
            String template = route.isExactPath() ? exact : exact.equals("/") ? "/*" : exact + "/*";
            if (prefix.isEmpty() && ROUTE_FILTERS.contains(template)) {
                continue;
            }
            Set<HttpMethod> methods = route.methods();
            if (methods == null || methods.isEmpty()) {
                into.add("GET " + template);
            } else {
                methods.forEach(m -> into.add(m.name() + " " + template));
            }
        }
    }

    /** The files under META-INF/resources, served as they are. */
    private static Set<String> staticFiles() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes", "META-INF", "resources");
        Set<String> files = new TreeSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<java.nio.file.Path> all = Files.walk(root)) {
                all.filter(Files::isRegularFile).forEach(f -> files.add("GET /" + root.relativize(f).toString().replace('\\', '/')));
            }
        }
        return files;
    }

    // --- the matrix -----------------------------------------------------------------------------------

    private static List<Row> readMatrix() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream(MATRIX)) {
            if (in == null) {
                throw new AssertionError("no " + MATRIX);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split("\\s+");
                assertEquals(2 + COLUMNS.size(), cells.length, MATRIX + " line " + number + ": method, path and "
                        + COLUMNS + " expected: " + line);
                Map<String, String> outcomes = new LinkedHashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    String outcome = cells[2 + i];
                    assertTrue(OUTCOMES.contains(outcome), MATRIX + " line " + number + ": '" + outcome
                            + "' is not one of " + OUTCOMES);
                    boolean api = cells[1].startsWith("/api/");
                    assertTrue(!(api && outcome.equals("login")) && !(!api && outcome.equals("401")), MATRIX + " line "
                            + number + ": /api answers 401, pages redirect to /login");
                    outcomes.put(COLUMNS.get(i), outcome);
                }
                rows.add(new Row(number, cells[0], cells[1], outcomes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
