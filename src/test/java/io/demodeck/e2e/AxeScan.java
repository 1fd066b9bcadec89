package io.demodeck.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The axe-core accessibility scan, injected into the page from the {@code axe.min.js} that {@code .ci/run}
 * installs from npm (path in the {@code axe.script} system property). Fails on serious or critical
 * violations.
 */
final class AxeScan {

    private final String source;

    private AxeScan(String source) {
        this.source = source;
    }

    /** Loads axe-core; skips the calling test when it is missing, or fails it when {@code CI=true}. */
    static AxeScan load() {
        String property = System.getProperty("axe.script");
        Path script = property == null || property.isBlank() ? null : Path.of(property);
        if (script == null || !Files.isReadable(script)) {
            BrowserSession.unavailable("No axe-core at " + (script == null ? "(axe.script not set)" : script),
                    "Install it (.ci/run does; `mvn clean` removes it) with: "
                            + "npm install --no-audit --no-fund --prefix \"$PWD/target/npm\" axe-core@4.14.1");
        }
        try {
            return new AxeScan(Files.readString(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scans the current page and fails on serious or critical violations, listing each. */
    @SuppressWarnings("unchecked")
    void assertNoSeriousViolations(BrowserSession browser, String page) {
        browser.script(source);
        Object result = browser.asyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
                  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return { id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                               targets: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }) };
                    }));
                }).catch(function (e) { done('axe failed: ' + e); });
                """);
        if (result instanceof String error) {
            fail(page + ": " + error);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        if (!violations.isEmpty()) {
            fail(page + " has " + violations.size() + " serious/critical accessibility violation(s):\n"
                    + violations.stream().map(v -> "  - " + v.get("id") + " [" + v.get("impact") + "] " + v.get("help")
                            + " (" + v.get("count") + " nodes, e.g. " + v.get("targets") + ")")
                    .collect(Collectors.joining("\n")));
        }
    }
}
