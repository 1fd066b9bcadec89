package io.demodeck.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demos that back answers: stable ids (used in the question bank), titles and explanations in both
 * languages, and the sizes of each preset. Every size is at most its {@link Cap}; a test checks it.
 */
public enum DemoCatalog {
    CREATION_COST("creation-cost", "Стоимость создания: виртуальные потоки, потоки ОС, процессы",
            "Creation cost: virtual threads, OS threads, processes",
            "Запускаем и дожидаемся N платформенных потоков, N виртуальных потоков и M дочерних процессов (/bin/true) "
                    + "в отдельной JVM и делим время на количество: стоимость одного в микросекундах и отношения между ними. "
                    + "Один холодный прогон, затем медиана трёх.",
            "A child JVM starts and joins N platform threads, N virtual threads and M child processes (/bin/true) and "
                    + "divides the time by the count: the cost of one, in microseconds, and the ratios. One cold round, "
                    + "then the median of three.",
            sizes("platformThreads", 1_000, 2_000, 2_000, "virtualThreads", 10_000, 50_000, 100_000,
                    "processes", 20, 50, 100)),
    OS_THREADS("os-threads", "Сколько потоков ОС на самом деле существует",
            "How many OS threads really exist",
            "Пока N виртуальных потоков (а затем N платформенных) заблокированы на защёлке, считаем потоки ОС "
                    + "процесса в /proc/self/task (только Linux).",
            "While N virtual threads (then N platform threads) are blocked on a latch, the child counts the OS "
                    + "threads of its process in /proc/self/task (Linux only).",
            sizes("virtualThreads", 10_000, 50_000, 100_000, "platformThreads", 1_000, 2_000, 2_000)),
    FOOTPRINT("footprint", "Память на спящий виртуальный и платформенный поток",
            "Memory per sleeping virtual vs platform thread",
            "Сравниваем VmRSS (резидентная память), VmSize (зарезервированное адресное пространство) из "
                    + "/proc/self/status и кучу после сборки мусора до и во время жизни N спящих потоков.",
            "Compares VmRSS (resident memory), VmSize (reserved address space) from /proc/self/status and the heap "
                    + "after GC, before and while N threads are parked.",
            sizes("virtualThreads", 10_000, 50_000, 100_000, "platformThreads", 1_000, 2_000, 2_000)),
    ISOLATION("isolation", "Изоляция: поток видит память родителя, процесс — нет",
            "Isolation: a thread shares the parent's memory, a process does not",
            "Сервер кладёт 42 в переменную. Поток в том же процессе видит 42 и пишет 43 — родитель это видит. "
                    + "Дочерний процесс (новая JVM) имеет своё адресное пространство: своя копия переменной, свой PID; "
                    + "значение попадает к нему только через канал (stdin), его запись к родителю не возвращается.",
            "The server puts 42 in a variable. A thread in the same process sees 42 and writes 43, and the parent "
                    + "sees it. A child process (a new JVM) has its own address space: its own copy of the variable, its "
                    + "own PID; a value reaches it only through a pipe (stdin), and its write never comes back.",
            sizes()),
    DATA_RACE("data-race", "Гонка данных: потерянные инкременты",
            "Data race: lost increments",
            "Несколько потоков одновременно увеличивают общий счётчик: обычный int, volatile int, AtomicInteger и "
                    + "счётчик под блокировкой. Затем то же на виртуальных потоках с одним носителем.",
            "Several threads increment one shared counter at once: a plain int, a volatile int, an AtomicInteger "
                    + "and a counter under a lock. Then the same on virtual threads with a single carrier.",
            sizes("threads", 4, 4, 4, "incrementsPerThread", 200_000, 1_000_000, 1_000_000)),
    CHANNELS("channels", "Каналы: небуферизованный и буферизованный",
            "Channels: unbuffered and buffered",
            "SynchronousQueue играет роль небуферизованного канала Go: отправка ждёт получателя. ArrayBlockingQueue(3) — "
                    + "буферизованный канал. Затем производитель и потребитель на виртуальных потоках передают M "
                    + "сообщений и сверяют контрольную сумму.",
            "A SynchronousQueue plays Go's unbuffered channel: a send waits for the receiver. An ArrayBlockingQueue(3) "
                    + "is a buffered channel. Then a producer and a consumer virtual thread pass M messages and compare "
                    + "checksums.",
            sizes("messages", 10_000, 100_000, 200_000)),
    CARRIERS("carriers", "Много виртуальных потоков на одном потоке-носителе",
            "Many virtual threads on one carrier thread",
            "N виртуальных потоков записывают имя своего потока-носителя до и после 10 мс сна: сначала с "
                    + "-Djdk.virtualThreadScheduler.parallelism=1, затем с параллелизмом по умолчанию.",
            "N virtual threads record the name of their carrier thread before and after a 10 ms sleep: first with "
                    + "-Djdk.virtualThreadScheduler.parallelism=1, then with the default parallelism.",
            sizes("virtualThreads", 1_000, 10_000, 100_000)),
    BLOCKING("blocking", "Блокировка освобождает носитель, нативный кадр его закрепляет",
            "Blocking unmounts; a native frame pins",
            "N виртуальных потоков на одном носителе спят по 100 мс: просто, внутри synchronized и внутри обратного "
                    + "вызова из нативной функции qsort. Заблокированный поток освобождает носитель, закреплённый — нет.",
            "N virtual threads on one carrier each sleep 100 ms: plainly, inside synchronized, and inside a callback "
                    + "from the native qsort function. A blocked thread frees its carrier; a pinned one does not.",
            sizes("virtualThreads", 5, 10, 20)),
    THREAD_ANATOMY("thread-anatomy", "Анатомия потока: общий PID и куча, свои TID и стек",
            "Thread anatomy: shared PID and heap, own TID and stack",
            "N платформенных потоков сообщают PID процесса, свой идентификатор потока ОС (TID), значение своей "
                    + "локальной переменной (на своём стеке) и идентичность общего объекта в куче.",
            "N platform threads report the process's PID, their own OS thread id (TID), the value of a local "
                    + "variable (on their own stack) and the identity of one shared heap object.",
            sizes("platformThreads", 4, 8, 16));

    /** The server-side cap of one size of this demo (DEMOS-FACTS §5); presets never exceed it. */
    public int cap(String size) {
        return switch (size) {
            case "platformThreads" -> this == THREAD_ANATOMY ? 64 : 2_000;
            case "virtualThreads" -> this == BLOCKING ? 20 : 100_000;
            case "processes" -> 100;
            case "threads" -> 4;
            case "incrementsPerThread" -> 1_000_000;
            case "messages" -> 200_000;
            default -> throw new IllegalArgumentException("no cap for " + size);
        };
    }

    private final String id;
    private final String titleRu;
    private final String titleEn;
    private final Text explanation;
    private final Map<Preset, Map<String, Integer>> presets;

    DemoCatalog(String id, String titleRu, String titleEn, String explanationRu, String explanationEn,
                Map<Preset, Map<String, Integer>> presets) {
        this.id = id;
        this.titleRu = titleRu;
        this.titleEn = titleEn;
        this.explanation = new Text(explanationRu, explanationEn);
        this.presets = presets;
    }

    public String id() {
        return id;
    }

    public String title(String lang) {
        return "ru".equals(lang) ? titleRu : titleEn;
    }

    public Text titles() {
        return new Text(titleRu, titleEn);
    }

    public Text explanation() {
        return explanation;
    }

    /** The sizes of a preset, in a stable order (name to value). */
    public Map<String, Integer> sizes(Preset preset) {
        return presets.get(preset);
    }

    public static Optional<DemoCatalog> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }

    /** Pairs of (name, small, medium, large). */
    private static Map<Preset, Map<String, Integer>> sizes(Object... spec) {
        Map<Preset, Map<String, Integer>> result = new LinkedHashMap<>();
        for (Preset p : Preset.values()) {
            Map<String, Integer> one = new LinkedHashMap<>();
            for (int i = 0; i < spec.length; i += 4) {
                one.put((String) spec[i], (Integer) spec[i + 1 + p.ordinal()]);
            }
            result.put(p, java.util.Collections.unmodifiableMap(one));
        }
        return java.util.Collections.unmodifiableMap(result);
    }
}
