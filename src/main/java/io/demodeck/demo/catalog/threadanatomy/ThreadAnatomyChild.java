package io.demodeck.demo.catalog.threadanatomy;

import io.demodeck.demo.child.ChildProgram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.put;

/** The thread-anatomy demo in the child JVM: PID, TID, stack pointer and a shared object, per thread. */
public final class ThreadAnatomyChild extends ChildProgram {

    public ThreadAnatomyChild() {
        super(1, 64); // platform threads
    }

    @Override
    public void run(int[] sizes) throws Exception {
        threadAnatomy(sizes[0]);
    }

    /**
     * N threads, all alive at once, each report the PID, their kernel thread id (TID, from /proc/thread-self),
     * their stack pointer (from /proc/thread-self/syscall, taken while the thread is inside that read) and the
     * identity of one shared heap object. {@code demodeck.virtual} runs them as virtual threads instead.
     */
    private static void threadAnatomy(int n) throws Exception {
        boolean virtual = Boolean.getBoolean("demodeck.virtual");
        put("kind", virtual ? "virtual" : "platform");
        Object sharedHeapObject = new Object();
        Map<Integer, String> report = new ConcurrentHashMap<>();
        CyclicBarrier allAlive = new CyclicBarrier(n);
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(builder.start(() -> {
                try {
                    allAlive.await(WAIT.toMillis(), TimeUnit.MILLISECONDS); // no thread has ended: no TID reused
                    report.put(index, ProcessHandle.current().pid() + ";" + osThreadId() + ";" + stackPointer() + ";"
                            + Integer.toHexString(System.identityHashCode(sharedHeapObject)));
                    allAlive.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    // reported as missing
                }
            }));
        }
        for (Thread t : threads) {
            t.join(WAIT);
        }
        new TreeMap<>(report).forEach((i, line) -> put("thread." + i, line));
        put("main.thread", ProcessHandle.current().pid() + ";" + osThreadId() + ";" + stackPointer() + ";"
                + Integer.toHexString(System.identityHashCode(sharedHeapObject)));
    }

    /** The kernel's id of the calling thread, from {@code /proc/thread-self -> <pid>/task/<tid>}; -1 elsewhere. */
    static long osThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Long.parseLong(link.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The calling thread's user stack pointer: /proc/thread-self/syscall shows "nr args... sp pc" for the
     * thread's current system call, which is the read of that very file. -1 where it cannot be read.
     */
    static long stackPointer() {
        try {
            String[] f = Files.readString(Path.of("/proc/thread-self/syscall")).trim().split("\\s+");
            return f.length >= 9 ? Long.decode(f[7]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
