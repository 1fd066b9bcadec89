package io.demodeck.demo.catalog.forkcow;

import io.demodeck.demo.CHelper;
import io.demodeck.demo.Demo;
import io.demodeck.demo.DemoEntry;
import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.Row;
import io.demodeck.demo.DemoTools;
import io.demodeck.demo.GoToolchain;
import io.demodeck.demo.Measured;
import io.demodeck.demo.Text;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The fork-cow demo: a fork child gets a copy-on-write copy of memory and one thread (the C helper runs it). */
public final class ForkCowDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("fork-cow",
            new Text("fork: копия памяти при записи, и один поток у потомка",
                    "fork: copy-on-write memory, and one thread in the child"),
            new Text("Небольшая программа на C (собирается один раз, без данных из запроса) с двумя потоками кладёт 42 в "
                            + "глобальную переменную и вызывает fork: потомок видит 42, пишет 99, а у родителя остаётся 42 — "
                            + "потомок получил копию-снимок памяти. У потомка многопоточного родителя один поток. Java так не "
                            + "умеет: она запускает новые программы (posix_spawn + exec), которые начинают с чистого образа.",
                    "A small C program (built once, no request data) with two threads puts 42 in a global variable and calls "
                            + "fork: the child sees 42, writes 99, and the parent still has 42: the child got a copy-on-write "
                            + "snapshot. The child of a multi-threaded parent has one thread. Java cannot do this: it starts new "
                            + "programs (posix_spawn + exec), which begin from a clean image."));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        CHelper c = tools.c();
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
}
