package io.demodeck.demo.catalog.crashisolation;

import io.demodeck.demo.ChildJvm;
import io.demodeck.demo.Demo;
import io.demodeck.demo.DemoEntry;
import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.Row;
import io.demodeck.demo.DemoTools;
import io.demodeck.demo.Measured;
import io.demodeck.demo.Text;
import io.demodeck.demo.child.DemoChild.Mode;

import java.util.List;
import java.util.Map;

import static io.demodeck.demo.ChildJvm.CONTROL;
import static io.demodeck.demo.DemoMeasurements.claim;
import static io.demodeck.demo.DemoMeasurements.flags;
import static io.demodeck.demo.DemoMeasurements.row;
import static io.demodeck.demo.DemoMeasurements.ru;
import static io.demodeck.demo.DemoMeasurements.text;

/** The crash-isolation demo: a crashing child process leaves its parent running; System.exit in a thread ends all. */
public final class CrashIsolationDemo implements Demo {

    private static final DemoEntry ENTRY = new DemoEntry("crash-isolation",
            new Text("Падение процесса и System.exit в потоке",
                    "A crashing process, and System.exit in a thread"),
            new Text("Процесс с тикающим потоком запускает дочерний процесс (новую JVM), который падает с SIGSEGV: родитель "
                            + "продолжает работать. Затем в другой JVM один поток вызывает System.exit(7), пока три потока "
                            + "работают: процесс завершается целиком, и ни один из них не доходит до конца.",
                    "A process with a ticking thread starts a child process (a fresh JVM) that crashes with SIGSEGV: the "
                            + "parent keeps running. Then, in another JVM, one thread calls System.exit(7) while three threads "
                            + "work: the whole process ends, and none of them reaches its end."));

    @Override
    public DemoEntry entry() {
        return ENTRY;
    }

    @Override
    public Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking) {
        ChildJvm child = tools.child();
        // the control run crashes a thread of the parent instead of a child process: the parent dies with it
        ChildJvm.Output parent = child.runToExit(Mode.CRASH_ISOLATION, breaking ? List.of(CONTROL) : List.of());
        ChildJvm.Output exiting = child.runToExit(Mode.EXIT_FROM_THREAD, List.of());
        boolean parentSurvived = parent.exitCode() == 0 && "true".equals(parent.values().get("parent.alive"));
        long beatsAfter = parent.has("heartbeat.afterCrash") ? parent.number("heartbeat.afterCrash") : 0;
        boolean crashReported = "true".equals(parent.values().get("crash.report"));
        String crashExit = parent.values().getOrDefault("crash.exit", "-");
        long workersDone = exiting.values().keySet().stream().filter(k -> k.startsWith("worker.")).count();
        boolean mainDone = exiting.has("main.afterWorkers");
        List<Row> rows = List.of(
                row("crash.in", "Где случилось падение", "Where the crash happened", parent.values().getOrDefault("crash.in", "-"), ""),
                row("crash.exit", "Код завершения упавшего дочернего процесса", "Exit code of the crashed child", crashExit, ""),
                row("crash.report", "Отчёт JVM об ошибке называет SIGSEGV", "The JVM's error report names SIGSEGV", crashReported, ""),
                row("parent.exit", "Код завершения родителя", "The parent's exit code", (long) parent.exitCode(), ""),
                row("parent.heartbeatsAfterCrash", "Тиков родителя после падения (за 100 мс)", "The parent's ticks after the crash (in 100 ms)", beatsAfter, ""),
                row("exit.code", "System.exit(7) в потоке: код завершения процесса", "System.exit(7) in a thread: the process's exit code", (long) exiting.exitCode(), ""),
                row("exit.workersDone", "Из 3 работавших потоков дошли до конца", "Of the 3 working threads, reached their end", workersDone, ""));
        List<Claim> claims = List.of(
                claim("childCrashLeavesParentRunning", parentSurvived && beatsAfter > 0 && crashReported,
                        "Падение дочернего процесса (SIGSEGV) не останавливает родителя",
                        "A child process that crashes (SIGSEGV) leaves the parent running",
                        text(l -> (ru(l) ? "дочерний завершился с кодом %s (SIGSEGV в отчёте: %s); родитель: код %s, тиков после падения %s"
                                : "the child ended with %s (SIGSEGV in its report: %s); the parent: exit %s, %s ticks after the crash")
                                .formatted(crashExit, crashReported, parent.exitCode(), beatsAfter))),
                claim("exitInOneThreadEndsAll", exiting.exitCode() == 7 && workersDone == 0 && !mainDone,
                        "System.exit в одном потоке завершает все потоки процесса",
                        "System.exit in one thread ends every thread of the process",
                        text(l -> (ru(l) ? "код завершения %s, потоков дошло до конца: %s из 3" : "exit code %s, %s of 3 threads reached their end")
                                .formatted(exiting.exitCode(), workersDone))));
        Text proof = text(l -> (ru(l)
                ? "Родитель (PID %s) с тикающим потоком запустил дочернюю JVM, которая записала в адрес 0 и упала (код %s, отчёт JVM называет SIGSEGV: %s); родитель тикнул ещё %s раз и завершился с кодом %s: у процессов разные адресные пространства. Во второй JVM поток вызвал System.exit(7): процесс завершился с кодом %s, и из трёх работавших потоков до конца дошло %s — выход касается всего процесса."
                : "The parent (PID %s), with a ticking thread, started a child JVM that wrote to address 0 and crashed (exit %s, the JVM's report names SIGSEGV: %s); the parent ticked %s more times and ended with %s: processes have separate address spaces. In a second JVM a thread called System.exit(7): the process ended with %s, and %s of the three working threads reached their end: exit is for the whole process.")
                .formatted(parent.pid(), crashExit, crashReported, beatsAfter, parent.exitCode(), exiting.exitCode(), workersDone));
        return new Measured(true, rows, List.of(), proof, claims, List.of(flags(parent), flags(exiting)), null);
    }
}
