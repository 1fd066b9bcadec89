package io.demodeck.importer;

import io.demodeck.platform.DemodeckConfig;
import io.demodeck.testsupport.Slow;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.demodeck.account.AccountService;
import io.demodeck.account.Role;
import io.demodeck.importer.fuzz.FuzzCorpus;
import io.demodeck.importer.fuzz.ReportChecks;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.review.LogReplay;
import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input: mutations of valid files of every format go through the service path of an upload. Each must end
 * in a report (or the service's own refusal of an empty file) whose errors say where, within a time budget; an
 * applied import must store exactly what its report counts and a rejected one nothing, the uploader's carried-over
 * review history (Anki packages) included, whose cards must each be the replay of their log; over HTTP, never a 5xx.
 * Sizes per format: {@code -Dfuzz.iterations} previews (default 1,000), {@code -Dfuzz.apply-iterations} (100),
 * {@code -Dfuzz.http-iterations} (20; an upload costs some 50-250 ms here, a preview a few); the default run takes
 * about 90 s on a shared 2-core machine. {@code -Dfuzz.seed} and {@code -Dfuzz.case=format:iteration} rerun one
 * case. bench/fuzz-import.sh runs it with 10,000 previews per format and writes bench/results/fuzz-import.md.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class ImportFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
    private static final int PREVIEWS = Integer.getInteger("fuzz.iterations", 1000);
    private static final int APPLIES = Integer.getInteger("fuzz.apply-iterations", 100);
    private static final int UPLOADS = Integer.getInteger("fuzz.http-iterations", 20);
    private static final long BUDGET_MS = Long.getLong("fuzz.budget-ms", 5000);
    private static final String ONLY = System.getProperty("fuzz.case", "");
    /** Failures listed in one assertion message; the count says how many there were. */
    private static final int LISTED = 25;
    private static final Pattern RECORD = Pattern.compile("import record (\\d+)");
    private static final Pattern QUESTION = Pattern.compile("question (\\d+)");

    @Inject
    ImportService imports;

    @Inject
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DemodeckConfig schedulerConfig;

    private FuzzCorpus corpus;
    /** Who uploads on the service path: an Anki package's history becomes this account's answers. */
    private long uploader;
    private ExecutorService runner;
    private final Map<ImportFormat, Stats> stats = new EnumMap<>(ImportFormat.class);

    /** What came of one phase for one format. */
    static final class Stats {
        int previews;
        int accepted;
        int rejected;
        int refused;
        int applied;
        int applyRejected;
        int uploads;
        long previewNanos;
        long applyNanos;
        long uploadNanos;
        long slowestNanos;
        String slowest = "";
        int failures;
    }

    @BeforeAll
    void setUp() {
        corpus = new FuzzCorpus();
        runner = newRunner();
        uploader = accounts.create("fuzz-uploader-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "instructor-pass", Role.INSTRUCTOR, "en").id();
    }

    @AfterAll
    void writeSummary() throws IOException {
        runner.shutdownNow();
        Path out = Path.of(System.getProperty("fuzz.summary", "target/fuzz-import/summary.tsv"));
        Files.createDirectories(out.getParent());
        StringBuilder sb = new StringBuilder("format\tseed\tpreviews\taccepted\trejected\trefused\tpreview_ms\tapplies"
                + "\tapplied\tapply_rejected\tapply_ms\tuploads\tupload_ms\tslowest_ms\tslowest\tfailures\n");
        stats.forEach((f, s) -> sb.append(String.join("\t", f.id(), String.valueOf(SEED), String.valueOf(s.previews),
                String.valueOf(s.accepted), String.valueOf(s.rejected), String.valueOf(s.refused),
                String.valueOf(s.previewNanos / 1_000_000), String.valueOf(s.applied + s.applyRejected),
                String.valueOf(s.applied), String.valueOf(s.applyRejected), String.valueOf(s.applyNanos / 1_000_000),
                String.valueOf(s.uploads), String.valueOf(s.uploadNanos / 1_000_000),
                String.valueOf(s.slowestNanos / 1_000_000), s.slowest, String.valueOf(s.failures))).append('\n'));
        Files.writeString(out, sb.toString());
    }

    // ---- preview: the dry run every upload starts with ---------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void everyMutatedFileIsPreviewedOrRejectedWithItsPlace(ImportFormat format) {
        Stats s = stats(format);
        List<String> failures = new ArrayList<>();
        for (int i : iterations(format, PREVIEWS)) {
            FuzzCorpus.Case c = corpus.generate(format, SEED, i);
            long start = System.nanoTime();
            Outcome o = withinBudget(c, () -> imports.preview(request(c, c.options())));
            long took = System.nanoTime() - start;
            s.previews++;
            s.previewNanos += took;
            if (took > s.slowestNanos) {
                s.slowestNanos = took;
                s.slowest = c.reproduce() + ": " + c.mutation();
            }
            if (o.report() != null) {
                if (o.report().rejected()) {
                    s.rejected++;
                } else {
                    s.accepted++;
                }
            } else if (o.failure() == null) {
                s.refused++;
            }
            if (fail(c, o, failures) && o.hung()) {
                break;
            }
        }
        s.failures += failures.size();
        assertNoFailures(format, "preview", failures);
    }

    // ---- apply: all or nothing -----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void anAppliedImportStoresWhatItsReportCountsAndARejectedOneNothing(ImportFormat format) {
        Stats s = stats(format);
        List<String> failures = new ArrayList<>();
        for (int i : iterations(format, APPLIES)) {
            FuzzCorpus.Case c = corpus.generate(format, SEED, i);
            String deck = "fz-" + format.id() + "-" + i;
            Rows before = rows(deck);
            long start = System.nanoTime();
            Outcome o = withinBudget(c, () -> imports.apply(request(c, c.options().withDeck(deck))));
            s.applyNanos += System.nanoTime() - start;
            if (fail(c, o, failures)) {
                if (o.hung()) {
                    break;
                }
                continue;
            }
            Rows after = rows(deck);
            String wrong;
            if (o.report() == null) {
                wrong = after.equals(before) ? null : "refused, yet rows changed: " + before + " -> " + after;
            } else if (o.report().rejected()) {
                s.applyRejected++;
                wrong = after.equals(before.plusRecord()) ? null
                        : "rejected, yet rows changed beyond its audit record: " + before + " -> " + after;
            } else {
                s.applied++;
                wrong = appliedRows(o.report(), before, after);
            }
            if (wrong != null) {
                failures.add(c.reproduce() + " [" + c.mutation() + "]: " + wrong);
            }
        }
        failures.addAll(cardsThatAreNoReplayOfTheirLog());
        s.failures += failures.size();
        assertNoFailures(format, "apply", failures);
    }

    /** The uploader's cards, each of which must stand where the replay of its log leads, named by deck. */
    private List<String> cardsThatAreNoReplayOfTheirLog() {
        LogReplay.Report replay;
        try (Connection c = dataSource.getConnection()) {
            replay = LogReplay.check(c, List.of(uploader), LogReplay.Order.REVIEW_TIME, schedulerConfig.scheduler().fuzz());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return replay.mismatches().stream().map(m -> {
            Matcher q = QUESTION.matcher(m);
            return (q.find() ? "deck " + deckOf(Long.parseLong(q.group(1))) + ": " : "") + "history: " + m;
        }).toList();
    }

    private String deckOf(long questionId) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "select d.external_id from question q join deck d on d.id = q.deck_id where q.id = ?1")
                .setParameter(1, questionId).getSingleResult()));
    }

    private static String appliedRows(ImportReport report, Rows before, Rows after) {
        ImportReport.Counts c = report.counts();
        if (!"applied".equals(report.outcome()) || c.created() != report.questions() || c.updated() + c.unchanged() != 0) {
            return "a new deck must be created whole: " + report.outcome() + " " + c;
        }
        long deckTexts = after.deckTexts() - before.deckTexts();
        boolean whole = after.decks() == before.decks() + 1 && deckTexts >= 1 && deckTexts <= 2
                && after.deckQuestions() == c.created() && after.questions() - before.questions() == c.created()
                && after.deckQuestionTexts() >= c.created() && after.texts() - before.texts() == after.deckQuestionTexts()
                && after.options() - before.options() == after.deckOptions()
                && after.deckMedia() == report.mediaFiles() && after.media() - before.media() == report.mediaFiles()
                && after.records() == before.records() + 1;
        if (!whole) {
            return "applied " + c + " with " + report.mediaFiles() + " media, but rows went " + before + " -> " + after;
        }
        // the history: one log row per answer carried over, on cards of this deck made for them (a new deck has none)
        int carried = report.history() == null ? 0 : report.history().carriedOver();
        boolean history = after.reviewLogs() - before.reviewLogs() == carried && after.deckReviewLogs() == carried
                && after.cards() - before.cards() == after.deckCards() && after.deckCards() == after.deckCardsWithLog()
                && after.deckCards() <= carried && (carried == 0) == (after.deckCards() == 0);
        if (!history) {
            return "applied with " + carried + " answers carried over, but rows went " + before + " -> " + after;
        }
        return null;
    }

    /**
     * Row counts of every table an import writes, and of the target deck alone: the deck, its questions and media,
     * the audit record, and the cards and review log rows of a carried-over history.
     */
    record Rows(long decks, long deckTexts, long questions, long texts, long options, long media, long records,
                long cards, long reviewLogs, long deckQuestions, long deckQuestionTexts, long deckOptions,
                long deckMedia, long deckCards, long deckReviewLogs, long deckCardsWithLog) {

        Rows plusRecord() {
            return new Rows(decks, deckTexts, questions, texts, options, media, records + 1, cards, reviewLogs,
                    deckQuestions, deckQuestionTexts, deckOptions, deckMedia, deckCards, deckReviewLogs, deckCardsWithLog);
        }
    }

    private Rows rows(String deck) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] r = (Object[]) em.createNativeQuery("select (select count(*) from deck), (select count(*) from deck_text), "
                            + "(select count(*) from question), (select count(*) from question_text), "
                            + "(select count(*) from question_option), (select count(*) from media), "
                            + "(select count(*) from import_record), (select count(*) from card), "
                            + "(select count(*) from review_log), "
                            + "(select count(*) from question q join deck d on d.id = q.deck_id where d.external_id = ?1), "
                            + "(select count(*) from question_text t join question q on q.id = t.question_id "
                            + "  join deck d on d.id = q.deck_id where d.external_id = ?1), "
                            + "(select count(*) from question_option o join question q on q.id = o.question_id "
                            + "  join deck d on d.id = q.deck_id where d.external_id = ?1), "
                            + "(select count(*) from media m join deck d on d.id = m.deck_id where d.external_id = ?1), "
                            + "(select count(*) from card c join deck d on d.id = c.deck_id where d.external_id = ?1), "
                            + "(select count(*) from review_log r join card c on c.id = r.card_id "
                            + "  join deck d on d.id = c.deck_id where d.external_id = ?1), "
                            + "(select count(distinct r.card_id) from review_log r join card c on c.id = r.card_id "
                            + "  join deck d on d.id = c.deck_id where d.external_id = ?1)")
                    .setParameter(1, deck).getSingleResult();
            long[] v = new long[r.length];
            for (int i = 0; i < r.length; i++) {
                v[i] = ((Number) r[i]).longValue();
            }
            return new Rows(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
                    v[14], v[15]);
        });
    }

    // ---- HTTP: what a client sees --------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void uploadsOverHttpNeverAnswer5xxAndNameThePlace(ImportFormat format) {
        String token = instructorToken();
        Stats s = stats(format);
        List<String> failures = new ArrayList<>();
        for (int i : iterations(format, UPLOADS)) {
            FuzzCorpus.Case c = corpus.generate(format, SEED, i);
            boolean dryRun = i % 3 != 0;
            ImportOptions o = dryRun ? c.options() : c.options().withDeck("fz-http-" + format.id() + "-" + i);
            long start = System.nanoTime();
            Outcome outcome = withinBudget(c, () -> upload(token, c, o, dryRun));
            s.uploadNanos += System.nanoTime() - start;
            s.uploads++;
            if (fail(c, outcome, failures) && outcome.hung()) {
                break;
            }
        }
        s.failures += failures.size();
        assertNoFailures(format, "HTTP", failures);
    }

    /** One upload; the report it answers with, or the report of the audit record its 422 names. */
    private ImportReport upload(String token, FuzzCorpus.Case c, ImportOptions o, boolean dryRun) {
        var request = given().header("Authorization", "Bearer " + token)
                .multiPart("file", c.fileName(), c.data()).multiPart("format", c.format().id())
                .multiPart("dryRun", String.valueOf(dryRun));
        if (o.deck() != null) {
            request.multiPart("deck", o.deck());
        }
        if (o.termSeparator() != null) {
            request.multiPart("termSeparator", o.termSeparator()).multiPart("rowSeparator", o.rowSeparator());
        }
        if (o.keepHistory() != null) {
            request.multiPart("keepHistory", String.valueOf(o.keepHistory()));
        }
        Response r = request.post("/api/v1/imports");
        String type = r.contentType() == null ? "" : r.contentType();
        if (r.statusCode() == 200) {
            try {
                return json.readValue(r.asByteArray(), ImportReport.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (r.statusCode() != 422 || !type.startsWith("application/problem+json")) {
            throw new AssertionError("HTTP " + r.statusCode() + " " + type + ": " + abbreviate(r.asString()));
        }
        List<Map<String, String>> errors = r.jsonPath().getList("errors");
        if (errors == null || errors.isEmpty()) {
            throw new AssertionError("a 422 without errors: " + abbreviate(r.asString()));
        }
        if (r.jsonPath().getString("type").endsWith("/validation")) {
            // the service's own refusal: only an empty file gets it from these inputs
            if (c.data().length != 0 || errors.stream().anyMatch(e -> !"file".equals(e.get("field")))) {
                throw new AssertionError("a validation error for a non-empty file: " + abbreviate(r.asString()));
            }
            throw new ClientFacingException(422, "validation", "refused", "empty file");
        }
        Matcher m = RECORD.matcher(r.jsonPath().getString("detail"));
        if (!m.find()) {
            throw new AssertionError("a rejection without its import record: " + abbreviate(r.asString()));
        }
        ImportRecord record = imports.findRecord(Long.parseLong(m.group(1))).orElseThrow();
        ImportReport report = imports.readReport(record);
        List<String> located = report.problems().stream().filter(ImportProblem::isError).limit(50)
                .map(p -> (p.line() > 0 ? "line " + p.line() + ": " : p.ref() != null ? p.ref() + ": " : "") + p.message())
                .toList();
        List<String> shown = errors.stream().map(e -> e.get("message")).toList();
        if (!shown.equals(located)) {
            throw new AssertionError("the 422 lists " + shown + " but its record has " + located);
        }
        return report;
    }

    private String instructorToken() {
        String name = "fuzz" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "instructor-pass", Role.INSTRUCTOR, "en");
        return given().contentType("application/json").body(Map.of("username", name, "password", "instructor-pass"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    // ---- running one case -----------------------------------------------------------------------------------

    /** A report, the service's refusal of bad input (report null, failure null), or what went wrong. */
    record Outcome(ImportReport report, String failure, boolean hung) {
    }

    private Outcome withinBudget(FuzzCorpus.Case c, Supplier<ImportReport> action) {
        Future<ImportReport> f = runner.submit(action::get);
        try {
            ImportReport report = f.get(BUDGET_MS, TimeUnit.MILLISECONDS);
            List<String> wrong = ReportChecks.violations(report, c.format(), c.data(), c.options().keepsHistory());
            return new Outcome(report, wrong.isEmpty() ? null : String.join("; ", wrong), false);
        } catch (TimeoutException e) {
            // the stuck thread is abandoned (it is a daemon); later inputs get a fresh one
            f.cancel(true);
            runner.shutdownNow();
            runner = newRunner();
            return new Outcome(null, "no answer within " + BUDGET_MS + " ms", true);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof ClientFacingException api && api.status() == 422 && c.data().length == 0) {
                return new Outcome(null, null, false);
            }
            if (t instanceof ClientFacingException api && api.status() == 409 && "deck-owned-by-another".equals(api.kind())) {
                return new Outcome(null, null, false); // a deck id another test's deck already holds: refused, nothing written
            }
            return new Outcome(null, "threw " + t + stackTop(t), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ImportRequest request(FuzzCorpus.Case c, ImportOptions options) {
        return new ImportRequest(c.data(), c.fileName(), c.format().id(), options, uploader);
    }

    /** Adds the case to the failures when it failed; true then. */
    private static boolean fail(FuzzCorpus.Case c, Outcome o, List<String> failures) {
        if (o.failure() == null) {
            return false;
        }
        failures.add(c.reproduce() + " [" + abbreviate(c.mutation()) + "]: " + o.failure());
        return true;
    }

    private static void assertNoFailures(ImportFormat format, String phase, List<String> failures) {
        assertTrue(failures.isEmpty(), () -> failures.size() + " " + phase + " failures for " + format.id()
                + ":\n  " + String.join("\n  ", failures.subList(0, Math.min(LISTED, failures.size()))));
    }

    private static List<Integer> iterations(ImportFormat format, int count) {
        if (!ONLY.isEmpty()) {
            String[] parts = ONLY.split(":");
            return parts[0].equals(format.id()) ? List.of(Integer.parseInt(parts[1])) : List.of();
        }
        List<Integer> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        return all;
    }

    private synchronized Stats stats(ImportFormat format) {
        return stats.computeIfAbsent(format, f -> new Stats());
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    private static String stackTop(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length == 0 ? "" : " at " + st[0];
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
