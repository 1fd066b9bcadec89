package io.demodeck.demo.catalog.blocking;

import io.demodeck.demo.child.ChildProgram;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.demodeck.demo.child.ChildSupport.WAIT;
import static io.demodeck.demo.child.ChildSupport.parallelism;
import static io.demodeck.demo.child.ChildSupport.put;

/** The blocking demo in the child JVM: N virtual threads on one carrier sleep plainly, in synchronized, natively. */
public final class BlockingChild extends ChildProgram {

    public BlockingChild() {
        super(1, 100); // virtual threads, each blocks 100 ms
    }

    @Override
    public void run(int[] sizes) throws Exception {
        blocking(sizes[0]);
    }

    private static void blocking(int n) throws Exception {
        put("parallelism", parallelism());
        put("sleep.millis", timeAll(n, BlockingChild::sleep100));
        put("synchronized.millis", timeAll(n, () -> {
            Object own = new Object(); // each thread its own monitor: only pinning can serialise them
            synchronized (own) {
                sleep100();
            }
        }));
        Optional<NativeUpcall> upcall = NativeUpcall.create();
        put("native.millis", upcall.isPresent() ? String.valueOf(timeAll(n, () -> upcall.get().sleepInside())) : "n/a");
    }

    private static long timeAll(int n, Runnable body) throws Exception {
        List<Thread> threads = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofVirtual().start(body));
        }
        for (Thread t : threads) {
            t.join(WAIT);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    static void sleep100() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Calls the C library's {@code qsort} with a Java comparator that sleeps: while the comparator runs, a
     * native frame is on the virtual thread's stack, so it cannot unmount (pinned, even after JEP 491). The
     * FFM API is final from JDK 22; the project compiles for 21, so it is reached reflectively.
     */
    static final class NativeUpcall {
        private final MethodHandle qsort;
        private final Object comparator;
        private final Object arena;
        private final Method allocate;

        private NativeUpcall(MethodHandle qsort, Object comparator, Object arena, Method allocate) {
            this.qsort = qsort;
            this.comparator = comparator;
            this.arena = arena;
            this.allocate = allocate;
        }

        static Optional<NativeUpcall> create() {
            try {
                Class<?> linkerC = Class.forName("java.lang.foreign.Linker");
                Class<?> layoutC = Class.forName("java.lang.foreign.MemoryLayout");
                Class<?> valueLayoutC = Class.forName("java.lang.foreign.ValueLayout");
                Class<?> descriptorC = Class.forName("java.lang.foreign.FunctionDescriptor");
                Class<?> segmentC = Class.forName("java.lang.foreign.MemorySegment");
                Class<?> arenaC = Class.forName("java.lang.foreign.Arena");
                Class<?> optionC = Class.forName("java.lang.foreign.Linker$Option");
                Object linker = linkerC.getMethod("nativeLinker").invoke(null);
                Object address = valueLayoutC.getField("ADDRESS").get(null);
                Object jLong = valueLayoutC.getField("JAVA_LONG").get(null);
                Object jInt = valueLayoutC.getField("JAVA_INT").get(null);
                Object lookup = linkerC.getMethod("defaultLookup").invoke(linker);
                // look methods up on the public interfaces: the implementation classes are not exported
                Optional<?> qsortAddress = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
                        .getMethod("find", String.class)
                        .invoke(lookup, "qsort");
                if (qsortAddress.isEmpty()) {
                    return Optional.empty();
                }
                Object qsortDescriptor = descriptorC.getMethod("ofVoid", layoutC.arrayType())
                        .invoke(null, layouts(layoutC, address, jLong, jLong, address));
                Object noOptions = Array.newInstance(optionC, 0);
                MethodHandle qsort = (MethodHandle) linkerC.getMethod("downcallHandle", segmentC, descriptorC, noOptions.getClass())
                        .invoke(linker, qsortAddress.get(), qsortDescriptor, noOptions);
                MethodHandle compare = MethodHandles.lookup()
                        .findStatic(NativeUpcall.class, "compare", MethodType.methodType(int.class, Object.class, Object.class))
                        .asType(MethodType.methodType(int.class, segmentC, segmentC));
                Object compareDescriptor = descriptorC.getMethod("of", layoutC, layoutC.arrayType())
                        .invoke(null, jInt, layouts(layoutC, address, address));
                Object arena = arenaC.getMethod("ofShared").invoke(null);
                Object stub = linkerC.getMethod("upcallStub", MethodHandle.class, descriptorC, arenaC, noOptions.getClass())
                        .invoke(linker, compare, compareDescriptor, arena, noOptions);
                Method allocate = arenaC.getMethod("allocate", long.class);
                return Optional.of(new NativeUpcall(qsort, stub, arena, allocate));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return Optional.empty();
            }
        }

        private static Object layouts(Class<?> layoutC, Object... items) {
            Object array = Array.newInstance(layoutC, items.length);
            for (int i = 0; i < items.length; i++) {
                Array.set(array, i, items[i]);
            }
            return array;
        }

        /** The comparator qsort calls back: it blocks for 100 ms with the native qsort frame below it. */
        static int compare(Object a, Object b) {
            sleep100();
            return 0;
        }

        void sleepInside() {
            try {
                // two zeroed ints: qsort calls the comparator once
                Object array = allocate.invoke(arena, 8L);
                qsort.invokeWithArguments(array, 2L, 4L, comparator);
            } catch (Throwable e) {
                throw new IllegalStateException("native call failed", e);
            }
        }
    }
}
