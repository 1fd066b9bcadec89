package io.demodeck.demo.catalog.carriers;

import io.demodeck.demo.ChildJvm;
import io.demodeck.demo.Demo;
import io.demodeck.demo.DemoEntry;
import io.demodeck.demo.DemoEntry.Size;
import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.GoComparison;
import io.demodeck.demo.DemoResult.Row;
import io.demodeck.demo.DemoTools;
import io.demodeck.demo.DemoTools.GoPart;
import io.demodeck.demo.GoToolchain;
import io.demodeck.demo.Measured;
import io.demodeck.demo.Text;
import io.demodeck.demo.child.DemoChild.Mode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.demodeck.demo.ChildJvm.ONE_CARRIER;
import static io.demodeck.demo.ChildJvm.TWO_CARRIERS;
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The carriers demo: many virtual threads on one carrier thread, and on the default number of carriers. */
public final class CarriersDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("carriers",
            new Text("Много виртуальных потоков на одном потоке-носителе",
                    "Many virtual threads on one carrier thread"),
            new Text("N виртуальных потоков записывают имя своего потока-носителя до и после 10 мс сна: сначала с "
                            + "-Djdk.virtualThreadScheduler.parallelism=1, затем с параллелизмом по умолчанию.",
                    "N virtual threads record the name of their carrier thread before and after a 10 ms sleep: first with "
                            + "-Djdk.virtualThreadScheduler.parallelism=1, then with the default parallelism."),
            new Size("virtualThreads", 1_000, 10_000, 100_000, 100_000));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        GoToolchain go = tools.go();
        int v = sizes.get("virtualThreads");
        // two carriers where the claim says one
        ChildJvm.Output one = child.run(Mode.CARRIERS, breaking ? TWO_CARRIERS : ONE_CARRIER, List.of(v), null);
        ChildJvm.Output dflt = child.run(Mode.CARRIERS, List.of(), List.of(v), null);
        Set<String> oneNames = carrierNames(one);
        Set<String> defaultNames = carrierNames(dflt);
        long parallelism = dflt.number("parallelism");
        long migrated = dflt.number("migrated");
        List<Row> rows = List.of(
                row("one.parallelism", "Параллелизм первого прогона", "Parallelism of the first run", one.number("parallelism"), ""),
                row("one.carrierCount", "Первый прогон: разных носителей", "First run: distinct carriers", (long) oneNames.size(), ""),
                row("one.carriers", "Первый прогон: носители (до;после сна)", "First run: carriers (before;after sleep)",
                        one.text("carriers.before") + " ; " + one.text("carriers.after"), ""),
                row("one.migrated", "Первый прогон: сменили носитель после сна", "First run: changed carrier after sleeping", one.number("migrated"), ""),
                row("default.parallelism", "Параллелизм по умолчанию", "Default parallelism", parallelism, ""),
                row("default.carrierCount", "По умолчанию: разных носителей", "Default: distinct carriers", (long) defaultNames.size(), ""),
                row("default.carriers", "По умолчанию: носители (до;после сна)", "Default: carriers (before;after sleep)",
                        dflt.text("carriers.before") + " ; " + dflt.text("carriers.after"), ""),
                row("default.migrated", "По умолчанию: сменили носитель после сна", "Default: changed carrier after sleeping", migrated, ""));
        List<Claim> claims = new ArrayList<>(List.of(
                claim("allOnOneCarrier", oneNames.size() == 1,
                        "С -Djdk.virtualThreadScheduler.parallelism=1 все %s виртуальных потоков выполняются на одном потоке ОС".formatted(n(v, "ru")),
                        "With -Djdk.virtualThreadScheduler.parallelism=1 all %s virtual threads run on one OS thread".formatted(n(v, "en")),
                        text(l -> (ru(l) ? "параллелизм %s: носителей %s (%s)" : "parallelism %s: %s carrier(s) (%s)")
                                .formatted(one.text("parallelism"), oneNames.size(), String.join(", ", oneNames)))),
                claim("atMostParallelismCarriers", defaultNames.size() <= parallelism,
                        "С параллелизмом по умолчанию носителей не больше, чем параллелизм",
                        "With the default parallelism there are at most that many carriers",
                        text(l -> (ru(l) ? "параллелизм %s, носителей %s" : "parallelism %s, %s carriers").formatted(parallelism, defaultNames.size())))));
        Text proof = text(l -> (ru(l)
                ? "С параллелизмом %s все %s виртуальных потоков выполнились на %s носителе(ях): %s. С параллелизмом по умолчанию (%s) они использовали %s носителя, и %s из них после сна продолжили на другом носителе: носитель выбирает планировщик."
                : "With parallelism %s, all %s virtual threads ran on %s carrier(s): %s. With the default parallelism (%s) they used %s carriers, and %s of them resumed on a different carrier after sleeping: the scheduler picks the carrier.")
                .formatted(one.text("parallelism"), n(v, l), oneNames.size(), String.join(", ", oneNames), parallelism,
                        defaultNames.size(), n(migrated, l)));
        GoComparison goSide = tools.goComparison(claims, () -> go.run("carriers", List.of(v), Map.of("GOMAXPROCS", "1")).flatMap(g1 ->
                go.run("carriers", List.of(v), Map.of()).map(g -> {
                    long oneTids = Long.parseLong(g1.get("tids"));
                    long tids = Long.parseLong(g.get("tids"));
                    long procs = Long.parseLong(g.get("gomaxprocs"));
                    return new GoPart(List.of(
                            row("go.oneProc.threadIds", "Go, GOMAXPROCS=1: разных потоков ОС (TID) у горутин",
                                    "Go, GOMAXPROCS=1: distinct OS threads (TIDs) the goroutines ran on", oneTids, ""),
                            row("go.default.threadIds", "Go, GOMAXPROCS=" + procs + ": разных потоков ОС",
                                    "Go, GOMAXPROCS=" + procs + ": distinct OS threads", tids, "")),
                            List.of(claim("go.oneProcOneThread", oneTids == 1,
                                    "С GOMAXPROCS=1 все горутины выполняются на одном потоке ОС",
                                    "With GOMAXPROCS=1 all goroutines run on one OS thread",
                                    text(l -> (ru(l) ? "%s горутин, TID: %s" : "%s goroutines, TIDs: %s").formatted(n(v, l), oneTids)))));
                })));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(one), flags(dflt)), goSide);
    }

    /** Carrier names from "ForkJoinPool-1-worker-1:700,ForkJoinPool-1-worker-2:300" before and after. */
    private static Set<String> carrierNames(ChildJvm.Output o) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : List.of("carriers.before", "carriers.after")) {
            for (String part : o.text(key).split(",")) {
                if (!part.isBlank()) {
                    names.add(part.substring(0, part.lastIndexOf(':')));
                }
            }
        }
        return names;
    }
}
