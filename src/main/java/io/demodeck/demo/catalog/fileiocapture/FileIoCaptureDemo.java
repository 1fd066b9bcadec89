package io.demodeck.demo.catalog.fileiocapture;

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
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;
import static io.demodeck.demo.Measured.unavailable;

/** The file-io-capture demo: a file read holds its carrier, a socket wait does not. */
public final class FileIoCaptureDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("file-io-capture",
            new Text("Файловый ввод-вывод захватывает носитель, сокет — нет",
                    "File I/O captures the carrier; a socket wait does not"),
            new Text("На двух носителях N виртуальных потоков блокируются в чтении из FIFO (файловый ввод-вывод), затем N — в "
                            + "чтении из сокетов. Через 300 мс: сколько дошло до чтения, сколько носителей и может ли ещё один "
                            + "виртуальный поток выполниться.",
                    "On two carriers, N virtual threads block reading a FIFO (file I/O), then N block reading sockets. After "
                            + "300 ms: how many got to their read, how many carriers exist, and whether one more virtual thread "
                            + "can run."),
            new Size("virtualThreads", 8, 16, 64, 64));

    /** Two carriers, and room for the scheduler to add more while carriers are captured. */
    private static final List<String> TWO_CARRIERS_GROWABLE = List.of("-Djdk.virtualThreadScheduler.parallelism=2");

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        // a tiny N: one reader fits on the two carriers, so capture cannot be told from no capture
        int v = breaking ? 1 : sizes.get("virtualThreads");
        ChildJvm.Output o = child.run(Mode.FILE_IO_CAPTURE, TWO_CARRIERS_GROWABLE, List.of(v), null);
        if (!"yes".equals(o.text("proc"))) {
            return unavailable(o);
        }
        long parallelism = o.number("parallelism");
        long fileReached = o.number("file.reached");
        long fileCarriers = o.number("file.carriers");
        boolean fileProbe = Boolean.parseBoolean(o.text("file.probeRan"));
        long socketReached = o.number("socket.reached");
        long socketCarriers = o.number("socket.carriers");
        boolean socketProbe = Boolean.parseBoolean(o.text("socket.probeRan"));
        boolean compensated = fileCarriers > parallelism;
        List<Row> rows = List.of(
                row("parallelism", "Параллелизм (носителей)", "Parallelism (carriers)", parallelism, ""),
                row("file.reached", "Чтение FIFO: дошли до чтения", "FIFO read: got to their read", fileReached, ""),
                row("file.carriers", "Чтение FIFO: носителей", "FIFO read: carriers", fileCarriers, ""),
                row("file.probeRan", "Чтение FIFO: ещё один виртуальный поток выполнился", "FIFO read: one more virtual thread ran", fileProbe, ""),
                row("socket.reached", "Чтение сокета: дошли до чтения", "Socket read: got to their read", socketReached, ""),
                row("socket.carriers", "Чтение сокета: носителей", "Socket read: carriers", socketCarriers, ""),
                row("socket.probeRan", "Чтение сокета: ещё один виртуальный поток выполнился", "Socket read: one more virtual thread ran", socketProbe, ""));
        List<Claim> claims = List.of(claim("fileReadCapturesSocketDoesNot",
                socketReached == v && socketProbe && fileReached <= fileCarriers && (!fileProbe || compensated),
                "Виртуальный поток, заблокированный в чтении файла, держит носитель; ждущий сокета — нет",
                "A virtual thread blocked in a file read holds its carrier; one waiting on a socket does not",
                text(l -> (ru(l) ? "%s потоков, %s носителя: FIFO — дошли %s, носителей %s, проба %s; сокеты — дошли %s, проба %s"
                        : "%s threads, %s carriers: FIFO: %s got there, %s carriers, probe %s; sockets: %s got there, probe %s")
                        .formatted(v, parallelism, fileReached, fileCarriers, fileProbe ? (ru(l) ? "выполнилась" : "ran") : (ru(l) ? "ждала" : "waited"),
                                socketReached, socketProbe ? (ru(l) ? "выполнилась" : "ran") : (ru(l) ? "ждала" : "waited")))));
        Text proof = text(l -> (ru(l)
                ? "%s виртуальных потоков читают FIFO на %s носителях: до чтения дошли %s, носителей стало %s, и ещё один виртуальный поток %s — %s. Те же %s потоков, ждущие сокетов, дошли до чтения все (%s), носителей %s, и ещё один поток %s: ожидание сокета снимает виртуальный поток с носителя (poller)."
                : "%s virtual threads read a FIFO on %s carriers: %s got to their read, there were %s carriers, and one more virtual thread %s: %s. The same %s threads waiting on sockets all got to their read (%s), with %s carriers, and one more thread %s: a socket wait unmounts the virtual thread (the poller takes over).")
                .formatted(v, parallelism, fileReached, fileCarriers,
                        fileProbe ? (ru(l) ? "выполнился" : "ran") : (ru(l) ? "не смог выполниться" : "could not run"),
                        compensated ? (ru(l) ? "планировщик добавил носители взамен захваченных" : "the scheduler added carriers for the captured ones")
                                : (ru(l) ? "каждое чтение файла держит свой носитель, и на этой JDK планировщик не добавил новых"
                                : "each file read holds its carrier, and on this JDK the scheduler added none"),
                        v, socketReached, socketCarriers, socketProbe ? (ru(l) ? "выполнился" : "ran") : (ru(l) ? "не смог" : "could not run")));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(o)), null);
    }
}
