package io.demodeck.demo;

import io.demodeck.demo.DemoResult.GoComparison;
import io.demodeck.demo.DemoResult.Ratio;
import io.demodeck.demo.DemoResult.Row;
import io.demodeck.demo.child.DemoChild.Mode;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one demo (one or two child JVMs, plus the Go program where it exists) and turns the raw figures into
 * rows, ratios and a proof text filled with what was measured. No canned values: everything comes from the
 * child's output.
 */
public final class DemoMeasurements {

    static final Text NOT_ON_THIS_OS = new Text(
            "Недоступно на этой ОС: измерение требует Linux /proc.",
            "Not available on this OS: this measurement needs Linux /proc.");
    private static final String FFM_FLAG = "--enable-native-access=ALL-UNNAMED";
    private static final List<String> ONE_CARRIER = List.of(
            "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1");

    private final ChildJvm child;
    private final GoToolchain go;

    public DemoMeasurements(ChildJvm child, GoToolchain go) {
        this.child = child;
        this.go = go;
    }

    /** What a demo run produces before the service stamps time and cache flags on it. */
    private record Measured(boolean available, List<Row> rows, List<Ratio> ratios, Text proof,
                            List<String> childFlags, GoComparison go) {
    }

    public DemoResult measure(DemoCatalog demo, Preset preset) {
        Map<String, Integer> sizes = demo.sizes(preset);
        Instant at = Instant.now();
        long start = System.nanoTime();
        Measured m = switch (demo) {
            case CREATION_COST -> creationCost(sizes);
            case OS_THREADS -> osThreads(sizes);
            case FOOTPRINT -> footprint(sizes);
            case ISOLATION -> isolation();
            case DATA_RACE -> dataRace(sizes);
            case CHANNELS -> channels(sizes);
            case CARRIERS -> carriers(sizes);
            case BLOCKING -> blocking(sizes);
            case THREAD_ANATOMY -> threadAnatomy(sizes);
        };
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        return new DemoResult(demo.id(), demo.titles(), preset.id(), sizes, m.available(), m.rows(), m.ratios(),
                m.proof(), environment(m.childFlags()), at, durationMs, false, m.go());
    }

    static DemoResult.Environment environment(List<String> childFlags) {
        return new DemoResult.Environment(System.getProperty("java.vm.vendor", "") + " " + Runtime.version(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), childFlags);
    }

    // ---- 1. creation cost ---------------------------------------------------------------------------------

    private Measured creationCost(Map<String, Integer> s) {
        int p = s.get("platformThreads");
        int v = s.get("virtualThreads");
        int m = s.get("processes");
        ChildJvm.Output o = child.run(Mode.CREATION_COST, List.of(), List.of(p, v, m), null);
        double platformUs = o.number("platform.nanos") / 1000.0 / p;
        double virtualUs = o.number("virtual.nanos") / 1000.0 / v;
        boolean processes = !"n/a".equals(o.text("process.nanos"));
        double processUs = processes ? o.number("process.nanos") / 1000.0 / m : Double.NaN;
        List<Row> rows = new ArrayList<>(List.of(
                row("platform.microsPerThread", "Платформенный поток: старт + join", "Platform thread: start + join",
                        round(platformUs), "µs"),
                row("virtual.microsPerThread", "Виртуальный поток: старт + join", "Virtual thread: start + join",
                        round(virtualUs), "µs")));
        List<Ratio> ratios = new ArrayList<>(List.of(ratio("platformPerVirtual",
                "Платформенный / виртуальный", "Platform / virtual", platformUs / virtualUs)));
        if (processes) {
            rows.add(row("process.microsPerProcess", "Процесс: запуск + ожидание", "Process: start + wait",
                    round(processUs), "µs"));
            ratios.add(ratio("processPerPlatform", "Процесс / платформенный поток", "Process / platform thread",
                    processUs / platformUs));
            ratios.add(ratio("processPerVirtual", "Процесс / виртуальный поток", "Process / virtual thread",
                    processUs / virtualUs));
        }
        Text proof = text(l -> {
            String base = ru(l)
                    ? "Запуск и join %s платформенных потоков стоил %s мкс на поток, %s виртуальных — %s мкс на поток: платформенный поток дороже виртуального в %s раз."
                    .formatted(n(p, l), d(platformUs, l), n(v, l), d(virtualUs, l), d(platformUs / virtualUs, l))
                    : "Starting and joining %s platform threads cost %s µs per thread, %s virtual threads %s µs per thread: a platform thread cost %s× a virtual one."
                    .formatted(n(p, l), d(platformUs, l), n(v, l), d(virtualUs, l), d(platformUs / virtualUs, l));
            if (!processes) {
                return base + (ru(l) ? " /bin/true не найден: процессы не измерены." : " /bin/true not found: processes not measured.");
            }
            return base + (ru(l)
                    ? " Запуск %s процессов — %s мкс на процесс: в %s раз дороже платформенного потока и в %s раз дороже виртуального."
                    : " Starting %s processes cost %s µs per process: %s× a platform thread and %s× a virtual thread.")
                    .formatted(n(m, l), d(processUs, l), d(processUs / platformUs, l), d(processUs / virtualUs, l));
        });
        GoComparison goSide = goComparison(() -> go.run("creation", v, Map.of()).map(g -> List.of(
                row("go.microsPerGoroutine", "Горутина: старт + ожидание (столько же, сколько виртуальных)",
                        "Goroutine: start + wait (as many as virtual threads)",
                        round(Long.parseLong(g.get("goroutines.nanos")) / 1000.0 / v), "µs"))));
        return new Measured(true, rows, ratios, proof, List.of(flags(o)), goSide);
    }

    // ---- 2. OS threads -------------------------------------------------------------------------------------

    private Measured osThreads(Map<String, Integer> s) {
        int v = s.get("virtualThreads");
        int p = s.get("platformThreads");
        ChildJvm.Output o = child.run(Mode.OS_THREADS, List.of(), List.of(v, p), null);
        if (!"yes".equals(o.text("proc"))) {
            return unavailable(o);
        }
        long start = o.number("tasks.start");
        long whileVirtual = o.number("tasks.virtual");
        long between = o.number("tasks.between");
        long whilePlatform = o.number("tasks.platform");
        long addedV = whileVirtual - start;
        long addedP = whilePlatform - between;
        List<Row> rows = List.of(
                row("tasks.start", "Потоков ОС в начале", "OS threads at start", start, ""),
                row("tasks.whileVirtualBlocked", "Пока заблокированы виртуальные потоки",
                        "While the virtual threads are blocked", whileVirtual, ""),
                row("virtual.addedOsThreads", "Добавили виртуальные потоки", "Added by the virtual threads", addedV, ""),
                row("tasks.beforePlatform", "Потоков ОС перед платформенными", "OS threads before the platform run", between, ""),
                row("tasks.whilePlatformBlocked", "Пока заблокированы платформенные потоки",
                        "While the platform threads are blocked", whilePlatform, ""),
                row("platform.addedOsThreads", "Добавили платформенные потоки", "Added by the platform threads", addedP, ""));
        Text proof = text(l -> (ru(l)
                ? "%s заблокированных виртуальных потоков добавили процессу %s потоков ОС (%s → %s), а %s платформенных — %s (%s → %s): каждый платформенный поток — это поток ОС, виртуальные потоки — нет, они делят несколько потоков-носителей."
                : "%s blocked virtual threads added %s OS threads to the process (%s → %s); %s platform threads added %s (%s → %s): each platform thread is an OS thread, virtual threads are not, they share a few carrier threads.")
                .formatted(n(v, l), n(addedV, l), n(start, l), n(whileVirtual, l), n(p, l), n(addedP, l), n(between, l),
                        n(whilePlatform, l)));
        GoComparison goSide = goComparison(() -> go.run("os-threads", v, Map.of()).map(g -> List.of(
                row("go.tasks.start", "Go: потоков ОС в начале", "Go: OS threads at start",
                        Long.parseLong(g.get("tasks.start")), ""),
                row("go.tasks.blocked", "Go: пока заблокированы горутины (столько же)",
                        "Go: while as many goroutines are blocked", Long.parseLong(g.get("tasks.blocked")), ""))));
        return new Measured(true, rows, List.of(ratio("platformAddedPerVirtualAdded",
                "Добавлено платформенными / виртуальными", "Added by platform / by virtual",
                addedP / (double) Math.max(1, addedV))), proof, List.of(flags(o)), goSide);
    }

    // ---- 3. footprint --------------------------------------------------------------------------------------

    private Measured footprint(Map<String, Integer> s) {
        int v = s.get("virtualThreads");
        int p = s.get("platformThreads");
        // a fixed-size heap: G1 would otherwise give memory back between the phases and make resident deltas negative
        ChildJvm.Output o = child.run(Mode.FOOTPRINT, List.of("-Xms512m"), List.of(v, p), null);
        if (!"yes".equals(o.text("proc"))) {
            return unavailable(o);
        }
        double vRss = o.number("virtual.rss.kb") / (double) v;
        double vHeap = o.number("virtual.heap.bytes") / 1024.0 / v;
        double vSize = o.number("virtual.vmsize.kb") / (double) v;
        double pRss = o.number("platform.rss.kb") / (double) p;
        double pHeap = o.number("platform.heap.bytes") / 1024.0 / p;
        double pSize = o.number("platform.vmsize.kb") / (double) p;
        List<Row> rows = List.of(
                row("virtual.rssKibPerThread", "Виртуальный: резидентная память на поток", "Virtual: resident memory per thread", round(vRss), "KiB"),
                row("virtual.heapKibPerThread", "Виртуальный: куча на поток", "Virtual: heap per thread", round(vHeap), "KiB"),
                row("virtual.reservedKibPerThread", "Виртуальный: адресное пространство на поток", "Virtual: address space per thread", round(vSize), "KiB"),
                row("platform.rssKibPerThread", "Платформенный: резидентная память на поток", "Platform: resident memory per thread", round(pRss), "KiB"),
                row("platform.heapKibPerThread", "Платформенный: куча на поток", "Platform: heap per thread", round(pHeap), "KiB"),
                row("platform.reservedKibPerThread", "Платформенный: адресное пространство на поток (стек)", "Platform: address space per thread (stack)", round(pSize), "KiB"));
        Text proof = text(l -> (ru(l)
                ? "%s спящих виртуальных потоков заняли по %s КиБ резидентной памяти и %s КиБ кучи (их стеки живут в куче) и почти не заняли адресного пространства (%s КиБ на поток). %s платформенных потоков — по %s КиБ резидентной памяти, но по %s КиБ зарезервированного адресного пространства: это стек потока ОС (-Xss1m)."
                : "%s sleeping virtual threads took %s KiB resident and %s KiB of heap each (their stacks live in the heap) and almost no address space (%s KiB per thread). %s platform threads took %s KiB resident each but reserved %s KiB of address space each: the OS thread's stack (-Xss1m).")
                .formatted(n(v, l), d(vRss, l), d(vHeap, l), d(vSize, l), n(p, l), d(pRss, l), d(pSize, l)));
        return new Measured(true, rows, List.of(
                ratio("platformPerVirtualResident", "Резидентная: платформенный / виртуальный", "Resident: platform / virtual",
                        pRss / Math.max(0.01, vRss)),
                ratio("platformPerVirtualReserved", "Адресное пространство: платформенный / виртуальный", "Address space: platform / virtual",
                        pSize / Math.max(0.01, vSize))), proof, List.of(flags(o)), null);
    }

    // ---- 4. isolation --------------------------------------------------------------------------------------

    /** The variable the demo shares with a thread and fails to share with a child process; one per run. */
    private static final class SharedVariable {
        volatile int value;
    }

    private Measured isolation() {
        SharedVariable shared = new SharedVariable();
        shared.value = 42;
        long serverPid = ProcessHandle.current().pid();
        long[] seenByThread = new long[2];
        Thread thread = Thread.ofPlatform().name("demodeck-isolation").start(() -> {
            seenByThread[0] = shared.value;
            seenByThread[1] = ProcessHandle.current().pid();
            shared.value = 43;
        });
        try {
            if (!thread.join(Duration.ofSeconds(5))) {
                throw new ChildJvm.DemoFailure("the isolation thread did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildJvm.DemoFailure("interrupted");
        }
        long afterThread = shared.value;
        shared.value = 44;
        ChildJvm.Output o = child.run(Mode.ISOLATION, List.of(), List.of(), shared.value + "\n");
        long childPid = o.number("pid");
        long childParent = o.number("ppid");
        long childInitial = o.number("child.initial");
        long childReceived = o.number("child.received");
        long childAfter = o.number("child.after");
        long parentAfterChild = shared.value;
        List<Row> rows = List.of(
                row("server.pid", "PID сервера", "Server PID", serverPid, ""),
                row("thread.pid", "PID, который видит поток", "PID seen by the thread", seenByThread[1], ""),
                row("thread.saw", "Поток увидел переменную", "The thread saw the variable", seenByThread[0], ""),
                row("parent.afterThread", "Родитель после записи потока", "Parent after the thread's write", afterThread, ""),
                row("child.pid", "PID дочернего процесса", "Child process PID", childPid, ""),
                row("child.ppid", "Родительский PID дочернего процесса", "Child's parent PID", childParent, ""),
                row("child.initial", "Копия переменной в дочернем процессе при старте", "The child's copy of the variable at start", childInitial, ""),
                row("child.received", "Получено дочерним процессом через канал", "Received by the child through a pipe", childReceived, ""),
                row("child.after", "Копия дочернего процесса после его записи", "The child's copy after its write", childAfter, ""),
                row("parent.afterChild", "Переменная родителя после записи дочернего", "The parent's variable after the child's write", parentAfterChild, ""));
        Text proof = text(l -> (ru(l)
                ? "Поток работал в процессе сервера (PID %s), увидел %s, и его запись %s дошла до родителя: память общая. Дочерний процесс получил свой PID %s (родитель %s) и свою копию переменной, равную %s, а не 42: у него своё адресное пространство (новая JVM начинает с нуля; fork дал бы копию-снимок). Значение %s попало к нему только через канал (IPC); он сделал свою копию равной %s, а у родителя осталось %s."
                : "The thread ran in the server's process (PID %s), saw %s, and its write %s reached the parent: shared memory. The child process got its own PID %s (parent %s) and its own copy of the variable, %s rather than 42: its own address space (a new JVM starts fresh; fork would give a snapshot copy). The value %s reached it only through a pipe (IPC); it set its copy to %s while the parent kept %s.")
                .formatted(serverPid, seenByThread[0], afterThread, childPid, childParent, childInitial, childReceived,
                        childAfter, parentAfterChild));
        return new Measured(true, rows, List.of(), proof, List.of(flags(o)), null);
    }

    // ---- 5. data race --------------------------------------------------------------------------------------

    private Measured dataRace(Map<String, Integer> s) {
        int threads = s.get("threads");
        int increments = s.get("incrementsPerThread");
        long expected = (long) threads * increments;
        ChildJvm.Output platform = child.run(Mode.DATA_RACE, List.of(), List.of(threads, increments), null);
        List<String> oneCarrier = new ArrayList<>(ONE_CARRIER);
        oneCarrier.add("-Ddemodeck.virtual=true");
        ChildJvm.Output virtual = child.run(Mode.DATA_RACE, oneCarrier, List.of(threads, increments), null);
        long plain = count(platform, "plain");
        long vol = count(platform, "volatile");
        long atomic = count(platform, "atomic");
        long locked = count(platform, "lock");
        long oneCarrierPlain = count(virtual, "plain");
        List<Row> rows = List.of(
                row("expected", "Ожидалось", "Expected", expected, ""),
                row("platform.plain", "int++ (платформенные потоки)", "int++ (platform threads)", plain, ""),
                row("platform.plainLost", "Потеряно обновлений int++", "Lost int++ updates", expected - plain, ""),
                row("platform.volatile", "volatile int++", "volatile int++", vol, ""),
                row("platform.atomic", "AtomicInteger", "AtomicInteger", atomic, ""),
                row("platform.atomicMillis", "AtomicInteger, время", "AtomicInteger, time", millis(platform, "atomic"), "ms"),
                row("platform.lock", "ReentrantLock", "ReentrantLock", locked, ""),
                row("platform.lockMillis", "ReentrantLock, время", "ReentrantLock, time", millis(platform, "lock"), "ms"),
                row("oneCarrier.plain", "int++ на виртуальных потоках с одним носителем", "int++ on virtual threads, one carrier", oneCarrierPlain, ""));
        Text proof = text(l -> (ru(l)
                ? "%s потоков × %s несинхронизированных инкрементов дали %s из %s (потеряно %s); volatile дал %s — volatile не делает ++ атомарным. AtomicInteger дал %s, блокировка — %s: %s. На виртуальных потоках с одним носителем обычный счётчик дал %s: без вытеснения гонка может спрятаться, но это удача, а не исправление."
                : "%s threads × %s unsynchronized increments gave %s of %s (%s lost); volatile gave %s: volatile does not make ++ atomic. AtomicInteger gave %s and the lock gave %s: %s. On virtual threads with a single carrier the plain counter gave %s: without preemption the race can hide, by luck, not by a fix.")
                .formatted(n(threads, l), n(increments, l), n(plain, l), n(expected, l), n(expected - plain, l), n(vol, l),
                        n(atomic, l), n(locked, l),
                        atomic == expected && locked == expected ? (ru(l) ? "оба точны" : "both exact")
                                : (ru(l) ? "НЕ точны — что-то сломано" : "NOT exact: something is broken"),
                        n(oneCarrierPlain, l)));
        return new Measured(true, rows, List.of(), proof, List.of(flags(platform), flags(virtual)), null);
    }

    private static long count(ChildJvm.Output o, String key) {
        return Long.parseLong(o.text(key).split(";")[0]);
    }

    private static long millis(ChildJvm.Output o, String key) {
        return Long.parseLong(o.text(key).split(";")[1]);
    }

    // ---- 6. channels ---------------------------------------------------------------------------------------

    private Measured channels(Map<String, Integer> s) {
        int messages = s.get("messages");
        ChildJvm.Output o = child.run(Mode.CHANNELS, List.of(), List.of(messages), null);
        double takeMs = o.number("rendezvous.take.micros") / 1000.0;
        double putMs = o.number("rendezvous.put.micros") / 1000.0;
        String offers = o.text("buffered.offers");
        long[] unbuffered = longs(o.text("unbuffered.pipe"));
        long[] buffered = longs(o.text("buffered.pipe"));
        boolean unbufferedOk = unbuffered[0] == unbuffered[1] && unbuffered[2] == messages;
        boolean bufferedOk = buffered[0] == buffered[1] && buffered[2] == messages;
        double unbufferedUs = unbuffered[3] / 1000.0 / messages;
        double bufferedUs = buffered[3] / 1000.0 / messages;
        List<Row> rows = List.of(
                row("rendezvous.receiverTookMs", "Получатель взял (после сна 200 мс)", "Receiver took (after sleeping 200 ms)", round(takeMs), "ms"),
                row("rendezvous.sendReturnedMs", "Отправка в небуферизованный канал завершилась", "Send on the unbuffered channel returned", round(putMs), "ms"),
                row("buffered.offers", "4 попытки отправки в буфер ёмкостью 3", "4 sends into a buffer of capacity 3", offers, ""),
                row("unbuffered.checksumMatches", "Небуферизованный: контрольная сумма совпала", "Unbuffered: checksum matches", unbufferedOk, ""),
                row("unbuffered.microsPerMessage", "Небуферизованный: на сообщение", "Unbuffered: per message", round(unbufferedUs), "µs"),
                row("buffered.checksumMatches", "Буфер 128: контрольная сумма совпала", "Buffer 128: checksum matches", bufferedOk, ""),
                row("buffered.microsPerMessage", "Буфер 128: на сообщение", "Buffer 128: per message", round(bufferedUs), "µs"));
        Text proof = text(l -> (ru(l)
                ? "Отправка в небуферизованный канал вернулась на %s мс, когда получатель взял значение на %s мс после сна: отправитель ждал получателя. Буфер ёмкостью 3 принял 4 отправки так: %s — четвёртая заблокировала бы. %s сообщений прошли от производителя к потребителю: контрольная сумма %s (небуферизованный, %s мкс на сообщение) и %s (буфер 128, %s мкс)."
                : "The send on the unbuffered channel returned at %s ms, when the receiver took the value at %s ms after sleeping: the sender waited for the receiver. A buffer of capacity 3 answered 4 sends with %s: the fourth would have blocked. %s messages went from producer to consumer: checksum %s (unbuffered, %s µs per message) and %s (buffer 128, %s µs).")
                .formatted(d(putMs, l), d(takeMs, l), offers, n(messages, l),
                        unbufferedOk ? (ru(l) ? "совпала" : "matches") : (ru(l) ? "НЕ совпала" : "does NOT match"), d(unbufferedUs, l),
                        bufferedOk ? (ru(l) ? "совпала" : "matches") : (ru(l) ? "НЕ совпала" : "does NOT match"), d(bufferedUs, l)));
        return new Measured(true, rows, List.of(ratio("unbufferedPerBuffered",
                "Небуферизованный / буфер 128 (время на сообщение)", "Unbuffered / buffer 128 (time per message)",
                unbufferedUs / Math.max(0.0001, bufferedUs))), proof, List.of(flags(o)), null);
    }

    private static long[] longs(String semicolonSeparated) {
        return Arrays.stream(semicolonSeparated.split(";")).mapToLong(Long::parseLong).toArray();
    }

    // ---- 7. carriers ---------------------------------------------------------------------------------------

    private Measured carriers(Map<String, Integer> s) {
        int v = s.get("virtualThreads");
        ChildJvm.Output one = child.run(Mode.CARRIERS, ONE_CARRIER, List.of(v), null);
        ChildJvm.Output dflt = child.run(Mode.CARRIERS, List.of(), List.of(v), null);
        Set<String> oneNames = carrierNames(one);
        Set<String> defaultNames = carrierNames(dflt);
        long parallelism = dflt.number("parallelism");
        long migrated = dflt.number("migrated");
        List<Row> rows = List.of(
                row("one.carrierCount", "Параллелизм 1: разных носителей", "Parallelism 1: distinct carriers", (long) oneNames.size(), ""),
                row("one.carriers", "Параллелизм 1: носители (до;после сна)", "Parallelism 1: carriers (before;after sleep)",
                        one.text("carriers.before") + " ; " + one.text("carriers.after"), ""),
                row("one.migrated", "Параллелизм 1: сменили носитель после сна", "Parallelism 1: changed carrier after sleeping", one.number("migrated"), ""),
                row("default.parallelism", "Параллелизм по умолчанию", "Default parallelism", parallelism, ""),
                row("default.carrierCount", "По умолчанию: разных носителей", "Default: distinct carriers", (long) defaultNames.size(), ""),
                row("default.carriers", "По умолчанию: носители (до;после сна)", "Default: carriers (before;after sleep)",
                        dflt.text("carriers.before") + " ; " + dflt.text("carriers.after"), ""),
                row("default.migrated", "По умолчанию: сменили носитель после сна", "Default: changed carrier after sleeping", migrated, ""));
        Text proof = text(l -> (ru(l)
                ? "С параллелизмом 1 все %s виртуальных потоков выполнились на %s носителе(ях): %s — много виртуальных потоков на одном потоке ОС. С параллелизмом по умолчанию (%s) они использовали %s носителя, и %s из них после сна продолжили на другом носителе: носитель выбирает планировщик."
                : "With parallelism 1, all %s virtual threads ran on %s carrier(s): %s: many virtual threads on one OS thread. With the default parallelism (%s) they used %s carriers, and %s of them resumed on a different carrier after sleeping: the scheduler picks the carrier.")
                .formatted(n(v, l), oneNames.size(), String.join(", ", oneNames), parallelism, defaultNames.size(), n(migrated, l)));
        GoComparison goSide = goComparison(() -> go.run("carriers", v, Map.of("GOMAXPROCS", "1")).flatMap(g1 ->
                go.run("carriers", v, Map.of()).map(g -> List.of(
                        row("go.oneProc.threadIds", "Go, GOMAXPROCS=1: разных потоков ОС (TID)", "Go, GOMAXPROCS=1: distinct OS threads (TIDs)",
                                Long.parseLong(g1.get("tids")), ""),
                        row("go.default.threadIds", "Go, GOMAXPROCS=" + g.get("gomaxprocs") + ": разных потоков ОС",
                                "Go, GOMAXPROCS=" + g.get("gomaxprocs") + ": distinct OS threads", Long.parseLong(g.get("tids")), "")))));
        return new Measured(true, rows, List.of(), proof, List.of(flags(one), flags(dflt)), goSide);
    }

    /** Carrier names from "ForkJoinPool-1-worker-1:700,ForkJoinPool-1-worker-2:300" before and after. */
    static Set<String> carrierNames(ChildJvm.Output o) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : List.of("carriers.before", "carriers.after")) {
            for (String part : o.text(key).split(",")) {
                if (!part.isBlank()) {
                    names.add(part.substring(0, part.lastIndexOf(':')));
                }
            }
        }
        return names;
    }

    // ---- 8. blocking ---------------------------------------------------------------------------------------

    private Measured blocking(Map<String, Integer> s) {
        int v = s.get("virtualThreads");
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
        if (nativeMeasured) {
            rows.add(row("native.millis", "sleep внутри нативного кадра (qsort)", "sleep inside a native frame (qsort)", pinned, "ms"));
        }
        boolean syncPinned = sync >= serial * 0.8;
        Text proof = text(l -> {
            String a = (ru(l)
                    ? "%s виртуальных потоков, каждый спит 100 мс на одном носителе, закончили за %s мс (по очереди было бы %s мс): уснувший виртуальный поток освобождает носитель. Сон внутри synchronized занял %s мс: %s."
                    : "%s virtual threads each sleeping 100 ms on one carrier finished in %s ms (one after another would be %s ms): a sleeping virtual thread unmounts and frees the carrier. Sleeping inside synchronized took %s ms: %s.")
                    .formatted(n(v, l), n(sleep, l), n(serial, l), n(sync, l), syncPinned
                            ? (ru(l) ? "закреплён (так было до JDK 24)" : "pinned (as before JDK 24)")
                            : (ru(l) ? "не закреплён (JEP 491, JDK 24+)" : "not pinned (JEP 491, JDK 24+)"));
            String b = nativeMeasured
                    ? (ru(l) ? " Сон внутри обратного вызова из нативной qsort занял %s мс: нативный кадр закрепляет поток на носителе, и потоки шли по очереди."
                    : " Sleeping inside a callback from the native qsort took %s ms: a native frame pins the thread to its carrier, so they ran one after another.")
                    .formatted(n(pinned, l))
                    : (ru(l) ? " Нативный вызов (FFM) недоступен в этой JVM: закрепление не показано." : " Native calls (FFM) are not available in this JVM: pinning not shown.");
            return a + b;
        });
        return new Measured(true, rows, List.of(), proof, List.of(flags(o)), null);
    }

    // ---- 9. thread anatomy ---------------------------------------------------------------------------------

    private Measured threadAnatomy(Map<String, Integer> s) {
        int t = s.get("platformThreads");
        ChildJvm.Output o = child.run(Mode.THREAD_ANATOMY, List.of(), List.of(t), null);
        Set<Long> pids = new LinkedHashSet<>();
        Set<Long> tids = new LinkedHashSet<>();
        Set<String> heapIds = new LinkedHashSet<>();
        boolean allLocalsPrivate = true;
        for (int i = 0; i < t; i++) {
            String[] parts = o.text("thread." + i).split(";");
            pids.add(Long.parseLong(parts[0]));
            tids.add(Long.parseLong(parts[1]));
            allLocalsPrivate &= Long.parseLong(parts[2]) == i * 1000L;
            heapIds.add(parts[3]);
        }
        boolean localsPrivate = allLocalsPrivate;
        boolean tidsKnown = !tids.contains(-1L);
        long counter = o.number("shared.counter");
        long vmPerThread = o.number("vmsize.per.thread.kb");
        String tidList = tids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<Row> rows = List.of(
                row("distinctPids", "Разных PID у потоков", "Distinct PIDs across the threads", (long) pids.size(), ""),
                row("pid", "PID", "PID", pids.iterator().next(), ""),
                row("distinctThreadIds", "Разных идентификаторов потоков ОС (TID)", "Distinct OS thread ids (TIDs)",
                        tidsKnown ? (Object) (long) tids.size() : NOT_ON_THIS_OS.en(), ""),
                row("threadIds", "TID", "TIDs", tidsKnown ? tidList : "-", ""),
                row("localsPrivate", "Каждая локальная переменная сохранила своё значение", "Each local variable kept its own value", localsPrivate, ""),
                row("distinctHeapObjects", "Разных общих объектов в куче", "Distinct shared heap objects", (long) heapIds.size(), ""),
                row("sharedCounter", "Общий счётчик", "Shared counter", counter, ""),
                row("reservedKibPerThread", "Адресное пространство на поток (стек)", "Address space per thread (stack)", vmPerThread, "KiB"));
        Text proof = text(l -> {
            String tidText = tidsKnown
                    ? (ru(l) ? "у каждого свой идентификатор потока ОС (%s разных: %s)" : "each has its own OS thread id (%s distinct: %s)")
                    .formatted(tids.size(), tidList)
                    : (ru(l) ? "TID недоступны на этой ОС" : "TIDs are not available on this OS");
            return (ru(l)
                    ? "%s потоков работают в одном процессе (разных PID: %s, PID %s); %s; локальная переменная каждого %s — у каждого свой стек%s. Общий объект в куче один и тот же для всех (разных: %s), общий счётчик дошёл до %s: куча общая."
                    : "%s threads run in one process (distinct PIDs: %s, PID %s); %s; each thread's local variable %s: each has its own stack%s. The shared heap object is the same for all (distinct: %s) and the shared counter reached %s: the heap is shared.")
                    .formatted(t, pids.size(), pids.iterator().next(), tidText,
                            localsPrivate ? (ru(l) ? "сохранила своё значение" : "kept its own value")
                                    : (ru(l) ? "НЕ сохранила значение" : "did NOT keep its value"),
                            vmPerThread > 0 ? (ru(l) ? " (%s КиБ зарезервировано на поток)" : " (%s KiB reserved per thread)").formatted(n(vmPerThread, l)) : "",
                            heapIds.size(), counter);
        });
        return new Measured(true, rows, List.of(), proof, List.of(flags(o)), null);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Measured unavailable(ChildJvm.Output o) {
        return new Measured(false, List.of(), List.of(), NOT_ON_THIS_OS, List.of(flags(o)), null);
    }

    interface GoRows {
        java.util.Optional<List<Row>> get();
    }

    private GoComparison goComparison(GoRows rows) {
        if (go.program().isEmpty()) {
            return new GoComparison(false, GoToolchain.ABSENT, List.of());
        }
        return rows.get().map(r -> new GoComparison(true, new Text(go.version(), go.version()), r))
                .orElse(new GoComparison(false, new Text("Программа Go не сработала: сравнение не показано",
                        "The Go program failed: Go comparison not shown"), List.of()));
    }

    private static String flags(ChildJvm.Output o) {
        return String.join(" ", o.flags());
    }

    private static Row row(String key, String ru, String en, Object value, String unit) {
        return new Row(key, new Text(ru, en), value, unit);
    }

    private static Ratio ratio(String key, String ru, String en, double value) {
        return new Ratio(key, new Text(ru, en), round(value));
    }

    static Text text(Function<String, String> byLang) {
        return new Text(byLang.apply("ru"), byLang.apply("en"));
    }

    private static boolean ru(String lang) {
        return "ru".equals(lang);
    }

    /** Two significant decimals for small values, fewer for large ones. */
    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 10 ? 10 : 100;
        return Math.round(v * scale) / scale;
    }

    static String n(long v, String lang) {
        return NumberFormat.getIntegerInstance(ru(lang) ? Locale.forLanguageTag("ru") : Locale.US).format(v);
    }

    static String d(double v, String lang) {
        NumberFormat f = NumberFormat.getNumberInstance(ru(lang) ? Locale.forLanguageTag("ru") : Locale.US);
        f.setMaximumFractionDigits(Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
        return f.format(v);
    }
}
