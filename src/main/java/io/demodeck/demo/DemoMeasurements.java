package io.demodeck.demo;

import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.Ratio;
import io.demodeck.demo.DemoResult.Row;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one demo's {@link Demo unit} with a preset's sizes and stamps what it measured with the time, the duration
 * and the environment. Also the words every unit states its figures in: rows, ratios and claims in both languages,
 * numbers as each language writes them.
 *
 * <p>{@link Setting#BREAKING} runs each demo with a setting under which its claim must not hold (parallelism,
 * pinning, a tiny N, a deep stack, or a control run that swaps the thing under test); tests use it to show that
 * every check can fail.
 */
public final class DemoMeasurements {

    /** How a demo is run: as designed, or with the setting that breaks its claim. */
    public enum Setting {
        AS_DESIGNED, BREAKING
    }

    private final DemoTools tools;

    public DemoMeasurements(ChildJvm child, GoToolchain go, CHelper c) {
        this.tools = new DemoTools(child, go, c);
    }

    public DemoResult measure(DemoCatalog demo, Preset preset) {
        return measure(demo, preset, Setting.AS_DESIGNED);
    }

    public DemoResult measure(DemoCatalog demo, Preset preset, Setting setting) {
        Map<String, Integer> sizes = demo.sizes(preset);
        Instant at = Instant.now();
        long start = System.nanoTime();
        Measured m = demo.unit().measure(tools, sizes, setting == Setting.BREAKING);
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        return new DemoResult(demo.id(), demo.titles(), preset.id(), sizes, m.available(), m.rows(), m.ratios(),
                m.proof(), m.claims(), environment(m.childFlags()), at, durationMs, false, m.go());
    }

    public static DemoResult.Environment environment(List<String> childFlags) {
        return new DemoResult.Environment(System.getProperty("java.vm.vendor", "") + " " + Runtime.version(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), childFlags);
    }

    // ---- the words units state their measurements in ------------------------------------------------------

    /** The flags of a child JVM, as the result shows them. */
    public static String flags(ChildJvm.Output o) {
        return String.join(" ", o.flags());
    }

    public static Row row(String key, String ru, String en, Object value, String unit) {
        return new Row(key, new Text(ru, en), value, unit);
    }

    public static Ratio ratio(String key, String ru, String en, double value) {
        return new Ratio(key, new Text(ru, en), round(value));
    }

    public static Claim claim(String key, boolean holds, String ru, String en, Text evidence) {
        return new Claim(key, new Text(ru, en), holds, evidence);
    }

    public static Text text(Function<String, String> byLang) {
        return new Text(byLang.apply("ru"), byLang.apply("en"));
    }

    public static boolean ru(String lang) {
        return "ru".equals(lang);
    }

    /** Two significant decimals for small values, fewer for large ones. */
    public static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 10 ? 10 : 100;
        return Math.round(v * scale) / scale;
    }

    /** "4 потока", "21 поток": a Russian count with its word in the right form. */
    public static String counted(long v, String one, String few, String many) {
        return n(v, "ru") + " " + io.demodeck.web.Plural.ru(v, one, few, many);
    }

    /** "55,2 раза", "5 раз", "2 раза": a Russian ratio as it is read after «в». */
    public static String times(double v) {
        String shown = d(v, "ru");
        double read;
        try {
            read = NumberFormat.getNumberInstance(Locale.forLanguageTag("ru")).parse(shown).doubleValue();
        } catch (java.text.ParseException e) {
            read = v;
        }
        return shown + " " + io.demodeck.web.Plural.ru(read, "раз", "раза", "раз");
    }

    public static String n(long v, String lang) {
        return NumberFormat.getIntegerInstance(ru(lang) ? Locale.forLanguageTag("ru") : Locale.US).format(v);
    }

    public static String d(double v, String lang) {
        NumberFormat f = NumberFormat.getNumberInstance(ru(lang) ? Locale.forLanguageTag("ru") : Locale.US);
        f.setMaximumFractionDigits(Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
        return f.format(v);
    }
}
