package io.demodeck.demo.catalog.timeslicing;

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

import static io.demodeck.demo.ChildJvm.ONE_CARRIER;
import static io.demodeck.demo.ChildJvm.TWO_CARRIERS;
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.d;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.round;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The time-slicing demo: virtual threads are not preempted; Go preempts goroutines asynchronously. */
public final class TimeSlicingDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("time-slicing",
            new Text("Квантование времени: вытеснение виртуальных потоков и горутин",
                    "Time slicing: preempting virtual threads and goroutines"),
            new Text("На одном носителе виртуальный поток-тикер спит по 5 мс, а другой виртуальный поток занимает процессор "
                            + "без блокировок: самый длинный промежуток между тиками. Виртуальные потоки не вытесняются; Go с 1.14 "
                            + "вытесняет горутины асинхронно (GOMAXPROCS=1, с GODEBUG=asyncpreemptoff=1 и без).",
                    "On one carrier a ticker virtual thread sleeps 5 ms at a time while another virtual thread keeps the CPU "
                            + "busy without blocking: the longest gap between ticks. Virtual threads are not preempted; Go has "
                            + "preempted goroutines asynchronously since 1.14 (GOMAXPROCS=1, with and without "
                            + "GODEBUG=asyncpreemptoff=1)."),
            new Size("busyMillis", 300, 1_000, 2_000, 2_000));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        GoToolchain go = tools.go();
        int busy = sizes.get("busyMillis");
        // a second carrier: the ticker runs beside the busy thread, so nothing is starved
        ChildJvm.Output o = child.run(Mode.TIME_SLICING, breaking ? TWO_CARRIERS : ONE_CARRIER, List.of(busy), null);
        double gapMs = o.number("ticker.maxGapMicros") / 1000.0;
        double gapBeforeMs = o.number("ticker.gapBeforeMicros") / 1000.0;
        List<Row> rows = List.of(
                row("parallelism", "Параллелизм (носителей)", "Parallelism (carriers)", o.number("parallelism"), ""),
                row("busyMillis", "Поток занимает процессор", "The busy thread spins for", (long) busy, "ms"),
                row("ticker.gapBeforeMs", "Тикер: наибольший промежуток до этого", "Ticker: longest gap before", round(gapBeforeMs), "ms"),
                row("ticker.maxGapMs", "Тикер: наибольший промежуток, пока поток занят", "Ticker: longest gap while the thread spins", round(gapMs), "ms"));
        List<Claim> claims = new ArrayList<>(List.of(claim("busyVirtualThreadStarvesOthers", gapMs >= 0.8 * busy,
                "Виртуальные потоки не вытесняются: занятый процессором поток не даёт другим работать на своём носителе",
                "Virtual threads are not time-sliced: a busy thread keeps the others off its carrier",
                text(l -> (ru(l) ? "параллелизм %s: тикер ждал до %s мс, пока поток %s мс занимал процессор"
                        : "parallelism %s: the ticker waited up to %s ms while a thread spun for %s ms")
                        .formatted(o.text("parallelism"), d(gapMs, l), busy)))));
        Text proof = text(l -> (ru(l)
                ? "Тикер спит по 5 мс (до этого наибольший промежуток %s мс). Пока другой виртуальный поток %s мс крутился без блокировок при параллелизме %s, наибольший промежуток тикера — %s мс: планировщик виртуальных потоков не отнимает носитель у работающего потока."
                : "The ticker sleeps 5 ms at a time (longest gap before: %s ms). While another virtual thread spun for %s ms without blocking, with parallelism %s, the ticker's longest gap was %s ms: the virtual-thread scheduler does not take the carrier away from a running thread.")
                .formatted(d(gapBeforeMs, l), busy, o.text("parallelism"), d(gapMs, l)));
        GoComparison goSide = tools.goComparison(claims, () -> go.run("preempt", List.of(busy), Map.of("GOMAXPROCS", "1")).flatMap(on ->
                go.run("preempt", List.of(busy), Map.of("GOMAXPROCS", "1", "GODEBUG", "asyncpreemptoff=1")).map(off -> {
                    double onMs = Long.parseLong(on.get("maxgap.micros")) / 1000.0;
                    double offMs = Long.parseLong(off.get("maxgap.micros")) / 1000.0;
                    // the loop is calibrated in iterations, so on a busy machine it lasts longer or shorter than asked
                    double onBusyMs = Long.parseLong(on.get("busy.micros")) / 1000.0;
                    double offBusyMs = Long.parseLong(off.get("busy.micros")) / 1000.0;
                    return new GoPart(List.of(
                            row("go.preempt.maxGapMs", "Go, GOMAXPROCS=1: наибольший промежуток тикера", "Go, GOMAXPROCS=1: the ticker's longest gap", round(onMs), "ms"),
                            row("go.noAsyncPreempt.maxGapMs", "Go, то же с GODEBUG=asyncpreemptoff=1", "Go, the same with GODEBUG=asyncpreemptoff=1", round(offMs), "ms")),
                            List.of(claim("go.asyncPreemption", onMs < onBusyMs / 2.0 && offMs >= 0.8 * offBusyMs,
                                    "Go вытесняет занятую горутину асинхронно (с 1.14); без этого цикл без вызовов занимает поток целиком",
                                    "Go preempts a busy goroutine asynchronously (since 1.14); without it a loop with no calls keeps the thread",
                                    text(l -> (ru(l) ? "цикл %s мс: тикер ждал %s мс; с asyncpreemptoff=1 цикл %s мс, тикер ждал %s мс"
                                            : "a %s ms loop: the ticker waited %s ms; with asyncpreemptoff=1 a %s ms loop, the ticker waited %s ms")
                                            .formatted(d(onBusyMs, l), d(onMs, l), d(offBusyMs, l), d(offMs, l))))));
                })));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(o)), goSide);
    }
}
