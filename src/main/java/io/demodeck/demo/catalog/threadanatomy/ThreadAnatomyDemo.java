package io.demodeck.demo.catalog.threadanatomy;

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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.demodeck.demo.ChildJvm.ONE_CARRIER;
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;
import static io.demodeck.demo.Measured.NOT_ON_THIS_OS;

/** The thread-anatomy demo: threads share the PID and the heap, each has its own TID and stack. */
public final class ThreadAnatomyDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("thread-anatomy",
            new Text("Анатомия потока: общий PID и куча, свои TID и стек",
                    "Thread anatomy: shared PID and heap, own TID and stack"),
            new Text("N платформенных потоков, живых одновременно, сообщают PID процесса, свой TID из /proc/thread-self, адрес "
                            + "своего стека (указатель стека из /proc/thread-self/syscall) и идентичность одного общего объекта в куче.",
                    "N platform threads, all alive at once, report the process's PID, their TID from /proc/thread-self, the "
                            + "address of their stack (the stack pointer from /proc/thread-self/syscall) and the identity of one "
                            + "shared heap object."),
            new Size("platformThreads", 4, 8, 16, 64));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        int t = sizes.get("platformThreads");
        // as virtual threads on one carrier: they share one OS thread, so they cannot show N TIDs and N stacks
        List<String> flags = new ArrayList<>();
        if (breaking) {
            flags.addAll(ONE_CARRIER);
            flags.add("-Ddemodeck.virtual=true");
        }
        ChildJvm.Output o = child.run(Mode.THREAD_ANATOMY, flags, List.of(t), null);
        Set<Long> pids = new LinkedHashSet<>();
        Set<Long> tids = new LinkedHashSet<>();
        List<Long> stacks = new ArrayList<>();
        Set<String> heapIds = new LinkedHashSet<>();
        for (int i = 0; i < t; i++) {
            String[] parts = o.text("thread." + i).split(";");
            pids.add(Long.parseLong(parts[0]));
            tids.add(Long.parseLong(parts[1]));
            stacks.add(Long.parseLong(parts[2]));
            heapIds.add(parts[3]);
        }
        boolean tidsKnown = !tids.contains(-1L);
        boolean stacksKnown = !stacks.contains(-1L);
        List<Long> sorted = stacks.stream().sorted().toList();
        long minGap = Long.MAX_VALUE;
        for (int i = 1; i < sorted.size(); i++) {
            minGap = Math.min(minGap, sorted.get(i) - sorted.get(i - 1));
        }
        long minGapKib = sorted.size() < 2 ? 0 : minGap / 1024;
        long distinctStacks = stacks.stream().distinct().count();
        String tidList = tids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String stackList = stacks.stream().map(a -> "0x" + Long.toHexString(a)).collect(Collectors.joining(", "));
        List<Row> rows = List.of(
                row("kind", "Потоки", "Threads", o.text("kind"), ""),
                row("distinctPids", "Разных PID у потоков", "Distinct PIDs across the threads", (long) pids.size(), ""),
                row("pid", "PID", "PID", pids.iterator().next(), ""),
                row("distinctThreadIds", "Разных TID (/proc/thread-self)", "Distinct TIDs (/proc/thread-self)",
                        tidsKnown ? (Object) (long) tids.size() : NOT_ON_THIS_OS.en(), ""),
                row("threadIds", "TID", "TIDs", tidsKnown ? tidList : "-", ""),
                row("distinctStacks", "Разных указателей стека", "Distinct stack pointers", stacksKnown ? (Object) distinctStacks : "-", ""),
                row("stackPointers", "Указатели стека (/proc/thread-self/syscall)", "Stack pointers (/proc/thread-self/syscall)",
                        stacksKnown ? stackList : "-", ""),
                row("minStackGapKib", "Наименьшее расстояние между стеками", "Smallest distance between the stacks", stacksKnown ? (Object) minGapKib : "-", "KiB"),
                row("distinctHeapObjects", "Разных идентичностей общего объекта", "Distinct identities of the shared object", (long) heapIds.size(), ""));
        long finalMinGapKib = minGapKib;
        List<Claim> claims = List.of(
                claim("shareProcessAndHeap", pids.size() == 1 && heapIds.size() == 1,
                        "Все потоки в одном процессе и видят один и тот же объект в куче",
                        "All threads are in one process and see the same heap object",
                        text(l -> (ru(l) ? "разных PID: %s, разных идентичностей объекта: %s" : "distinct PIDs: %s, distinct object identities: %s")
                                .formatted(pids.size(), heapIds.size()))),
                claim("ownTidAndStack", tidsKnown && tids.size() == t && (!stacksKnown || (distinctStacks == t && finalMinGapKib >= 64)),
                        "У каждого потока свой TID и свой стек в своей области памяти",
                        "Each thread has its own TID and its own stack in its own memory region",
                        text(l -> (ru(l) ? "%s потоков: разных TID %s, разных указателей стека %s, наименьшее расстояние %s КиБ"
                                : "%s threads: %s distinct TIDs, %s distinct stack pointers, smallest distance %s KiB")
                                .formatted(t, tidsKnown ? tids.size() : "-", stacksKnown ? distinctStacks : "-", stacksKnown ? finalMinGapKib : "-"))));
        Text proof = text(l -> (ru(l)
                ? "%s потоков (%s), живых одновременно: разных PID %s (PID %s), общий объект в куче у всех один (разных идентичностей: %s) — процесс и куча общие. TID: %s; указатели стека: %s (наименьшее расстояние %s КиБ) — у каждого потока ОС свой стек."
                : "%s threads (%s), all alive at once: %s distinct PID(s) (PID %s), and every thread saw the same shared heap object (distinct identities: %s): one process, one heap. TIDs: %s; stack pointers: %s (smallest distance %s KiB): each OS thread has its own stack.")
                .formatted(t, o.text("kind"), pids.size(), pids.iterator().next(), heapIds.size(), tidsKnown ? tidList : "-",
                        stacksKnown ? stackList : "-", stacksKnown ? finalMinGapKib : "-"));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(o)), null);
    }
}
