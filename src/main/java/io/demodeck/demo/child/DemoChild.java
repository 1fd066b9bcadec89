package io.demodeck.demo.child;

import io.demodeck.demo.catalog.blocking.BlockingChild;
import io.demodeck.demo.catalog.carriers.CarriersChild;
import io.demodeck.demo.catalog.channels.ChannelsChild;
import io.demodeck.demo.catalog.contextswitch.ContextSwitchChild;
import io.demodeck.demo.catalog.crashisolation.CrashIsolationChild;
import io.demodeck.demo.catalog.creationcost.CreationCostChild;
import io.demodeck.demo.catalog.datarace.DataRaceChild;
import io.demodeck.demo.catalog.fileiocapture.FileIoCaptureChild;
import io.demodeck.demo.catalog.footprint.FootprintChild;
import io.demodeck.demo.catalog.isolation.IsolationChild;
import io.demodeck.demo.catalog.limits.LimitsChild;
import io.demodeck.demo.catalog.osthreads.OsThreadsChild;
import io.demodeck.demo.catalog.structuredcancel.StructuredCancelChild;
import io.demodeck.demo.catalog.threadanatomy.ThreadAnatomyChild;
import io.demodeck.demo.catalog.throughput.ThroughputChild;
import io.demodeck.demo.catalog.timeslicing.TimeSlicingChild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.demodeck.demo.child.ChildSupport.flush;
import static io.demodeck.demo.child.ChildSupport.put;

/**
 * The entry of the short-lived child JVM a demo run starts. It depends on the JDK only (no Quarkus), so the server
 * can start it with a class path of just the child classes ({@link #classes()}). It takes a fixed mode and integer
 * sizes, checks the sizes against the mode's {@link ChildProgram} again, and lets the program print {@code key=value}
 * lines on stdout; the server parses them.
 *
 * <p>Every thread a program starts is joined or released before it exits, and every wait has a deadline; the
 * server kills the child anyway after its wall-clock limit.
 */
public final class DemoChild {

    /**
     * Every child program, registered once under the mode the server starts it by. A demo's main mode has the name
     * of its {@code DemoCatalog} entry; a demo may add modes of its own (the JVMs it starts itself).
     */
    public enum Mode {
        CREATION_COST(new CreationCostChild()),
        OS_THREADS(new OsThreadsChild()),
        FOOTPRINT(new FootprintChild()),
        ISOLATION(new IsolationChild()),
        ISOLATION_CHILD(new IsolationChild.InFreshJvm()),
        DATA_RACE(new DataRaceChild()),
        CHANNELS(new ChannelsChild()),
        CARRIERS(new CarriersChild()),
        BLOCKING(new BlockingChild()),
        THREAD_ANATOMY(new ThreadAnatomyChild()),
        CONTEXT_SWITCH(new ContextSwitchChild()),
        TIME_SLICING(new TimeSlicingChild()),
        THROUGHPUT(new ThroughputChild()),
        CRASH_ISOLATION(new CrashIsolationChild()),
        CRASH_SELF(new CrashIsolationChild.CrashSelf()),
        EXIT_FROM_THREAD(new CrashIsolationChild.ExitFromThread()),
        STRUCTURED_CANCEL(new StructuredCancelChild()),
        FILE_IO_CAPTURE(new FileIoCaptureChild()),
        LIMITS(new LimitsChild());

        private final ChildProgram program;

        Mode(ChildProgram program) {
            this.program = program;
        }

        /** The mode as the command line names it: "creation-cost". */
        public String arg() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The program this mode runs. */
        public ChildProgram program() {
            return program;
        }
    }

    private DemoChild() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = parseMode(args);
        ChildProgram program = mode.program();
        int[] n = new int[program.sizeCount()];
        for (int i = 0; i < n.length; i++) {
            n[i] = Integer.parseInt(args[i + 1]);
            if (n[i] < 1 || n[i] > program.maxSize()) {
                throw new IllegalArgumentException("size out of range: " + n[i]);
            }
        }
        put("pid", ProcessHandle.current().pid());
        put("ppid", ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
        put("proc", Files.isDirectory(Path.of("/proc/self/task")) ? "yes" : "no");
        program.run(n);
        put("done", "yes");
        flush();
    }

    /**
     * The classes a child JVM loads: this entry, what the programs share, and every registered program (each with its
     * nested classes, which the server copies along).
     */
    public static Set<Class<?>> classes() {
        Set<Class<?>> classes = new LinkedHashSet<>(List.of(DemoChild.class, ChildProgram.class, ChildSupport.class));
        for (Mode mode : Mode.values()) {
            classes.add(mode.program().getClass());
        }
        return classes;
    }

    private static Mode parseMode(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("mode missing");
        }
        Mode mode = Arrays.stream(Mode.values()).filter(m -> m.arg().equals(args[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mode"));
        if (args.length != mode.program().sizeCount() + 1) {
            throw new IllegalArgumentException("expected " + mode.program().sizeCount() + " sizes");
        }
        return mode;
    }
}
