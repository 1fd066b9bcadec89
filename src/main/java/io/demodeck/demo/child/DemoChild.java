package io.demodeck.demo.child;

import io.demodeck.demo.catalog.fileiocapture.FileIoCaptureChild;
import io.demodeck.demo.catalog.limits.LimitsChild;
import io.demodeck.demo.catalog.structuredcancel.StructuredCancelChild;
import io.demodeck.demo.catalog.crashisolation.CrashIsolationChild;
import io.demodeck.demo.catalog.throughput.ThroughputChild;
import io.demodeck.demo.catalog.timeslicing.TimeSlicingChild;
import io.demodeck.demo.catalog.contextswitch.ContextSwitchChild;
import io.demodeck.demo.catalog.threadanatomy.ThreadAnatomyChild;
import io.demodeck.demo.catalog.blocking.BlockingChild;
import io.demodeck.demo.catalog.carriers.CarriersChild;
import io.demodeck.demo.catalog.channels.ChannelsChild;
import io.demodeck.demo.catalog.datarace.DataRaceChild;
import io.demodeck.demo.catalog.footprint.FootprintChild;
import io.demodeck.demo.catalog.osthreads.OsThreadsChild;
import io.demodeck.demo.catalog.creationcost.CreationCostChild;
import io.demodeck.demo.catalog.isolation.IsolationChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.awaitQuietly;
import static io.demodeck.demo.child.ChildSupport.flush;
import static io.demodeck.demo.child.ChildSupport.parallelism;
import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.putNow;
import static io.demodeck.demo.child.ChildSupport.settle;
import static io.demodeck.demo.child.ChildSupport.sleepQuietly;
import static io.demodeck.demo.child.ChildSupport.statusKb;
import static io.demodeck.demo.child.ChildSupport.taskCount;

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
     * Every child program, registered once under the mode the server starts it by; a demo's main mode has the name
     * of its {@code DemoCatalog} entry.
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

        final int argCount;
        final int maxValue;
        private final ChildProgram program;

        Mode(int argCount, int maxValue) {
            this.argCount = argCount;
            this.maxValue = maxValue;
            this.program = null;
        }

        Mode(ChildProgram program) {
            this.argCount = program.sizeCount();
            this.maxValue = program.maxSize();
            this.program = program;
        }

        public String arg() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
        int[] n = new int[mode.argCount];
        for (int i = 0; i < n.length; i++) {
            n[i] = Integer.parseInt(args[i + 1]);
            if (n[i] < 1 || n[i] > mode.maxValue) {
                throw new IllegalArgumentException("size out of range: " + n[i]);
            }
        }
        put("pid", ProcessHandle.current().pid());
        put("ppid", ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
        put("proc", Files.isDirectory(Path.of("/proc/self/task")) ? "yes" : "no");
        if (mode.program != null) {
            mode.program.run(n);
        } else {
            switch (mode) {
            }
        }
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
            if (mode.program != null) {
                classes.add(mode.program.getClass());
            }
        }
        return classes;
    }

    private static Mode parseMode(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("mode missing");
        }
        Mode mode = Arrays.stream(Mode.values()).filter(m -> m.arg().equals(args[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mode"));
        if (args.length != mode.argCount + 1) {
            throw new IllegalArgumentException("expected " + mode.argCount + " sizes");
        }
        return mode;
    }

}
