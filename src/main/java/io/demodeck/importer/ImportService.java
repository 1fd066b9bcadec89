package io.demodeck.importer;

import io.demodeck.deck.DeckIds;
import io.demodeck.platform.Sha256;
import io.demodeck.platform.DemodeckConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.bank.BankMarkdownParser;
import io.demodeck.deck.Deck;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.DeckWriter;
import io.demodeck.bank.QuestionContent;
import io.demodeck.bank.SyncReport;
import io.demodeck.platform.ClientFacingException;
import io.demodeck.platform.OversizeBodies;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The import flow: parse (any format) → check → preview against the database, or apply in one transaction
 * through {@link DeckWriter} (updates in place by stable id, keeps learners' progress). Both leave an
 * {@code import_record}. Bad input ends in a report, never in a 500 or half a deck.
 */
@ApplicationScoped
public class ImportService {

    private static final Pattern DECK_ID = DeckIds.PATTERN;

    @Inject
    DeckWriter writer;

    @Inject
    MediaStore mediaStore;

    @Inject
    ReviewHistoryImport histories;

    @Inject
    ObjectMapper json;

    /** The application's mapper with an import file's bounds instead of a request body's, made once. */
    private ObjectMapper fileJson;

    @jakarta.annotation.PostConstruct
    void fileMapper() {
        fileJson = io.demodeck.platform.JsonReadLimits.forFiles(json, maxBytes());
    }

    @Inject
    MeterRegistry registry;

    @Inject
    io.demodeck.deck.DeckAccess access;

    @Inject
    io.demodeck.deck.DeckChanges changes;

    @Inject
    DemodeckConfig config;

    public long maxBytes() {
        return config.imports().maxBytes();
    }

    /** The dry run: what the import would do, written nowhere but the audit record. */
    public ImportReport preview(ImportRequest request) {
        Prepared p = prepare(request);
        ImportReport report;
        if (p.parsed.rejected()) {
            report = report(p, true, "rejected", null, null, null);
        } else {
            report = QuarkusTransaction.requiringNew().call(() -> {
                SyncReport plan = writer.plan(p.parsed.deck());
                ImportReport.History history = keepsHistory(p, request) ? histories.plan(request.userId(), p.parsed.history()) : null;
                return report(p, true, "previewed", plan, plan.deckId() == 0 ? null : plan.deckId(), history);
            });
        }
        return record(request, report);
    }

    /** The import: all or nothing, in one transaction with its audit record. */
    public ImportReport apply(ImportRequest request) {
        long start = System.nanoTime();
        Prepared p = prepare(request);
        long parsed = System.nanoTime();
        if (p.parsed.rejected()) {
            return record(request, report(p, false, "rejected", null, null, null));
        }
        try {
            ImportReport applied = QuarkusTransaction.requiringNew().call(() -> {
                if (request.userId() != null) { // again inside the write's transaction: the deck may be new since
                    access.requireImportInto(access.viewerOf(request.userId()), p.parsed.deck().externalId());
                }
                SyncReport sync = writer.write(p.parsed.deck(), "import", request.userId());
                long written = System.nanoTime();
                mediaStore.upsert(sync.deckId(), p.parsed.media());
                long media = System.nanoTime();
                // the history goes in with the questions: an import that fails leaves neither
                ImportReport.History history = keepsHistory(p, request)
                        ? histories.apply(request.userId(), sync.deckId(), p.parsed.history()) : null;
                long historyDone = System.nanoTime();
                ImportReport report = withFileName(report(p, false, "applied", sync, sync.deckId(), history), request.fileName());
                ImportReport saved = report.withId(persist(request, report));
                changes.imported(request.userId(), sync.deckId(), p.parsed.deck().externalId(), report.fileName(),
                        sync.created(), sync.updated(), sync.retired());
                Log.debugf("import %s: parse+check %d ms, write %d ms, media %d ms, history %d ms (%d answers), audit %d ms",
                        request.fileName(), (parsed - start) / 1_000_000, (written - parsed) / 1_000_000,
                        (media - written) / 1_000_000, (historyDone - media) / 1_000_000,
                        history == null ? 0 : history.carriedOver(), (System.nanoTime() - historyDone) / 1_000_000);
                return saved;
            });
            count(applied);
            return applied;
        } catch (ClientFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            // the transaction rolled back: nothing of the file is stored; the audit row says why
            Log.warnf(e, "import of %s failed and was rolled back", request.fileName());
            List<ImportProblem> problems = new ArrayList<>(p.parsed.problems());
            problems.add(ImportProblem.of(ImportProblem.ERROR, 0, null, null, ProblemCode.DATABASE_REFUSED,
                    rootMessage(e)));
            Prepared failed = new Prepared(p.format, p.sha256,
                    new ParsedImport(null, problems, p.parsed.skipped(), List.of()), p.deckId);
            return record(request, report(failed, false, "rejected", null, null, null));
        }
    }

    private record Prepared(ImportFormat format, String sha256, ParsedImport parsed, String deckId) {
    }

    /** A history is carried over to the uploader; an import without one (an internal call) keeps none. */
    private static boolean keepsHistory(Prepared p, ImportRequest request) {
        return p.parsed.history() != null && request.userId() != null;
    }

    private Prepared prepare(ImportRequest request) {
        byte[] data = request.data();
        if (data == null || data.length == 0) {
            throw ClientFacingException.validation("file", "the file is empty");
        }
        if (data.length > maxBytes()) {
            throw new ClientFacingException(413, "payload-too-large", "Payload Too Large", "The file is too large ("
                    + OversizeBodies.megabytes(data.length) + "): a file to import may have at most "
                    + OversizeBodies.megabytes(maxBytes()) + ".");
        }
        ImportOptions options = request.options() == null ? ImportOptions.defaults() : request.options();
        if (options.language() != null && !BankMarkdownParser.LANGUAGES.contains(options.language())) {
            throw ClientFacingException.validation("language", "must be one of " + BankMarkdownParser.LANGUAGES);
        }
        if (options.deck() != null && !DECK_ID.matcher(options.deck()).matches()) {
            throw ClientFacingException.validation("deck", "must be lower-case letters, digits and '-' (at most 100)");
        }
        ImportFormat format;
        if (request.format() == null || request.format().isBlank() || request.format().equalsIgnoreCase("detect")) {
            format = ImportFormat.detect(request.fileName(), data);
        } else {
            format = ImportFormat.fromId(request.format()).orElseThrow(() -> ClientFacingException.validation("format",
                    "unknown format '" + request.format() + "'; one of markdown, gift, moodle-xml, anki-csv, apkg, quizlet, json"));
        }
        String sha = Sha256.hex(data);
        ParsedImport parsed;
        try {
            parsed = ContentChecks.check(format.parser(fileJson).parse(data, request.fileName(), options));
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug must not become a 500: the file is rejected with what we know
            Log.errorf(e, "parser %s failed on %s", format.id(), request.fileName());
            ImportLog log = new ImportLog();
            log.error(0, ProblemCode.UNREADABLE_AS_FORMAT, format.id(), e.getClass().getSimpleName());
            parsed = ParsedImport.rejected(log);
        }
        if (!parsed.rejected()) {
            String target = parsed.deck().externalId();
            Optional<Deck> existing = QuarkusTransaction.requiringNew().call(() -> Deck.findByExternalId(target));
            if (existing.isPresent() && "bank".equals(existing.get().origin)) {
                List<ImportProblem> problems = new ArrayList<>(parsed.problems());
                problems.add(ImportProblem.of(ImportProblem.ERROR, 0, "deck", null, ProblemCode.DECK_OF_THE_BANK,
                        parsed.deck().externalId()));
                parsed = new ParsedImport(null, problems, parsed.skipped(), List.of());
            }
        }
        if (!parsed.rejected() && request.userId() != null) {
            // another instructor's deck id: refused naming the owner, never taken over (409 problem / error page)
            String target = parsed.deck().externalId();
            QuarkusTransaction.requiringNew().run(() -> access.requireImportInto(access.viewerOf(request.userId()), target));
        }
        String deckId = parsed.deck() != null ? parsed.deck().externalId()
                : options.deck() != null ? options.deck() : ImportText.deckIdFromFileName(request.fileName());
        return new Prepared(format, sha, parsed, deckId);
    }

    private static ImportReport report(Prepared p, boolean dryRun, String outcome, SyncReport sync, Long deckId,
                                       ImportReport.History history) {
        DeckContent deck = p.parsed.deck();
        Map<String, Integer> byType = new LinkedHashMap<>();
        if (deck != null) {
            for (QuestionContent q : deck.questions()) {
                byType.merge(q.type().fileName(), 1, Integer::sum);
            }
        }
        ImportReport.Counts counts = sync == null
                ? new ImportReport.Counts(0, 0, 0, p.parsed.skipped(), 0)
                : new ImportReport.Counts(sync.created(), sync.updated(), sync.unchanged(), p.parsed.skipped(), sync.retired());
        return new ImportReport(null, null, p.sha256, p.format.id(), dryRun, outcome, p.deckId, deckId,
                deck == null ? 0 : deck.questions().size(), byType, counts, p.parsed.media().size(),
                ImportTexts.inLanguage(p.parsed.problems(), "en"), history); // English in the audit record
    }

    private ImportReport record(ImportRequest request, ImportReport report) {
        ImportReport named = withFileName(report, request.fileName());
        ImportReport recorded = QuarkusTransaction.requiringNew().call(() -> named.withId(persist(request, named)));
        count(recorded);
        return recorded;
    }

    /** demodeck.imports on /q/metrics: per format and outcome (previewed, applied, rejected). */
    private void count(ImportReport report) {
        registry.counter("demodeck.imports", "format", String.valueOf(report.format()), "outcome", report.outcome())
                .increment();
    }

    private long persist(ImportRequest request, ImportReport named) {
        ImportRecord r = new ImportRecord();
        r.userId = request.userId();
        r.deckId = named.deckId();
        r.fileName = named.fileName();
        r.fileSha256 = named.sha256();
        r.format = named.format();
        r.dryRun = named.dryRun();
        r.outcome = named.outcome();
        r.created = named.counts().created();
        r.updated = named.counts().updated();
        r.unchanged = named.counts().unchanged();
        r.skipped = named.counts().skipped();
        try {
            r.report = json.writeValueAsString(named);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
        r.createdAt = Instant.now();
        r.persist();
        return r.id;
    }

    private static ImportReport withFileName(ImportReport r, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        // a path from an old browser, or a very long name, is cut to what the audit column holds
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.length() > 255) {
            name = name.substring(0, 255);
        }
        return new ImportReport(r.importId(), name, r.sha256(), r.format(), r.dryRun(), r.outcome(), r.deck(),
                r.deckId(), r.questions(), r.countsByType(), r.counts(), r.mediaFiles(), r.problems(), r.history());
    }

    public Optional<ImportRecord> findRecord(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.<ImportRecord>findByIdOptional(id));
    }

    public ImportReport readReport(ImportRecord r) {
        try {
            return json.readValue(r.report, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit report is always readable", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("\\s+", " ");
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
