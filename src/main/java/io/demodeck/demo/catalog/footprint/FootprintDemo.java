package io.demodeck.demo.catalog.footprint;

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

import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.d;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.round;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;
import static io.demodeck.demo.Measured.unavailable;

/** The footprint demo: memory per sleeping virtual and platform thread (and per goroutine stack). */
public final class FootprintDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("footprint",
            new Text("Память на спящий виртуальный и платформенный поток",
                    "Memory per sleeping virtual vs platform thread"),
            new Text("Сравниваем VmRSS (резидентная память), VmSize (зарезервированное адресное пространство) из "
                            + "/proc/self/status и кучу после сборки мусора до и во время жизни N спящих потоков.",
                    "Compares VmRSS (resident memory), VmSize (reserved address space) from /proc/self/status and the heap "
                            + "after GC, before and while N threads are parked."),
            new Size("virtualThreads", 10_000, 50_000, 100_000, 100_000),
            new Size("platformThreads", 1_000, 2_000, 2_000, 2_000));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        GoToolchain go = tools.go();
        // a deep stack: every parked virtual thread keeps all its frames in the heap
        int depth = breaking ? 3_000 : 1;
        int v = breaking ? Math.min(200, sizes.get("virtualThreads")) : sizes.get("virtualThreads");
        int p = sizes.get("platformThreads");
        // a fixed-size heap: G1 would otherwise give memory back between the phases and make resident deltas negative
        ChildJvm.Output o = child.run(Mode.FOOTPRINT, List.of("-Xms512m"), List.of(v, p, depth), null);
        if (!"yes".equals(o.text("proc"))) {
            return unavailable(o);
        }
        double vRss = o.number("virtual.rss.kb") / (double) v;
        double vHeap = o.number("virtual.heap.bytes") / 1024.0 / v;
        double vSize = o.number("virtual.vmsize.kb") / (double) v;
        double pRss = o.number("platform.rss.kb") / (double) p;
        double pHeap = o.number("platform.heap.bytes") / 1024.0 / p;
        double pSize = o.number("platform.vmsize.kb") / (double) p;
        List<Row> rows = List.of(
                row("virtual.stackDepth", "Глубина стека виртуальных потоков (кадров)", "Stack depth of the virtual threads (frames)", (long) depth, ""),
                row("virtual.rssKibPerThread", "Виртуальный: резидентная память на поток", "Virtual: resident memory per thread", round(vRss), "KiB"),
                row("virtual.heapKibPerThread", "Виртуальный: куча на поток", "Virtual: heap per thread", round(vHeap), "KiB"),
                row("virtual.reservedKibPerThread", "Виртуальный: адресное пространство на поток", "Virtual: address space per thread", round(vSize), "KiB"),
                row("platform.rssKibPerThread", "Платформенный: резидентная память на поток", "Platform: resident memory per thread", round(pRss), "KiB"),
                row("platform.heapKibPerThread", "Платформенный: куча на поток", "Platform: heap per thread", round(pHeap), "KiB"),
                row("platform.reservedKibPerThread", "Платформенный: адресное пространство на поток (стек)", "Platform: address space per thread (stack)", round(pSize), "KiB"));
        List<Claim> claims = List.of(claim("virtualLighter", vRss < pRss && vSize * 10 < pSize,
                "Спящий виртуальный поток занимает меньше резидентной памяти, чем платформенный, и меньше десятой доли его адресного пространства",
                "A parked virtual thread takes less resident memory than a platform thread, and under a tenth of its address space",
                text(l -> (ru(l) ? "резидентная: виртуальный %s КиБ, платформенный %s КиБ; адресное пространство: %s КиБ против %s КиБ (глубина стека %s)"
                        : "resident: virtual %s KiB, platform %s KiB; address space: %s KiB vs %s KiB (stack depth %s)")
                        .formatted(d(vRss, l), d(pRss, l), d(vSize, l), d(pSize, l), depth))));
        Text proof = text(l -> (ru(l)
                ? "%s спящих виртуальных потоков (глубина стека %s) заняли по %s КиБ резидентной памяти и %s КиБ кучи (их стеки живут в куче) и почти не заняли адресного пространства (%s КиБ на поток). %s платформенных потоков — по %s КиБ резидентной памяти, но по %s КиБ зарезервированного адресного пространства: это стек потока ОС (-Xss1m)."
                : "%s parked virtual threads (stack depth %s) took %s KiB resident and %s KiB of heap each (their stacks live in the heap) and almost no address space (%s KiB per thread). %s platform threads took %s KiB resident each but reserved %s KiB of address space each: the OS thread's stack (-Xss1m).")
                .formatted(n(v, l), depth, d(vRss, l), d(vHeap, l), d(vSize, l), n(p, l), d(pRss, l), d(pSize, l)));
        List<Claim> all = new ArrayList<>(claims);
        int goN = Math.min(v, 10_000);
        GoComparison goSide = tools.goComparison(all, () -> go.run("stack", List.of(goN, 1), Map.of()).flatMap(shallow ->
                go.run("stack", List.of(goN, 200), Map.of()).map(deep -> {
                    double shallowKib = Long.parseLong(shallow.get("stackinuse.added")) / 1024.0 / goN;
                    double deepKib = Long.parseLong(deep.get("stackinuse.added")) / 1024.0 / goN;
                    return new GoPart(List.of(
                            row("go.stackKibPerGoroutine", "Go: StackInuse на заблокированную горутину", "Go: StackInuse per blocked goroutine", round(shallowKib), "KiB"),
                            row("go.deepStackKibPerGoroutine", "Go: то же на глубине 200 кадров (стек вырос копированием)",
                                    "Go: the same 200 frames deep (the stack grew by copying)", round(deepKib), "KiB")),
                            List.of(claim("go.stackStartsSmallAndGrows", shallowKib <= 8 && deepKib > 2 * shallowKib,
                                    "Стек горутины начинается с нескольких КиБ и растёт по мере надобности",
                                    "A goroutine's stack starts at a few KiB and grows when needed",
                                    text(l -> (ru(l) ? "%s КиБ в начале, %s КиБ на глубине 200" : "%s KiB at first, %s KiB 200 frames deep")
                                            .formatted(d(shallowKib, l), d(deepKib, l))))));
                })));
        return new Measured(true, rows, List.of(), proof, all, List.of(flags(o)), goSide);
    }
}
