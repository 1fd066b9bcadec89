package io.demodeck.demo.catalog.osthreads;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;
import static io.demodeck.demo.Measured.unavailable;

/** The os-threads demo: how many OS threads blocked virtual threads and blocked platform threads add. */
public final class OsThreadsDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("os-threads",
            new Text("Сколько потоков ОС на самом деле существует",
                    "How many OS threads really exist"),
            new Text("Пока N виртуальных потоков (а затем N платформенных) заблокированы на защёлке, считаем потоки ОС "
                            + "процесса в /proc/self/task и называем добавленные по имени из comm: носители, unparker, GC, таймер "
                            + "(только Linux).",
                    "While N virtual threads (then N platform threads) are blocked on a latch, the child counts the OS "
                            + "threads of its process in /proc/self/task and names the added ones from their comm: carriers, "
                            + "unparker, GC, timer (Linux only)."),
            new Size("virtualThreads", 10_000, 50_000, 100_000, 100_000),
            new Size("platformThreads", 1_000, 2_000, 2_000, 2_000));

    /** Added OS threads that still count as "a few": carriers (one per core here), unparker, GC, timer. */
    private static final int FEW_OS_THREADS = 16;

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        GoToolchain go = tools.go();
        int v = sizes.get("virtualThreads");
        int p = sizes.get("platformThreads");
        // a scheduler with 64 carriers: blocked virtual threads no longer need only "a few" OS threads
        List<String> flags = breaking ? List.of("-Djdk.virtualThreadScheduler.parallelism=64") : List.of();
        ChildJvm.Output o = child.run(Mode.OS_THREADS, flags, List.of(v, p), null);
        if (!"yes".equals(o.text("proc"))) {
            return unavailable(o);
        }
        long start = o.number("tasks.start");
        long whileVirtual = o.number("tasks.virtual");
        long between = o.number("tasks.between");
        long whilePlatform = o.number("tasks.platform");
        long addedV = whileVirtual - start;
        long addedP = whilePlatform - between;
        String addedNames = addedByName(o.text("names.start"), o.text("names.virtual"));
        List<Row> rows = List.of(
                row("tasks.start", "Потоков ОС в начале", "OS threads at start", start, ""),
                row("tasks.whileVirtualBlocked", "Пока заблокированы виртуальные потоки",
                        "While the virtual threads are blocked", whileVirtual, ""),
                row("virtual.addedOsThreads", "Добавили виртуальные потоки", "Added by the virtual threads", addedV, ""),
                row("virtual.addedByName", "Добавленные по имени (comm)", "Added, by name (comm)", addedNames, ""),
                row("tasks.beforePlatform", "Потоков ОС перед платформенными", "OS threads before the platform run", between, ""),
                row("tasks.whilePlatformBlocked", "Пока заблокированы платформенные потоки",
                        "While the platform threads are blocked", whilePlatform, ""),
                row("platform.addedOsThreads", "Добавили платформенные потоки", "Added by the platform threads", addedP, ""));
        List<Claim> claims = new ArrayList<>();
        claims.add(claim("virtualAddFewPlatformAddOneEach", addedV <= FEW_OS_THREADS && addedP >= 0.9 * p,
                "%s заблокированных виртуальных потоков добавляют не больше %d потоков ОС, а каждый платформенный — один"
                        .formatted(n(v, "ru"), FEW_OS_THREADS),
                "%s blocked virtual threads add at most %d OS threads, while each platform thread adds one"
                        .formatted(n(v, "en"), FEW_OS_THREADS),
                text(l -> (ru(l) ? "виртуальные добавили %s (%s), %s платформенных — %s"
                        : "virtual added %s (%s), %s platform added %s")
                        .formatted(n(addedV, l), addedNames, n(p, l), n(addedP, l)))));
        Text proof = text(l -> (ru(l)
                ? "%s заблокированных виртуальных потоков добавили процессу %s потоков ОС (%s → %s): %s — носители планировщика (параллелизм %s) и служебные потоки. %s платформенных потоков добавили %s (%s → %s): каждый платформенный поток — это поток ОС."
                : "%s blocked virtual threads added %s OS threads to the process (%s → %s): %s, the scheduler's carriers (parallelism %s) and service threads. %s platform threads added %s (%s → %s): each platform thread is an OS thread.")
                .formatted(n(v, l), n(addedV, l), n(start, l), n(whileVirtual, l), addedNames, o.text("parallelism"),
                        n(p, l), n(addedP, l), n(between, l), n(whilePlatform, l)));
        GoComparison goSide = tools.goComparison(claims, () -> go.run("os-threads", List.of(v), Map.of()).map(g -> {
            long goStart = Long.parseLong(g.get("tasks.start"));
            long goBlocked = Long.parseLong(g.get("tasks.blocked"));
            return new GoPart(List.of(
                    row("go.tasks.start", "Go: потоков ОС в начале", "Go: OS threads at start", goStart, ""),
                    row("go.tasks.blocked", "Go: пока заблокированы горутины (столько же)",
                            "Go: while as many goroutines are blocked", goBlocked, "")),
                    List.of(claim("go.blockedGoroutinesAddFew", goBlocked - goStart <= FEW_OS_THREADS,
                            "Заблокированные горутины добавляют не больше %d потоков ОС".formatted(FEW_OS_THREADS),
                            "Blocked goroutines add at most %d OS threads".formatted(FEW_OS_THREADS),
                            text(l -> (ru(l) ? "%s горутин: %s → %s потоков ОС" : "%s goroutines: %s → %s OS threads")
                                    .formatted(n(v, l), goStart, goBlocked)))));
        }));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(o)), goSide);
    }

    /** "ForkJoinPool-1-: +2, VirtualThread-u: +1" from two "name:count,..." lists of /proc/self/task/N/comm. */
    public static String addedByName(String before, String after) {
        Map<String, Integer> a = counts(before);
        Map<String, Integer> b = counts(after);
        return b.entrySet().stream().filter(e -> e.getValue() > a.getOrDefault(e.getKey(), 0))
                .map(e -> e.getKey() + " +" + (e.getValue() - a.getOrDefault(e.getKey(), 0)))
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Integer> counts(String list) {
        Map<String, Integer> m = new TreeMap<>();
        for (String part : list.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon > 0) {
                m.put(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
            }
        }
        return m;
    }
}
