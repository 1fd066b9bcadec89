package io.demodeck.demo.catalog.creationcost;

import io.demodeck.demo.ChildJvm;
import io.demodeck.demo.Demo;
import io.demodeck.demo.DemoEntry;
import io.demodeck.demo.DemoEntry.Size;
import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.GoComparison;
import io.demodeck.demo.DemoResult.Ratio;
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
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.counted;
import static io.demodeck.demo.DemoMeasurements.d;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.ratio;
import static io.demodeck.demo.DemoMeasurements.round;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;
import static io.demodeck.demo.DemoMeasurements.times;

/** The creation-cost demo: starting and joining platform threads, virtual threads, processes (and goroutines). */
public final class CreationCostDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("creation-cost",
            new Text("Стоимость создания: виртуальные потоки, потоки ОС, процессы",
                    "Creation cost: virtual threads, OS threads, processes"),
            new Text("Запускаем и дожидаемся одного и того же числа N платформенных и виртуальных потоков и M дочерних процессов "
                            + "(/bin/true) в отдельной JVM и делим время (и процессорное время запускающего потока) на количество: "
                            + "стоимость одного в микросекундах и отношения. Один холодный прогон, затем медиана трёх. Рядом — "
                            + "столько же горутин Go.",
                    "A child JVM starts and joins the same number N of platform and of virtual threads, and M child processes "
                            + "(/bin/true), and divides the time (and the starting thread's CPU time) by the count: the cost of one, "
                            + "in microseconds, and the ratios. One cold round, then the median of three. Beside it, as many Go "
                            + "goroutines."),
            new Size("threads", 1_000, 2_000, 2_000, 2_000),
            new Size("processes", 20, 50, 100, 100));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        GoToolchain go = tools.go();
        int n = sizes.get("threads");
        int m = sizes.get("processes");
        // the control run starts platform threads on the "virtual" side too: then there is nothing to gain
        ChildJvm.Output o = child.run(Mode.CREATION_COST, breaking ? List.of(CONTROL) : List.of(), List.of(n, m), null);
        double platformUs = o.number("platform.nanos") / 1000.0 / n;
        double virtualUs = o.number("virtual.nanos") / 1000.0 / n;
        double platformCpuUs = o.number("platform.cpu.nanos") / 1000.0 / n;
        double virtualCpuUs = o.number("virtual.cpu.nanos") / 1000.0 / n;
        boolean processes = !"n/a".equals(o.text("process.nanos"));
        double processUs = processes ? o.number("process.nanos") / 1000.0 / m : Double.NaN;
        List<Row> rows = new ArrayList<>(List.of(
                row("platform.microsPerThread", "Платформенный поток: старт + join", "Platform thread: start + join",
                        round(platformUs), "µs"),
                row("virtual.microsPerThread", "Виртуальный поток: старт + join (столько же)",
                        "Virtual thread: start + join (as many)", round(virtualUs), "µs"),
                row("platform.cpuMicrosPerThread", "Платформенный: процессорное время запускающего потока",
                        "Platform: CPU time of the starting thread", round(platformCpuUs), "µs"),
                row("virtual.cpuMicrosPerThread", "Виртуальный: процессорное время запускающего потока",
                        "Virtual: CPU time of the starting thread", round(virtualCpuUs), "µs")));
        List<Ratio> ratios = new ArrayList<>(List.of(
                ratio("platformPerVirtual", "Платформенный / виртуальный (время)", "Platform / virtual (wall time)", platformUs / virtualUs),
                ratio("platformPerVirtualCpu", "Платформенный / виртуальный (процессор)", "Platform / virtual (CPU time)",
                        platformCpuUs / virtualCpuUs)));
        List<Claim> claims = new ArrayList<>();
        // decided on CPU time: on a busy machine wall time also counts waiting for a core. 5x, not 10x: quiet runs give
        // 20x and more, but 1,000 threads on two loaded cores measured as little as 9.8x (JIT still warming up)
        claims.add(claim("virtualAtLeast5xCheaper", platformCpuUs >= 5 * virtualCpuUs,
                "Виртуальный поток запустить и дождаться хотя бы в 5 раз дешевле по процессорному времени, чем платформенный (одинаковое N)",
                "A virtual thread is at least 5 times cheaper in CPU time to start and join than a platform thread (the same N)",
                text(l -> (ru(l) ? "%s каждого вида: платформенный %s мкс процессора (%s мкс времени), виртуальный %s мкс (%s мкс) — в %s"
                        : "%s threads of each kind: platform %s µs of CPU (%s µs wall), virtual %s µs (%s µs): %s×")
                        .formatted(ru(l) ? counted(n, "поток", "потока", "потоков") : n(n, l), d(platformCpuUs, l),
                                d(platformUs, l), d(virtualCpuUs, l), d(virtualUs, l),
                                ru(l) ? times(platformCpuUs / virtualCpuUs) : d(platformCpuUs / virtualCpuUs, l)))));
        if (processes) {
            rows.add(row("process.microsPerProcess", "Процесс: запуск + ожидание", "Process: start + wait",
                    round(processUs), "µs"));
            ratios.add(ratio("processPerPlatform", "Процесс / платформенный поток", "Process / platform thread",
                    processUs / platformUs));
            claims.add(claim("processDearerThanThread", processUs > platformUs,
                    "Процесс запустить дороже, чем платформенный поток", "A process costs more to start than a platform thread",
                    text(l -> (ru(l) ? "процесс %s мкс, платформенный поток %s мкс" : "process %s µs, platform thread %s µs")
                            .formatted(d(processUs, l), d(platformUs, l)))));
        }
        Text proof = text(l -> {
            String base = (ru(l)
                    ? "Запуск и join %s стоил %s мкс на поток, столько же виртуальных — %s мкс: платформенный поток дороже виртуального в %s."
                    : "Starting and joining %s platform threads cost %s µs per thread, as many virtual threads %s µs: a platform thread cost %s× a virtual one.")
                    .formatted(ru(l) ? counted(n, "платформенного потока", "платформенных потоков", "платформенных потоков")
                            : n(n, l), d(platformUs, l), d(virtualUs, l),
                            ru(l) ? times(platformUs / virtualUs) : d(platformUs / virtualUs, l));
            if (!processes) {
                return base + (ru(l) ? " /bin/true не найден: процессы не измерены." : " /bin/true not found: processes not measured.");
            }
            return base + (ru(l)
                    ? " Запуск %s процессов — %s мкс на процесс, в %s раз дороже платформенного потока: новый образ программы (clone, execve, wait)."
                    : " Starting %s processes cost %s µs per process, %s× a platform thread: a new program image (clone, execve, wait).")
                    .formatted(ru(l) ? counted(m, "процесса", "процессов", "процессов") : n(m, l), d(processUs, l),
                            ru(l) ? times(processUs / platformUs) : d(processUs / platformUs, l));
        });
        GoComparison goSide = tools.goComparison(claims, () -> go.run("creation", List.of(n), Map.of()).map(g -> {
            double goUs = Long.parseLong(g.get("goroutines.nanos")) / 1000.0 / n;
            return new GoPart(List.of(row("go.microsPerGoroutine", "Горутина: старт + ожидание (столько же)",
                    "Goroutine: start + wait (as many)", round(goUs), "µs")),
                    List.of(claim("go.goroutineAtLeast10xCheaperThanPlatform", platformUs >= 10 * goUs,
                            "Горутина хотя бы в 10 раз дешевле платформенного потока",
                            "A goroutine is at least 10 times cheaper than a platform thread",
                            text(l -> (ru(l) ? "горутина %s мкс, платформенный поток %s мкс" : "goroutine %s µs, platform thread %s µs")
                                    .formatted(d(goUs, l), d(platformUs, l))))));
        }));
        return new Measured(true, rows, ratios, proof, claims, List.of(flags(o)), goSide);
    }
}
