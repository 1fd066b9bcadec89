package io.demodeck.demo.catalog.limits;

import io.demodeck.demo.ChildJvm;
import io.demodeck.demo.Demo;
import io.demodeck.demo.DemoEntry;
import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.Row;
import io.demodeck.demo.DemoTools;
import io.demodeck.demo.Measured;
import io.demodeck.demo.Text;
import io.demodeck.demo.child.DemoChild.Mode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;
import static io.demodeck.demo.Measured.unavailable;

/** The limits demo: what bounds the number of threads a process may create, read on the live system. */
public final class LimitsDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("limits",
            new Text("Сколько потоков может создать процесс и что его ограничивает",
                    "How many threads a process may create, and what limits it"),
            new Text("Читаем на живой системе: kernel.threads-max, kernel.pid_max, vm.max_map_count (у каждого потока стек и "
                            + "защитная страница — отображения), pids.max cgroup процесса и RLIMIT_NPROC, и сколько из этого уже занято.",
                    "Reads the live system: kernel.threads-max, kernel.pid_max, vm.max_map_count (each thread's stack and guard "
                            + "page are mappings), the process's cgroup pids.max and RLIMIT_NPROC, and how much of each is in use."));

    /** The platform threads the largest preset starts in one process. */
    private static final int LARGEST_PRESET_THREADS = 2_000;

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        ChildJvm.Output o = child.run(Mode.LIMITS, List.of(), List.of(), null);
        if (!"yes".equals(o.text("proc"))) {
            return unavailable(o);
        }
        long systemTasks = parseOr(o.text("systemTasks"), 0);
        Map<String, Long> headroom = new LinkedHashMap<>();
        headroom.put("kernel.threads-max", parseOr(o.text("threadsMax"), Long.MAX_VALUE) - systemTasks);
        headroom.put("kernel.pid_max", parseOr(o.text("pidMax"), Long.MAX_VALUE) - systemTasks);
        headroom.put("vm.max_map_count", (parseOr(o.text("maxMapCount"), Long.MAX_VALUE) - o.number("mapsNow")) / 2);
        String pidsMax = o.text("cgroup.pidsMax");
        if (!"n/a".equals(pidsMax) && !"max".equals(pidsMax)) {
            headroom.put("cgroup pids.max", parseOr(pidsMax, Long.MAX_VALUE) - parseOr(o.text("cgroup.pidsCurrent"), 0));
        }
        String nproc = o.text("nprocSoft");
        if (!"unlimited".equals(nproc) && !"n/a".equals(nproc)) {
            headroom.put("RLIMIT_NPROC", parseOr(nproc, Long.MAX_VALUE));
        }
        var tightest = headroom.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        // the breaking setting asks for one thread more than the tightest limit leaves
        long required = breaking ? tightest.getValue() + 1 : LARGEST_PRESET_THREADS;
        List<Row> rows = new ArrayList<>(List.of(
                row("threadsMax", "kernel.threads-max (все потоки системы)", "kernel.threads-max (all threads of the system)", o.text("threadsMax"), ""),
                row("pidMax", "kernel.pid_max (каждому потоку — свой TID)", "kernel.pid_max (each thread takes a TID)", o.text("pidMax"), ""),
                row("systemTasks", "Потоков в системе сейчас", "Threads in the system now", o.text("systemTasks"), ""),
                row("maxMapCount", "vm.max_map_count (стек и защитная страница — отображения)", "vm.max_map_count (stack and guard page are mappings)", o.text("maxMapCount"), ""),
                row("mapsNow", "Отображений у процесса сейчас", "Mappings of the process now", o.number("mapsNow"), ""),
                row("cgroup.pidsMax", "pids.max cgroup процесса", "pids.max of the process's cgroup", pidsMax, ""),
                row("nprocSoft", "RLIMIT_NPROC (ulimit -u)", "RLIMIT_NPROC (ulimit -u)", nproc, "")));
        headroom.forEach((k, v) -> rows.add(row("headroom." + k, "Запас по " + k, "Headroom under " + k, v, "")));
        List<Claim> claims = List.of(claim("roomForTheLargestPreset", tightest.getValue() >= required,
                "Процесс может создать ещё %s потоков: ни один предел не ближе".formatted(n(required, "ru")),
                "The process may create %s more threads: no limit is closer".formatted(n(required, "en")),
                text(l -> (ru(l) ? "ближайший предел — %s, запас %s" : "the tightest limit is %s, headroom %s")
                        .formatted(tightest.getKey(), n(tightest.getValue(), l)))));
        Text proof = text(l -> (ru(l)
                ? "Потоки процесса ограничены сразу несколькими пределами: kernel.threads-max = %s и kernel.pid_max = %s на всю систему (сейчас в ней %s потоков), vm.max_map_count = %s отображений на процесс (у каждого потока стек и защитная страница), pids.max cgroup = %s и RLIMIT_NPROC = %s. Ближайший — %s: запас %s потоков. Раньше этих пределов обычно кончается память под стеки."
                : "A process's threads are bounded by several limits at once: kernel.threads-max = %s and kernel.pid_max = %s for the whole system (%s threads in it now), vm.max_map_count = %s mappings per process (each thread has a stack and a guard page), the cgroup's pids.max = %s and RLIMIT_NPROC = %s. The tightest is %s: headroom of %s threads. Memory for the stacks often runs out before these limits.")
                .formatted(o.text("threadsMax"), o.text("pidMax"), o.text("systemTasks"), o.text("maxMapCount"), pidsMax, nproc,
                        tightest.getKey(), n(tightest.getValue(), l)));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(o)), null);
    }

    private static long parseOr(String s, long fallback) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
