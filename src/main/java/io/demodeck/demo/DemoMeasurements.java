package io.demodeck.demo;

import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.GoComparison;
import io.demodeck.demo.DemoResult.Ratio;
import io.demodeck.demo.DemoResult.Row;
import io.demodeck.demo.DemoTools.GoPart;
import io.demodeck.demo.child.DemoChild.Mode;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.demodeck.demo.ChildJvm.CONTROL;
import static io.demodeck.demo.ChildJvm.ONE_CARRIER;
import static io.demodeck.demo.ChildJvm.TWO_CARRIERS;
import static io.demodeck.demo.Measured.NOT_ON_THIS_OS;
import static io.demodeck.demo.Measured.unavailable;

/**
 * Runs one demo (child JVMs, plus the Go program where it exists) and turns the raw figures into rows, ratios,
 * a proof text and the demo's claims, each decided by a check over this run's own measurements. No canned
 * values: everything comes from the child's output.
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

    private final ChildJvm child;
    private final GoToolchain go;
    private final CHelper c;
    private final DemoTools tools;

    public DemoMeasurements(ChildJvm child, GoToolchain go, CHelper c) {
        this.child = child;
        this.go = go;
        this.c = c;
        this.tools = new DemoTools(child, go, c);
    }

    public DemoResult measure(DemoCatalog demo, Preset preset) {
        return measure(demo, preset, Setting.AS_DESIGNED);
    }

    public DemoResult measure(DemoCatalog demo, Preset preset, Setting setting) {
        Map<String, Integer> sizes = demo.sizes(preset);
        boolean breaking = setting == Setting.BREAKING;
        Instant at = Instant.now();
        long start = System.nanoTime();
        Measured m = demo.unit() != null ? demo.unit().measure(tools, sizes, breaking) : switch (demo) {
            case FORK_COW -> forkCow(breaking);
            default -> throw new IllegalStateException(demo + " has no unit");
        };
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        return new DemoResult(demo.id(), demo.titles(), preset.id(), sizes, m.available(), m.rows(), m.ratios(),
                m.proof(), m.claims(), environment(m.childFlags()), at, durationMs, false, m.go());
    }

    public static DemoResult.Environment environment(List<String> childFlags) {
        return new DemoResult.Environment(System.getProperty("java.vm.vendor", "") + " " + Runtime.version(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), childFlags);
    }

    // ---- 16. fork and copy-on-write ------------------------------------------------------------------------

    private Measured forkCow(boolean breaking) {
        // clone(CLONE_VM), the flag threads are made with: the "child" shares the parent's memory
        Optional<Map<String, String>> run = c.run(breaking ? CHelper.Mode.CLONE_VM : CHelper.Mode.FORK);
        if (run.isEmpty()) {
            Text why = c.status() == GoToolchain.Status.PREPARING ? CHelper.PREPARING : CHelper.ABSENT;
            return new Measured(false, List.of(), List.of(), why, List.of(), List.of(), null);
        }
        Map<String, String> o = run.get();
        long before = Long.parseLong(o.get("parent.before"));
        long saw = Long.parseLong(o.get("child.saw"));
        long wrote = Long.parseLong(o.get("child.wrote"));
        long after = Long.parseLong(o.get("parent.after"));
        long parentThreads = Long.parseLong(o.get("parent.threads"));
        long childThreads = Long.parseLong(o.get("child.threads"));
        String how = breaking ? "clone(CLONE_VM)" : "fork()";
        List<Row> rows = List.of(
                row("how", "Как создан потомок", "How the child was made", how, ""),
                row("parent.pid", "PID родителя", "Parent PID", Long.parseLong(o.get("parent.pid")), ""),
                row("child.pid", "PID потомка", "Child PID", Long.parseLong(o.get("child.pid")), ""),
                row("parent.before", "Родитель записал", "The parent wrote", before, ""),
                row("child.saw", "Потомок увидел", "The child saw", saw, ""),
                row("child.wrote", "Потомок записал", "The child wrote", wrote, ""),
                row("parent.after", "У родителя после этого", "The parent then had", after, ""),
                row("parent.threads", "Потоков у родителя", "Threads of the parent", parentThreads, ""),
                row("child.threads", "Потоков у потомка", "Threads of the child", childThreads, ""));
        List<Claim> claims = List.of(
                claim("childGetsACopy", saw == before && wrote == 99 && after == before,
                        "Потомок fork видит значение родителя на момент fork, а его запись родитель не видит (копия при записи)",
                        "A fork child sees the parent's value as of the fork, and the parent does not see its write (copy-on-write)",
                        text(l -> (ru(l) ? "%s: родитель %s, потомок увидел %s и записал %s, у родителя осталось %s"
                                : "%s: the parent had %s, the child saw %s and wrote %s, the parent then had %s")
                                .formatted(how, before, saw, wrote, after))),
                claim("childHasOneThread", parentThreads >= 2 && childThreads == 1,
                        "У потомка многопоточного родителя один поток — тот, что вызвал fork",
                        "The child of a multi-threaded parent has one thread: the one that called fork",
                        text(l -> (ru(l) ? "у родителя %s потока, у потомка %s" : "the parent had %s threads, the child %s")
                                .formatted(parentThreads, childThreads))));
        Text proof = text(l -> (ru(l)
                ? "Родитель с %s потоками записал %s и вызвал %s. Потомок увидел %s, записал %s, а у родителя осталось %s%s. У потомка %s поток: fork копирует только вызвавший поток, поэтому после fork в многопоточной программе потомок может вызывать только безопасные функции (или сразу exec)."
                : "The parent, with %s threads, wrote %s and called %s. The child saw %s and wrote %s, and the parent then had %s%s. The child had %s thread(s): fork copies only the calling thread, which is why a child of a multi-threaded program may only call async-signal-safe functions (or exec at once).")
                .formatted(parentThreads, before, how, saw, wrote, after, after == before
                                ? (ru(l) ? ": у потомка своя копия памяти (копируется при записи)" : ": the child has its own copy of the memory (copied on write)")
                                : (ru(l) ? ": память общая" : ": the memory is shared"),
                        childThreads));
        return new Measured(true, rows, List.of(), proof, claims, List.of(), null);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

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
