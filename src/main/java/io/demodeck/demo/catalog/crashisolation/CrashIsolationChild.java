package io.demodeck.demo.catalog.crashisolation;

import io.demodeck.demo.child.ChildProgram;
import io.demodeck.demo.child.DemoChild;
import io.demodeck.demo.child.DemoChild.Mode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.control;
import static io.demodeck.demo.child.ChildSupport.flush;
import static io.demodeck.demo.child.ChildSupport.put;
import static io.demodeck.demo.child.ChildSupport.putNow;
import static io.demodeck.demo.child.ChildSupport.sleepQuietly;

/** The crash-isolation demo in the child JVM: a parent whose child JVM crashes, and a thread calling System.exit. */
public final class CrashIsolationChild extends ChildProgram {

    public CrashIsolationChild() {
        super(0, 0);
    }

    @Override
    public void run(int[] sizes) throws Exception {
        crashIsolation();
    }

    /** The fresh JVM that crashes: it writes to address 0. */
    public static final class CrashSelf extends ChildProgram {

        public CrashSelf() {
            super(0, 0); // a fresh JVM that crashes with SIGSEGV (started by CRASH_ISOLATION)
        }

        @Override
        public void run(int[] sizes) throws Exception {
            crashSelf();
        }
    }

    /** The second JVM: a thread calls System.exit while three others work. */
    public static final class ExitFromThread extends ChildProgram {

        public ExitFromThread() {
            super(0, 0); // a thread calls System.exit while others work
        }

        @Override
        public void run(int[] sizes) throws Exception {
            exitFromThread();
        }
    }

    /**
     * A heartbeat thread ticks; a child process (a fresh JVM) crashes with SIGSEGV; the heartbeat goes on. The
     * control run ({@code demodeck.control}) crashes a thread of this process instead (halt): everything ends.
     */
    private static void crashIsolation() throws Exception {
        AtomicLong beats = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread heartbeat = Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get()) {
                beats.incrementAndGet();
                sleepQuietly(5);
            }
        });
        Thread.sleep(50);
        if (control()) {
            put("crash.in", "thread");
            flush();
            Thread.ofPlatform().start(() -> Runtime.getRuntime().halt(134)).join(WAIT);
        }
        put("crash.in", "process");
        Path errorFile = Files.createTempFile(Path.of("").toAbsolutePath(), "crash-", ".log");
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=" + errorFile, "-cp", System.getProperty("java.class.path"), DemoChild.class.getName(),
                Mode.CRASH_SELF.arg());
        pb.environment().clear();
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        try {
            if (!child.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the crashing child did not end");
            }
        } finally {
            child.destroyForcibly();
        }
        long atCrash = beats.get();
        put("crash.pid", child.pid());
        put("crash.exit", child.exitValue());
        put("crash.report", Files.size(errorFile) > 0 && Files.readString(errorFile).contains("SIGSEGV"));
        Files.deleteIfExists(errorFile);
        Thread.sleep(100);
        put("heartbeat.afterCrash", beats.get() - atCrash);
        put("parent.alive", true);
        stop.set(true);
        heartbeat.join(WAIT);
    }

    /** Writes to address 0 through sun.misc.Unsafe: the JVM dies of SIGSEGV (and writes its hs_err report). */
    private static void crashSelf() throws Exception {
        java.lang.reflect.Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Object unsafe = f.get(null);
        unsafe.getClass().getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 42L);
        throw new IllegalStateException("still alive after writing to address 0");
    }

    /**
     * Three worker threads each need 1 s; after 100 ms another thread calls System.exit(7): the process ends with
     * 7 and no worker prints "done". The control run ({@code demodeck.control}) lets that thread return instead.
     */
    private static void exitFromThread() throws Exception {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int index = i;
            workers.add(Thread.ofPlatform().start(() -> {
                sleepQuietly(1_000);
                putNow("worker." + index + ".done", "yes");
            }));
        }
        put("workers.started", workers.size());
        flush();
        boolean control = control();
        Thread.ofPlatform().start(() -> {
            sleepQuietly(100);
            if (!control) {
                System.exit(7);
            }
        });
        for (Thread t : workers) {
            t.join(WAIT);
        }
        put("main.afterWorkers", "yes");
    }
}
