package io.demodeck.demo;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the demo pages show, already in the page's language (templates escape every value). */
final class DemoViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DemoViews() {
    }

    record DemoView(String id, String title, String explanation, List<PresetView> presets, String goStatus) {
    }

    record ClaimView(String statement, boolean holds, String verdict, String evidence) {
    }

    record PresetView(String id, String label, String sizes) {
    }

    record RowView(String label, String value, String unit) {
    }

    record ResultView(String preset, String sizes, boolean available, List<RowView> rows, List<RowView> ratios,
                      String proof, List<ClaimView> claims, boolean holds, String environment, List<String> childFlags,
                      String measuredAt, long durationMs, boolean cached, boolean hasGo, String goNote,
                      List<RowView> goRows) {
    }

    static final Text HOLDS = new Text("выполняется на этой машине", "holds on this machine");
    static final Text DOES_NOT_HOLD = new Text("не выполняется на этой машине", "does not hold on this machine");
    static final Text GO_READY = new Text("Программа Go готова: %s", "The Go program is ready: %s");

    static DemoView demo(DemoCatalog d, String lang) {
        return demo(d, lang, null);
    }

    /** {@code go} adds what the page says about the Go side: absent, being prepared, ready. */
    static DemoView demo(DemoCatalog d, String lang, GoToolchain go) {
        String goStatus = go == null ? "" : switch (go.status()) {
            case ABSENT -> GoToolchain.ABSENT.in(lang);
            case PREPARING -> GoToolchain.PREPARING.in(lang);
            case FAILED -> GoToolchain.BUILD_FAILED.in(lang);
            case READY -> GO_READY.in(lang).formatted(go.version());
        };
        return new DemoView(d.id(), d.title(lang), d.explanation().in(lang), Arrays.stream(Preset.values())
                .map(p -> new PresetView(p.id(), p.label().in(lang), sizes(d.sizes(p), lang))).toList(), goStatus);
    }

    static ResultView result(DemoResult r, String lang) {
        var env = r.environment();
        String environment = "JDK %s · %s %s (%s) · CPUs: %d".formatted(env.jdk(), env.os(), env.osVersion(), env.arch(),
                env.cpus());
        var go = r.goComparison();
        return new ResultView(Preset.parse(r.preset()).label().in(lang), sizes(r.sizes(), lang), r.available(),
                r.rows().stream().map(row -> new RowView(row.label().in(lang), value(row.value(), lang),
                        DemoWords.unit(row.unit(), lang))).toList(),
                r.ratios().stream().map(x -> new RowView(x.label().in(lang), DemoMeasurements.d(x.value(), lang), "×")).toList(),
                r.proof().in(lang), r.claims().stream().map(c -> new ClaimView(c.statement().in(lang), c.holds(),
                        (c.holds() ? HOLDS : DOES_NOT_HOLD).in(lang), c.evidence().in(lang))).toList(), r.holds(),
                environment, env.childJvmFlags(), TIME.format(r.measuredAt()), r.durationMs(),
                r.cached(), go != null, go == null ? "" : go.note().in(lang),
                go == null ? List.of() : go.rows().stream()
                        .map(row -> new RowView(row.label().in(lang), value(row.value(), lang),
                                DemoWords.unit(row.unit(), lang))).toList());
    }

    static String sizes(Map<String, Integer> sizes, String lang) {
        return sizes.entrySet().stream().map(e -> DemoWords.param(e.getKey(), lang) + " " + DemoMeasurements.n(e.getValue(), lang))
                .collect(Collectors.joining(", "));
    }

    static String value(Object v, String lang) {
        if (v instanceof Long || v instanceof Integer) {
            return DemoMeasurements.n(((Number) v).longValue(), lang);
        }
        if (v instanceof Double d) {
            return DemoMeasurements.d(d, lang);
        }
        if (v instanceof Boolean b) {
            return "ru".equals(lang) ? (b ? "да" : "нет") : (b ? "yes" : "no");
        }
        return String.valueOf(v);
    }
}
