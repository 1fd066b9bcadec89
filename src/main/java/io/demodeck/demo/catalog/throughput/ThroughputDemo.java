package io.demodeck.demo.catalog.throughput;

import io.demodeck.demo.ChildJvm;
import io.demodeck.demo.Demo;
import io.demodeck.demo.DemoEntry;
import io.demodeck.demo.DemoEntry.Size;
import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.Row;
import io.demodeck.demo.DemoTools;
import io.demodeck.demo.Measured;
import io.demodeck.demo.Text;
import io.demodeck.demo.child.DemoChild.Mode;

import java.util.List;
import java.util.Map;

import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.d;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.ratio;
import static io.demodeck.demo.DemoMeasurements.round;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The throughput demo: a pool of platform threads against one virtual thread per task. */
public final class ThroughputDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("throughput",
            new Text("Пропускная способность: пул платформенных потоков против виртуального потока на задачу",
                    "Throughput: a pool of platform threads vs one virtual thread per task"),
            new Text("N задач, каждая ждёт 100 мс (как ввод-вывод), на пуле из 200 платформенных потоков и по одному "
                            + "виртуальному потоку на задачу; затем N/10 задач, занятых процессором по 2 мс, тем и другим способом.",
                    "N tasks that each wait 100 ms (like I/O), on a pool of 200 platform threads and on one virtual thread "
                            + "per task; then N/10 tasks that keep the CPU busy for 2 ms each, both ways."),
            new Size("tasks", 4_000, 6_000, 10_000, 10_000),
            new Size("platformPool", 200, 200, 200, 200),
            new Size("sleepMillis", 100, 100, 100, 100));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        int pool = sizes.get("platformPool");
        // a tiny N: no more tasks than pool threads, so no task waits for a thread and virtual threads win nothing
        int tasks = breaking ? pool : sizes.get("tasks");
        int sleep = sizes.get("sleepMillis");
        ChildJvm.Output o = child.run(Mode.THROUGHPUT, List.of(), List.of(tasks, pool, sleep), null);
        double platformMs = o.number("platform.sleep.nanos") / 1e6;
        double virtualMs = o.number("virtual.sleep.nanos") / 1e6;
        double platformCpuMs = o.number("platform.cpu.nanos") / 1e6;
        double virtualCpuMs = o.number("virtual.cpu.nanos") / 1e6;
        long cpuTasks = o.number("cpu.tasks");
        List<Row> rows = List.of(
                row("platform.sleepMs", "%s ждущих задач на пуле из %s платформенных потоков".formatted(n(tasks, "ru"), n(pool, "ru")),
                        "%s waiting tasks on a pool of %s platform threads".formatted(n(tasks, "en"), n(pool, "en")), round(platformMs), "ms"),
                row("virtual.sleepMs", "Те же задачи, по виртуальному потоку на задачу", "The same tasks, one virtual thread each", round(virtualMs), "ms"),
                row("platform.cpuMs", "%s задач на процессоре, пул".formatted(n(cpuTasks, "ru")), "%s CPU-bound tasks, pool".formatted(n(cpuTasks, "en")), round(platformCpuMs), "ms"),
                row("virtual.cpuMs", "Те же задачи на процессоре, виртуальные потоки", "The same CPU-bound tasks, virtual threads", round(virtualCpuMs), "ms"));
        double sleepGain = platformMs / virtualMs;
        double cpuGain = platformCpuMs / virtualCpuMs;
        // the pool must run the tasks in rounds of `pool`: that bound, not the other run, decides the claim
        long rounds = (tasks + pool - 1) / pool;
        long poolBoundMs = rounds * sleep;
        List<Claim> claims = List.of(
                claim("virtualWinsForWaitingTasks", platformMs >= 0.9 * poolBoundMs && virtualMs < poolBoundMs / 2.0,
                        "Для ждущих задач пул ограничен своими потоками (задачи идут раундами), а виртуальный поток на задачу справляется меньше чем за половину этого времени",
                        "For waiting tasks a pool is bounded by its threads (the tasks run in rounds), while one virtual thread per task needs less than half that time",
                        text(l -> (ru(l) ? "%s задач, пул из %s: %s раундов × %s мс = %s мс; пул — %s мс, виртуальные — %s мс"
                                : "%s tasks, a pool of %s: %s rounds × %s ms = %s ms; the pool took %s ms, virtual threads %s ms")
                                .formatted(n(tasks, l), n(pool, l), rounds, sleep, n(poolBoundMs, l), d(platformMs, l), d(virtualMs, l)))),
                claim("noGainForCpuBoundTasks", cpuGain < 1.5,
                        "Для задач, занятых процессором, виртуальные потоки не дают выигрыша (меньше 1,5 раза)",
                        "For CPU-bound tasks virtual threads give no gain (under 1.5×)",
                        text(l -> (ru(l) ? "пул: %s мс, виртуальные: %s мс" : "pool: %s ms, virtual: %s ms").formatted(d(platformCpuMs, l), d(virtualCpuMs, l)))));
        Text proof = text(l -> (ru(l)
                ? "%s задач по %s мс ожидания: пул из %s платформенных потоков выполнял их %s мс (задачи ждали свободный поток), по виртуальному потоку на задачу — %s мс. Для %s задач, занятых процессором, — %s мс против %s мс: ядер столько же, выигрыша нет. Виртуальные потоки дают масштаб, а не скорость."
                : "%s tasks waiting %s ms each: a pool of %s platform threads took %s ms (tasks waited for a free thread), one virtual thread per task took %s ms. For %s CPU-bound tasks: %s ms against %s ms: the cores are the same, there is no gain. Virtual threads give scale, not speed.")
                .formatted(n(tasks, l), sleep, n(pool, l), d(platformMs, l), d(virtualMs, l), n(cpuTasks, l), d(platformCpuMs, l), d(virtualCpuMs, l)));
        return new Measured(true, rows, List.of(ratio("waitingTasksPoolPerVirtual", "Ждущие задачи: пул / виртуальные",
                "Waiting tasks: pool / virtual", sleepGain)), proof, claims, List.of(flags(o)), null);
    }
}
