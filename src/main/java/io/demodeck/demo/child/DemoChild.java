package io.demodeck.demo.child;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * The program a demo run starts in a short-lived child JVM. It depends on the JDK only (no Quarkus), so
 * the server can start it with a class path of just these classes. It takes a fixed mode and integer sizes
 * (validated here again) and prints {@code key=value} lines on stdout; the server parses them.
 *
 * <p>Every thread it starts is joined or released before it exits, and every wait has a deadline; the
 * server kills it anyway after its wall-clock limit.
 */
public final class DemoChild {

    /** The variable the isolation demo shows: a fresh JVM starts with its own copy (0). */
    static int shared;

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final PrintStream OUT = new PrintStream(System.out, false, StandardCharsets.UTF_8);

    /** The modes and how many integer arguments each takes, with the largest value each may have. */
    public enum Mode {
        CREATION_COST(3, 100_000),  // platform threads, virtual threads, processes
        OS_THREADS(2, 100_000),     // virtual threads, platform threads
        FOOTPRINT(2, 100_000),      // virtual threads, platform threads
        ISOLATION(0, 0),
        DATA_RACE(2, 1_000_000),    // threads, increments per thread
        CHANNELS(1, 200_000),       // messages
        CARRIERS(1, 100_000),       // virtual threads
        BLOCKING(1, 100),           // virtual threads, each blocks 100 ms
        THREAD_ANATOMY(1, 64);      // platform threads

        final int argCount;
        final int maxValue;

        Mode(int argCount, int maxValue) {
            this.argCount = argCount;
            this.maxValue = maxValue;
        }

        public String arg() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
        switch (mode) {
            case CREATION_COST -> creationCost(n[0], n[1], n[2]);
            case OS_THREADS -> osThreads(n[0], n[1]);
            case FOOTPRINT -> footprint(n[0], n[1]);
            case ISOLATION -> isolation();
            case DATA_RACE -> dataRace(n[0], n[1]);
            case CHANNELS -> channels(n[0]);
            case CARRIERS -> carriers(n[0]);
            case BLOCKING -> blocking(n[0]);
            case THREAD_ANATOMY -> threadAnatomy(n[0]);
        }
        put("done", "yes");
        OUT.flush();
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

    static void put(String key, Object value) {
        OUT.println(key + "=" + String.valueOf(value).replace('\n', ' '));
    }

    // ---- creation cost ----------------------------------------------------------------------------------

    private static void creationCost(int platform, int virtual, int processes) throws Exception {
        // one cold round, then the median of three timed rounds, per kind
        put("platform.nanos", medianNanos(() -> startJoin(Thread.ofPlatform(), platform)));
        put("virtual.nanos", medianNanos(() -> startJoin(Thread.ofVirtual(), virtual)));
        Path trueBinary = Stream.of("/bin/true", "/usr/bin/true").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (trueBinary == null) {
            put("process.nanos", "n/a");
        } else {
            put("process.nanos", medianNanos(() -> startWaitProcesses(trueBinary, processes)));
        }
    }

    interface Timed {
        void run() throws Exception;
    }

    private static long medianNanos(Timed body) throws Exception {
        body.run();
        long[] t = new long[3];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            body.run();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[1];
    }

    private static void startJoin(Thread.Builder builder, int n) throws InterruptedException {
        AtomicInteger counter = new AtomicInteger();
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            threads[i] = builder.start(counter::incrementAndGet);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (counter.get() != n) {
            throw new IllegalStateException("lost a thread");
        }
    }

    private static void startWaitProcesses(Path binary, int n) throws Exception {
        List<Process> started = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                ProcessBuilder pb = new ProcessBuilder(binary.toString());
                pb.environment().clear();
                pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                started.add(pb.start());
            }
            for (Process p : started) {
                if (!p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("process did not exit");
                }
            }
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    // ---- OS threads -------------------------------------------------------------------------------------

    private static void osThreads(int virtual, int platform) throws Exception {
        put("tasks.start", taskCount());
        put("tasks.virtual", whileBlocked(Thread.ofVirtual(), virtual));
        settle();
        put("tasks.between", taskCount());
        put("tasks.platform", whileBlocked(Thread.ofPlatform(), platform));
        settle();
        put("tasks.end", taskCount());
    }

    /** Starts n threads that block on a latch, counts the OS threads of this process, then releases them. */
    private static long whileBlocked(Thread.Builder builder, int n) throws Exception {
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                threads.add(builder.start(() -> {
                    started.countDown();
                    awaitQuietly(release);
                }));
            }
            if (!started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("threads did not start");
            }
            return taskCount();
        } finally {
            release.countDown();
            for (Thread t : threads) {
                t.join(WAIT);
            }
        }
    }

    /** The kernel tears finished threads down asynchronously; wait until the count stops falling (max 2 s). */
    private static void settle() throws Exception {
        long previous = taskCount();
        for (int i = 0; i < 40; i++) {
            Thread.sleep(50);
            long now = taskCount();
            if (now == previous) {
                return;
            }
            previous = now;
        }
    }

    static long taskCount() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(tasks)) {
            return s.count();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- footprint --------------------------------------------------------------------------------------

    private static void footprint(int virtual, int platform) throws Exception {
        measureFootprint("virtual", Thread.ofVirtual(), virtual);
        settle();
        measureFootprint("platform", Thread.ofPlatform(), platform);
    }

    private static void measureFootprint(String kind, Thread.Builder builder, int n) throws Exception {
        long heapBefore = heapAfterGc();
        long rssBefore = statusKb("VmRSS");
        long sizeBefore = statusKb("VmSize");
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                threads.add(builder.start(() -> {
                    started.countDown();
                    awaitQuietly(release);
                }));
            }
            if (!started.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("threads did not start");
            }
            // read the OS figures before the GC below, which could otherwise return memory inside the interval
            long rssWhile = statusKb("VmRSS");
            long sizeWhile = statusKb("VmSize");
            put(kind + ".heap.bytes", heapAfterGc() - heapBefore);
            put(kind + ".rss.kb", rssBefore < 0 ? -1 : rssWhile - rssBefore);
            put(kind + ".vmsize.kb", sizeBefore < 0 ? -1 : sizeWhile - sizeBefore);
        } finally {
            release.countDown();
            for (Thread t : threads) {
                t.join(WAIT);
            }
        }
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A field of /proc/self/status in KiB, or -1 where there is no /proc. */
    static long statusKb(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        return -1;
    }

    // ---- isolation --------------------------------------------------------------------------------------

    /** Reports this fresh JVM's copy of the variable, then takes one value from the parent through stdin. */
    private static void isolation() throws IOException {
        put("child.initial", shared);
        OUT.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || !line.matches("-?\\d{1,9}")) {
            throw new IllegalArgumentException("expected a number on stdin");
        }
        put("child.received", line);
        shared = Integer.parseInt(line) + 1;
        put("child.after", shared);
    }

    // ---- data race --------------------------------------------------------------------------------------

    private static int plainCounter;
    private static volatile int volatileCounter;

    private static void dataRace(int threads, int increments) throws Exception {
        boolean virtual = Boolean.getBoolean("demodeck.virtual");
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
        put("kind", virtual ? "virtual" : "platform");
        put("carriers", Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors()));
        plainCounter = 0;
        put("plain", race(builder, threads, () -> {
            for (int i = 0; i < increments; i++) {
                plainCounter++;
            }
        }, () -> plainCounter));
        volatileCounter = 0;
        put("volatile", race(builder, threads, () -> {
            for (int i = 0; i < increments; i++) {
                volatileCounter++;
            }
        }, () -> volatileCounter));
        AtomicInteger atomic = new AtomicInteger();
        put("atomic", race(builder, threads, () -> {
            for (int i = 0; i < increments; i++) {
                atomic.incrementAndGet();
            }
        }, atomic::get));
        ReentrantLock lock = new ReentrantLock();
        int[] locked = new int[1];
        put("lock", race(builder, threads, () -> {
            for (int i = 0; i < increments; i++) {
                lock.lock();
                try {
                    locked[0]++;
                } finally {
                    lock.unlock();
                }
            }
        }, () -> {
            lock.lock();
            try {
                return locked[0];
            } finally {
                lock.unlock();
            }
        }));
    }

    /** Runs the body on all threads at once (barrier start); returns "count;millis". */
    private static String race(Thread.Builder builder, int threads, Runnable body,
                               java.util.function.IntSupplier result) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Thread> list = new ArrayList<>(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            list.add(builder.start(() -> {
                try {
                    barrier.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    return;
                }
                body.run();
            }));
        }
        for (Thread t : list) {
            t.join(WAIT);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return result.getAsInt() + ";" + millis;
    }

    // ---- channels ---------------------------------------------------------------------------------------

    private static final long POISON = Long.MIN_VALUE;

    private static void channels(int messages) throws Exception {
        // rendezvous: the sender's put() returns only when the receiver takes, 200 ms later
        SynchronousQueue<Long> unbuffered = new SynchronousQueue<>();
        long t0 = System.nanoTime();
        AtomicLong takeAt = new AtomicLong();
        Thread receiver = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
                takeAt.set(System.nanoTime() - t0);
                unbuffered.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!unbuffered.offer(1L, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("receiver never came");
        }
        long putReturnedAt = System.nanoTime() - t0;
        receiver.join(WAIT);
        put("rendezvous.take.micros", takeAt.get() / 1000);
        put("rendezvous.put.micros", putReturnedAt / 1000);

        // buffered channel of capacity 3: three sends succeed at once, the fourth would block
        ArrayBlockingQueue<Long> buffered = new ArrayBlockingQueue<>(3);
        StringBuilder offers = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            offers.append(i == 0 ? "" : ",").append(buffered.offer((long) i));
        }
        put("buffered.offers", offers);

        put("unbuffered.pipe", pipe(new SynchronousQueue<>(), messages));
        put("buffered.pipe", pipe(new ArrayBlockingQueue<>(128), messages));
    }

    /** Producer and consumer virtual threads; returns "sentSum;receivedSum;received;nanos". */
    private static String pipe(BlockingQueue<Long> channel, int messages) throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                for (Long v; (v = channel.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)) != null && v != POISON; ) {
                    received.addAndGet(v);
                    count.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long sent = 0;
        for (long i = 1; i <= messages; i++) {
            if (!channel.offer(i, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                break;
            }
            sent += i;
        }
        channel.offer(POISON, WAIT.toMillis(), TimeUnit.MILLISECONDS); // stands in for close(ch)
        consumer.join(WAIT);
        long nanos = System.nanoTime() - start;
        return sent + ";" + received.get() + ";" + count.get() + ";" + nanos;
    }

    // ---- carriers ---------------------------------------------------------------------------------------

    private static void carriers(int n) throws Exception {
        Map<String, AtomicInteger> before = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> after = new ConcurrentHashMap<>();
        AtomicInteger migrated = new AtomicInteger();
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                String first = carrierName();
                before.computeIfAbsent(first, k -> new AtomicInteger()).incrementAndGet();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                String second = carrierName();
                after.computeIfAbsent(second, k -> new AtomicInteger()).incrementAndGet();
                if (!first.equals(second)) {
                    migrated.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join(WAIT);
        }
        put("parallelism", Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors()));
        put("carriers.before", format(before));
        put("carriers.after", format(after));
        put("migrated", migrated.get());
        put("tasks", taskCount());
    }

    /** The carrier's name from the diagnostic {@code VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1}. */
    static String carrierName() {
        String s = Thread.currentThread().toString();
        int at = s.lastIndexOf('@');
        return at < 0 ? "unknown" : s.substring(at + 1);
    }

    private static String format(Map<String, AtomicInteger> counts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append(':').append(v.get()));
        return sb.toString();
    }

    // ---- blocking and pinning ---------------------------------------------------------------------------

    private static void blocking(int n) throws Exception {
        put("parallelism", Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors()));
        put("sleep.millis", timeAll(n, DemoChild::sleep100));
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

    // ---- thread anatomy ---------------------------------------------------------------------------------

    private static void threadAnatomy(int n) throws Exception {
        Object sharedHeapObject = new Object();
        AtomicInteger sharedCounter = new AtomicInteger();
        Map<Integer, String> report = new ConcurrentHashMap<>();
        CyclicBarrier allAlive = new CyclicBarrier(n);
        long vmSizeBefore = statusKb("VmSize");
        AtomicLong vmSizeWhileAlive = new AtomicLong(-1);
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            threads.add(Thread.ofPlatform().start(() -> {
                int mine = index * 1000; // a local variable lives on this thread's own stack
                sharedCounter.incrementAndGet();
                try {
                    allAlive.await(WAIT.toMillis(), TimeUnit.MILLISECONDS); // every thread has written its local
                    if (index == 0) {
                        vmSizeWhileAlive.set(statusKb("VmSize"));
                    }
                    allAlive.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    return;
                }
                report.put(index, ProcessHandle.current().pid() + ";" + osThreadId() + ";" + mine + ";"
                        + Integer.toHexString(System.identityHashCode(sharedHeapObject)));
            }));
        }
        for (Thread t : threads) {
            t.join(WAIT);
        }
        new TreeMap<>(report).forEach((i, line) -> put("thread." + i, line));
        put("shared.counter", sharedCounter.get());
        put("vmsize.per.thread.kb", vmSizeBefore < 0 || vmSizeWhileAlive.get() < 0 ? -1
                : (vmSizeWhileAlive.get() - vmSizeBefore) / n);
        put("process.thread.id", osThreadId());
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
}
