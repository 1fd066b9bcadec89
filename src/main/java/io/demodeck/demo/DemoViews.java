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

    record DemoView(String id, String title, String explanation, List<PresetView> presets) {
    }

    record PresetView(String id, String label, String sizes) {
    }

    record RowView(String label, String value, String unit) {
    }

    record ResultView(String preset, String sizes, boolean available, List<RowView> rows, List<RowView> ratios,
                      String proof, String environment, List<String> childFlags, String measuredAt, long durationMs,
                      boolean cached, boolean hasGo, String goNote, List<RowView> goRows) {
    }

    static DemoView demo(DemoCatalog d, String lang) {
        return new DemoView(d.id(), d.title(lang), d.explanation().in(lang), Arrays.stream(Preset.values())
                .map(p -> new PresetView(p.id(), p.label().in(lang), sizes(d.sizes(p), lang))).toList());
    }

    static ResultView result(DemoResult r, String lang) {
        var env = r.environment();
        String environment = "JDK %s · %s %s (%s) · CPUs: %d".formatted(env.jdk(), env.os(), env.osVersion(), env.arch(),
                env.cpus());
        var go = r.goComparison();
        return new ResultView(Preset.parse(r.preset()).label().in(lang), sizes(r.sizes(), lang), r.available(),
                r.rows().stream().map(row -> new RowView(row.label().in(lang), value(row.value(), lang), row.unit())).toList(),
                r.ratios().stream().map(x -> new RowView(x.label().in(lang), DemoMeasurements.d(x.value(), lang), "×")).toList(),
                r.proof().in(lang), environment, env.childJvmFlags(), TIME.format(r.measuredAt()), r.durationMs(),
                r.cached(), go != null, go == null ? "" : go.note().in(lang),
                go == null ? List.of() : go.rows().stream()
                        .map(row -> new RowView(row.label().in(lang), value(row.value(), lang), row.unit())).toList());
    }

    static String sizes(Map<String, Integer> sizes, String lang) {
        return sizes.entrySet().stream().map(e -> e.getKey() + " " + DemoMeasurements.n(e.getValue(), lang))
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
