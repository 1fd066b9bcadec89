package io.demodeck.demo.catalog.contextswitch;

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

import static io.demodeck.demo.ChildJvm.CONTROL;
import static io.demodeck.demo.ChildJvm.ONE_CARRIER;
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.d;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.ratio;
import static io.demodeck.demo.DemoMeasurements.round;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;
import static io.demodeck.demo.Measured.unavailable;

/** The context-switch demo: a hand-off between OS threads is a kernel switch, between virtual threads it is not. */
public final class ContextSwitchDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("context-switch",
            new Text("Переключение контекста: потоки ОС против виртуальных потоков",
                    "Context switch: OS threads vs virtual threads"),
            new Text("Два потока N раз передают друг другу ход (park/unpark): сначала два платформенных потока, затем два "
                            + "виртуальных на одном носителе. Время на обмен и счётчики voluntary_ctxt_switches из /proc; рядом — "
                            + "две горутины через небуферизованные каналы.",
                    "Two threads hand a turn to each other N times (park/unpark): first two platform threads, then two virtual "
                            + "threads on one carrier. Time per round trip and the voluntary_ctxt_switches counters from /proc; "
                            + "beside them, two goroutines over unbuffered channels."),
            new Size("roundTrips", 20_000, 100_000, 200_000, 200_000));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        GoToolchain go = tools.go();
        int n = sizes.get("roundTrips");
        List<String> flags = new ArrayList<>(ONE_CARRIER);
        if (breaking) {
            flags.add(CONTROL); // the control run: the second pair is platform threads too
        }
        ChildJvm.Output o = child.run(Mode.CONTEXT_SWITCH, flags, List.of(n), null);
        if (!"yes".equals(o.text("proc"))) {
            return unavailable(o);
        }
        double platformNs = o.number("platform.nanos") / (double) n;
        double virtualNs = o.number("virtual.nanos") / (double) n;
        double platformSwitches = o.number("platform.ownSwitches") / (double) n;
        // a platform pair's threads are gone when the run ends, so their own counters count; carriers outlive the run
        double virtualSwitches = (breaking ? o.number("virtual.ownSwitches") : o.number("virtual.processSwitches")) / (double) n;
        List<Row> rows = List.of(
                row("platform.nanosPerRoundTrip", "Платформенные потоки: на обмен", "Platform threads: per round trip", round(platformNs), "ns"),
                row("platform.switchesPerRoundTrip", "Платформенные: переключений контекста ОС на обмен", "Platform: OS context switches per round trip", round(platformSwitches), ""),
                row("virtual.nanosPerRoundTrip", "Виртуальные потоки (один носитель): на обмен", "Virtual threads (one carrier): per round trip", round(virtualNs), "ns"),
                row("virtual.switchesPerRoundTrip", "Виртуальные: переключений контекста ОС на обмен", "Virtual: OS context switches per round trip", round(virtualSwitches), ""));
        List<Claim> claims = new ArrayList<>(List.of(claim("virtualSwitchNeedsNoOsSwitch", platformSwitches >= 0.5 && virtualSwitches <= 0.05,
                "Обмен между платформенными потоками — это переключения контекста ОС, между виртуальными на одном носителе — нет",
                "A hand-off between platform threads is an OS context switch; between virtual threads on one carrier it is not",
                text(l -> (ru(l) ? "%s обменов: платформенные %s переключений на обмен, виртуальные %s"
                        : "%s round trips: platform %s switches per round trip, virtual %s")
                        .formatted(n(n, l), d(platformSwitches, l), d(virtualSwitches, l))))));
        Text proof = text(l -> (ru(l)
                ? "%s обменов ходом: два платформенных потока — %s нс на обмен и %s добровольных переключений контекста ОС (voluntary_ctxt_switches) на обмен; два виртуальных потока на одном носителе — %s нс и %s переключений: планировщик JVM переключает их сам, не усыпляя поток ОС."
                : "%s hand-offs: two platform threads took %s ns per round trip and %s voluntary OS context switches (voluntary_ctxt_switches) per round trip; two virtual threads on one carrier took %s ns and %s switches: the JVM's scheduler switches them itself, without putting an OS thread to sleep.")
                .formatted(n(n, l), d(platformNs, l), d(platformSwitches, l), d(virtualNs, l), d(virtualSwitches, l)));
        GoComparison goSide = tools.goComparison(claims, () -> go.run("pingpong", List.of(n), Map.of("GOMAXPROCS", "1")).map(g -> {
            double goNs = Long.parseLong(g.get("nanos")) / (double) n;
            double goSwitches = Long.parseLong(g.get("switches")) / (double) n;
            return new GoPart(List.of(
                    row("go.nanosPerRoundTrip", "Go, GOMAXPROCS=1: две горутины, на обмен", "Go, GOMAXPROCS=1: two goroutines, per round trip", round(goNs), "ns"),
                    row("go.switchesPerRoundTrip", "Go: переключений контекста ОС на обмен", "Go: OS context switches per round trip", round(goSwitches), "")),
                    List.of(claim("go.goroutineSwitchNeedsNoOsSwitch", goSwitches <= 0.05,
                            "Обмен между горутинами при GOMAXPROCS=1 не требует переключения контекста ОС",
                            "A hand-off between goroutines with GOMAXPROCS=1 needs no OS context switch",
                            text(l -> (ru(l) ? "%s переключений на обмен" : "%s switches per round trip").formatted(d(goSwitches, l))))));
        }));
        return new Measured(true, rows, List.of(ratio("platformPerVirtual", "Время обмена: платформенные / виртуальные",
                "Round trip: platform / virtual", platformNs / virtualNs)), proof, claims, List.of(flags(o)), goSide);
    }
}
