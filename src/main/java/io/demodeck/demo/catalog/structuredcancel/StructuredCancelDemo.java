package io.demodeck.demo.catalog.structuredcancel;

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
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.d;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.round;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The structured-cancel demo: a failing subtask cancels its siblings (and Go's context does the same). */
public final class StructuredCancelDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("structured-cancel",
            new Text("Структурная отмена: упавшая подзадача отменяет соседей",
                    "Structured cancellation: a failing subtask cancels its siblings"),
            new Text("Подзадача падает через 50 мс, а её N соседей работали бы 1 с. Область (как StructuredTaskScope, "
                            + "который в JDK 25 ещё preview) при первой ошибке прерывает соседей и ждёт их; рядом — Go с context.",
                    "One subtask fails after 50 ms while its N siblings would run 1 s. The scope (like StructuredTaskScope, "
                            + "still a preview in JDK 25) interrupts the siblings at the first failure and joins them; beside "
                            + "it, Go with context."),
            new Size("siblings", 4, 16, 64, 64));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        GoToolchain go = tools.go();
        int siblings = sizes.get("siblings");
        // the control run only joins: nobody cancels the siblings, so the scope waits for all of them
        ChildJvm.Output o = child.run(Mode.STRUCTURED_CANCEL, breaking ? List.of(CONTROL) : List.of(), List.of(siblings), null);
        double failedMs = o.number("failure.micros") / 1000.0;
        double joinedMs = o.number("joined.micros") / 1000.0;
        long interrupted = o.number("siblings.interrupted");
        long completed = o.number("siblings.completed");
        List<Row> rows = List.of(
                row("failureMs", "Подзадача упала на", "The subtask failed at", round(failedMs), "ms"),
                row("joinedMs", "Область завершилась на", "The scope ended at", round(joinedMs), "ms"),
                row("siblings.interrupted", "Соседей прервано", "Siblings interrupted", interrupted, ""),
                row("siblings.completed", "Соседей доработало до конца (1 с)", "Siblings that ran to the end (1 s)", completed, ""));
        List<Claim> claims = new ArrayList<>(List.of(claim("failureCancelsSiblings", interrupted == siblings && joinedMs - failedMs < 500,
                "Когда одна подзадача падает, область отменяет её соседей и сразу завершается",
                "When one subtask fails, the scope cancels its siblings and ends at once",
                text(l -> (ru(l) ? "прервано %s из %s; область завершилась через %s мс после ошибки"
                        : "%s of %s interrupted; the scope ended %s ms after the failure")
                        .formatted(interrupted, siblings, d(joinedMs - failedMs, l))))));
        Text proof = text(l -> (ru(l)
                ? "Подзадача упала на %s мс; из %s соседей (каждый работал бы 1 с) прервано %s, доработало %s, и область завершилась на %s мс: ошибка одной подзадачи отменяет остальные, и ни одна не переживает область."
                : "The subtask failed at %s ms; of %s siblings (each would run 1 s) %s were interrupted and %s ran to the end, and the scope ended at %s ms: one subtask's failure cancels the rest, and none outlives the scope.")
                .formatted(d(failedMs, l), siblings, interrupted, completed, d(joinedMs, l)));
        GoComparison goSide = tools.goComparison(claims, () -> go.run("cancel", List.of(siblings), Map.of()).map(g -> {
            double goFailed = Long.parseLong(g.get("failure.micros")) / 1000.0;
            double goJoined = Long.parseLong(g.get("joined.micros")) / 1000.0;
            long goCancelled = Long.parseLong(g.get("siblings.cancelled"));
            return new GoPart(List.of(
                    row("go.joinedMs", "Go (context.WithCancel + WaitGroup): все вернулись на", "Go (context.WithCancel + WaitGroup): all returned at", round(goJoined), "ms"),
                    row("go.siblings.cancelled", "Go: соседей отменено через ctx.Done()", "Go: siblings cancelled through ctx.Done()", goCancelled, "")),
                    List.of(claim("go.contextCancelsSiblings", goCancelled == siblings && goJoined - goFailed < 500,
                            "В Go отмена context останавливает соседей", "In Go, cancelling the context stops the siblings",
                            text(l -> (ru(l) ? "отменено %s из %s за %s мс" : "%s of %s cancelled within %s ms")
                                    .formatted(goCancelled, siblings, d(goJoined - goFailed, l))))));
        }));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(o)), goSide);
    }
}
