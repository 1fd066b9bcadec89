package io.demodeck.demo.catalog.blocking;

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
import java.util.List;
import java.util.Map;

import static io.demodeck.demo.ChildJvm.ONE_CARRIER;
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.n;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The blocking demo: a blocked virtual thread frees its carrier; a native frame pins it. */
public final class BlockingDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("blocking",
            new Text("Блокировка освобождает носитель, нативный кадр его закрепляет",
                    "Blocking unmounts; a native frame pins"),
            new Text("N виртуальных потоков на одном носителе спят по 100 мс: просто, внутри synchronized и внутри обратного "
                            + "вызова из нативной функции qsort. Заблокированный поток освобождает носитель, закреплённый — нет.",
                    "N virtual threads on one carrier each sleep 100 ms: plainly, inside synchronized, and inside a callback "
                            + "from the native qsort function. A blocked thread frees its carrier; a pinned one does not."),
            new Size("virtualThreads", 5, 10, 20, 20));

    private static final String FFM_FLAG = "--enable-native-access=ALL-UNNAMED";

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        // a tiny N: one thread alone takes its 100 ms whether or not it frees the carrier
        int v = breaking ? 1 : sizes.get("virtualThreads");
        List<String> flags = new ArrayList<>(ONE_CARRIER);
        flags.add(FFM_FLAG);
        ChildJvm.Output o = child.run(Mode.BLOCKING, flags, List.of(v), null);
        long serial = v * 100L;
        long sleep = o.number("sleep.millis");
        long sync = o.number("synchronized.millis");
        boolean nativeMeasured = !"n/a".equals(o.text("native.millis"));
        long pinned = nativeMeasured ? o.number("native.millis") : -1;
        List<Row> rows = new ArrayList<>(List.of(
                row("serialMillis", "Если бы выполнялись по очереди: N × 100 мс", "If run one after another: N × 100 ms", serial, "ms"),
                row("sleep.millis", "sleep на одном носителе", "sleep on one carrier", sleep, "ms"),
                row("synchronized.millis", "sleep внутри synchronized", "sleep inside synchronized", sync, "ms")));
        List<Claim> claims = new ArrayList<>(List.of(claim("sleepUnmounts", sleep < serial * 0.7,
                "Уснувший виртуальный поток освобождает носитель: N снов по 100 мс на одном носителе идут одновременно",
                "A sleeping virtual thread frees its carrier: N sleeps of 100 ms on one carrier overlap",
                text(l -> (ru(l) ? "%s потоков: %s мс (по очереди — %s мс)" : "%s threads: %s ms (one after another: %s ms)")
                        .formatted(v, n(sleep, l), n(serial, l))))));
        if (nativeMeasured) {
            rows.add(row("native.millis", "sleep внутри нативного кадра (qsort)", "sleep inside a native frame (qsort)", pinned, "ms"));
            claims.add(claim("nativeFramePins", pinned >= serial * 0.9,
                    "Нативный кадр на стеке закрепляет поток на носителе: сны идут по очереди",
                    "A native frame on the stack pins the thread to its carrier: the sleeps run one after another",
                    text(l -> (ru(l) ? "%s мс при %s мс по очереди" : "%s ms against %s ms one after another").formatted(n(pinned, l), n(serial, l)))));
        }
        boolean syncPinned = sync >= serial * 0.8;
        Text proof = text(l -> {
            String a = (ru(l)
                    ? "%s виртуальных потоков, каждый спит 100 мс на одном носителе, закончили за %s мс (по очереди было бы %s мс). Сон внутри synchronized занял %s мс: %s."
                    : "%s virtual threads each sleeping 100 ms on one carrier finished in %s ms (one after another would be %s ms). Sleeping inside synchronized took %s ms: %s.")
                    .formatted(n(v, l), n(sleep, l), n(serial, l), n(sync, l), syncPinned
                            ? (ru(l) ? "закреплён (так было до JDK 24)" : "pinned (as before JDK 24)")
                            : (ru(l) ? "не закреплён (JEP 491, JDK 24+)" : "not pinned (JEP 491, JDK 24+)"));
            String b = nativeMeasured
                    ? (ru(l) ? " Сон внутри обратного вызова из нативной qsort занял %s мс."
                    : " Sleeping inside a callback from the native qsort took %s ms.").formatted(n(pinned, l))
                    : (ru(l) ? " Нативный вызов (FFM) недоступен в этой JVM: закрепление не показано." : " Native calls (FFM) are not available in this JVM: pinning not shown.");
            return a + b;
        });
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(o)), null);
    }
}
