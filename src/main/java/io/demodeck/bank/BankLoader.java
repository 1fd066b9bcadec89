package io.demodeck.bank;

import io.demodeck.platform.DemodeckConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the question bank into the database at start: the packaged {@code questions/} folder, or the folder
 * named by {@code demodeck.bank.directory}. Each file is its own transaction, so a malformed file is
 * reported (file and line) and skipped while the others load.
 */
@ApplicationScoped
public class BankLoader {

    @Inject
    DeckWriter writer;

    @Inject
    DemodeckConfig config;

    private volatile List<FileReport> startupReport;

    void onStart(@Observes StartupEvent event) {
        startupReport = config.bank().loadAtStart()
                ? load(config.bank().directory().map(BankFiles::fromDirectory).orElseGet(BankFiles::packaged))
                : List.of();
    }

    public List<FileReport> load(List<BankFile> files) {
        BankMarkdownParser parser = new BankMarkdownParser();
        List<FileReport> reports = new ArrayList<>();
        for (BankFile file : files) {
            reports.add(loadOne(parser, file));
        }
        return List.copyOf(reports);
    }

    private FileReport loadOne(BankMarkdownParser parser, BankFile file) {
        if (file.text() == null) {
            ParseProblem p = new ParseProblem(0, "not a UTF-8 text file of at most 5 MB");
            Log.warnf("Question bank: %s skipped: %s", file.name(), p);
            return FileReport.failed(file.name(), List.of(p));
        }
        ParseResult parsed = parser.parse(file.name(), file.text());
        if (!parsed.isOk()) {
            Log.warnf("Question bank: %s skipped, %d problem(s):%n  %s", file.name(), parsed.problems().size(),
                    String.join("\n  ", parsed.problems().stream().map(p -> file.name() + ":" + p).toList()));
            return FileReport.failed(file.name(), parsed.problems());
        }
        SyncReport sync = writer.write(parsed.deck(), "bank", null);
        Log.infof("Question bank: %s -> deck '%s': %d created, %d updated, %d unchanged, %d retired", file.name(),
                parsed.deck().externalId(), sync.created(), sync.updated(), sync.unchanged(), sync.retired());
        return FileReport.loaded(file.name(), parsed.deck().externalId(), sync);
    }

    /** What the load at start did; null until it finished (the readiness check waits for it). */
    public List<FileReport> startupReport() {
        return startupReport;
    }

    public record FileReport(String file, String deckId, SyncReport sync, List<ParseProblem> problems) {
        static FileReport loaded(String file, String deckId, SyncReport sync) {
            return new FileReport(file, deckId, sync, List.of());
        }

        static FileReport failed(String file, List<ParseProblem> problems) {
            return new FileReport(file, null, null, problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
