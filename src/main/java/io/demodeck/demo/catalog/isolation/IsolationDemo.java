package io.demodeck.demo.catalog.isolation;

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
import java.util.List;
import java.util.Map;

import static io.demodeck.demo.ChildJvm.CONTROL;
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The isolation demo: a thread shares the parent's memory, a child process (a fresh JVM) does not. */
public final class IsolationDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("isolation",
            new Text("Изоляция: поток видит память родителя, процесс — нет",
                    "Isolation: a thread shares the parent's memory, a process does not"),
            new Text("Родитель кладёт 42 в статическое поле. Поток выполняет метод, который читает и пишет это поле: видит 42, "
                            + "пишет 43, и родитель видит 43. Затем тот же класс с тем же методом и полем запускается дочерним "
                            + "процессом — новой JVM: она начинает с чистого образа и видит 0 (не 42 и не 43), получает 43 только "
                            + "через канал (stdin), пишет 99, а у родителя остаётся 43. Копию-снимок памяти даёт только fork без exec.",
                    "The parent puts 42 in a static field. A thread runs a method that reads and writes that field: it sees 42, "
                            + "writes 43, and the parent sees 43. Then the same class, with the same method and field, runs as a "
                            + "child process, a fresh JVM: it starts from a clean image and sees 0 (not 42, not 43), gets 43 only "
                            + "through a pipe (stdin), writes 99, and the parent still has 43. Only fork without exec gives a "
                            + "copy-on-write snapshot."));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        // the control run gives the "child" part to a second thread: it shares the field, so isolation cannot hold
        ChildJvm.Output o = child.run(Mode.ISOLATION, breaking ? List.of(CONTROL) : List.of(), List.of(), null);
        long parentPid = o.number("pid");
        long threadSaw = o.number("thread.saw");
        long afterThread = o.number("parent.afterThread");
        long childPid = o.number("child.pid");
        long childSaw = o.number("child.saw");
        long childReceived = o.number("child.received");
        long childWrote = o.number("child.wrote");
        long afterChild = o.number("parent.afterChild");
        List<Row> rows = new ArrayList<>(List.of(
                row("parent.pid", "PID родителя", "Parent PID", parentPid, ""),
                row("parent.set", "Родитель записал в поле", "The parent wrote to the field", o.number("parent.set"), ""),
                row("thread.saw", "Поток увидел в поле", "The thread saw in the field", threadSaw, ""),
                row("parent.afterThread", "Родитель после записи потока (43)", "The parent after the thread wrote 43", afterThread, ""),
                row("child.pid", "PID дочернего процесса", "Child process PID", childPid, "")));
        if (o.has("child.ppid")) {
            rows.add(row("child.ppid", "Родительский PID дочернего процесса", "The child's parent PID", o.number("child.ppid"), ""));
        }
        rows.addAll(List.of(
                row("child.saw", "Дочерний процесс увидел в том же поле", "The child process saw in the same field", childSaw, ""),
                row("child.received", "Получено дочерним процессом через канал", "Received by the child through a pipe", childReceived, ""),
                row("child.wrote", "Дочерний процесс записал", "The child process wrote", childWrote, ""),
                row("parent.afterChild", "Поле родителя после записи дочернего", "The parent's field after the child's write", afterChild, "")));
        List<Claim> claims = List.of(
                claim("threadShares", threadSaw == 42 && afterThread == 43,
                        "Поток видит поле родителя, и его запись видна родителю",
                        "A thread sees the parent's field, and the parent sees its write",
                        text(l -> (ru(l) ? "поток увидел %s, родитель после записи — %s" : "the thread saw %s, the parent then had %s")
                                .formatted(threadSaw, afterThread))),
                claim("processIsolated", childPid != parentPid && childSaw == 0 && afterChild == 43,
                        "Дочерний процесс (новая JVM) начинает с чистого образа, и его запись родитель не видит",
                        "A child process (a fresh JVM) starts from a clean image, and the parent does not see its write",
                        text(l -> (ru(l) ? "PID %s ≠ %s; дочерний увидел %s (не 42 и не 43), записал %s; у родителя осталось %s"
                                : "PID %s ≠ %s; the child saw %s (not 42, not 43), wrote %s; the parent still had %s")
                                .formatted(childPid, parentPid, childSaw, childWrote, afterChild))));
        Text proof = text(l -> (ru(l)
                ? "Родитель (PID %s) записал 42. Поток выполнил тот же метод над тем же полем: увидел %s, записал 43, и родитель увидел %s — память общая. Дочерний процесс (PID %s) выполнил тот же код над тем же полем и увидел %s: новая JVM начинает с чистого образа, а не с копии памяти родителя (копию-снимок дал бы только fork без exec). Значение %s пришло к нему только через канал (stdin); он записал %s, а у родителя осталось %s."
                : "The parent (PID %s) wrote 42. A thread ran the same method on the same field: it saw %s, wrote 43, and the parent saw %s: shared memory. The child process (PID %s) ran the same code on the same field and saw %s: a fresh JVM starts from a clean image, not from a copy of the parent's memory (only fork without exec gives a snapshot copy). The value %s reached it only through a pipe (stdin); it wrote %s, and the parent still had %s.")
                .formatted(parentPid, threadSaw, afterThread, childPid, childSaw, childReceived, childWrote, afterChild));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(o)), null);
    }
}
