package io.demodeck.demo;

import io.demodeck.demo.catalog.fileiocapture.FileIoCaptureDemo;
import io.demodeck.demo.catalog.limits.LimitsDemo;
import io.demodeck.demo.catalog.structuredcancel.StructuredCancelDemo;
import io.demodeck.demo.catalog.crashisolation.CrashIsolationDemo;
import io.demodeck.demo.catalog.throughput.ThroughputDemo;
import io.demodeck.demo.catalog.timeslicing.TimeSlicingDemo;
import io.demodeck.demo.catalog.contextswitch.ContextSwitchDemo;
import io.demodeck.demo.catalog.threadanatomy.ThreadAnatomyDemo;
import io.demodeck.demo.catalog.blocking.BlockingDemo;
import io.demodeck.demo.catalog.carriers.CarriersDemo;
import io.demodeck.demo.catalog.channels.ChannelsDemo;
import io.demodeck.demo.catalog.datarace.DataRaceDemo;
import io.demodeck.demo.catalog.footprint.FootprintDemo;
import io.demodeck.demo.catalog.osthreads.OsThreadsDemo;
import io.demodeck.demo.catalog.creationcost.CreationCostDemo;
import io.demodeck.demo.catalog.isolation.IsolationDemo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demos that back answers: stable ids (used in the question bank), titles and explanations in both
 * languages, and the sizes of each preset. Every size is at most its {@link Cap}; a test checks it.
 */
public enum DemoCatalog {
    CREATION_COST(new CreationCostDemo()),
    OS_THREADS(new OsThreadsDemo()),
    FOOTPRINT(new FootprintDemo()),
    ISOLATION(new IsolationDemo()),
    DATA_RACE(new DataRaceDemo()),
    CHANNELS(new ChannelsDemo()),
    CARRIERS(new CarriersDemo()),
    BLOCKING(new BlockingDemo()),
    THREAD_ANATOMY(new ThreadAnatomyDemo()),
    CONTEXT_SWITCH(new ContextSwitchDemo()),
    TIME_SLICING(new TimeSlicingDemo()),
    THROUGHPUT(new ThroughputDemo()),
    CRASH_ISOLATION(new CrashIsolationDemo()),
    STRUCTURED_CANCEL(new StructuredCancelDemo()),
    FILE_IO_CAPTURE(new FileIoCaptureDemo()),
    FORK_COW("fork-cow", "fork: копия памяти при записи, и один поток у потомка",
            "fork: copy-on-write memory, and one thread in the child",
            "Небольшая программа на C (собирается один раз, без данных из запроса) с двумя потоками кладёт 42 в "
                    + "глобальную переменную и вызывает fork: потомок видит 42, пишет 99, а у родителя остаётся 42 — "
                    + "потомок получил копию-снимок памяти. У потомка многопоточного родителя один поток. Java так не "
                    + "умеет: она запускает новые программы (posix_spawn + exec), которые начинают с чистого образа.",
            "A small C program (built once, no request data) with two threads puts 42 in a global variable and calls "
                    + "fork: the child sees 42, writes 99, and the parent still has 42: the child got a copy-on-write "
                    + "snapshot. The child of a multi-threaded parent has one thread. Java cannot do this: it starts new "
                    + "programs (posix_spawn + exec), which begin from a clean image.",
            sizes()),
    LIMITS(new LimitsDemo());

    /** The server-side cap of one size of this demo (DEMOS-FACTS §5); presets never exceed it. */
    public int cap(String size) {
        if (unit != null) {
            return unit.entry().cap(size);
        }
        return switch (size) {
            case "platformThreads", "threads" -> this == THREAD_ANATOMY ? 64 : this == DATA_RACE ? 4 : 2_000;
            case "virtualThreads" -> this == BLOCKING ? 20 : this == FILE_IO_CAPTURE ? 64 : 100_000;
            case "processes" -> 100;
            case "roundTrips" -> 200_000;
            case "busyMillis" -> 2_000;
            case "tasks" -> 10_000;
            case "platformPool" -> 200;
            case "sleepMillis" -> 100;
            case "siblings" -> 64;
            case "incrementsPerThread" -> 1_000_000;
            case "messages" -> 200_000;
            default -> throw new IllegalArgumentException("no cap for " + size);
        };
    }

    private final Demo unit;
    private final DemoEntry entry;

    DemoCatalog(Demo unit) {
        this.unit = unit;
        this.entry = unit.entry();
    }

    DemoCatalog(String id, String titleRu, String titleEn, String explanationRu, String explanationEn,
                Map<Preset, Map<String, Integer>> presets) {
        this.unit = null;
        this.entry = null;
        this.id = id;
        this.titleRu = titleRu;
        this.titleEn = titleEn;
        this.explanation = new Text(explanationRu, explanationEn);
        this.presets = presets;
    }

    private String id;
    private String titleRu;
    private String titleEn;
    private Text explanation;
    private Map<Preset, Map<String, Integer>> presets;

    /** The demo's unit: how it runs and reads its measurements. */
    public Demo unit() {
        return unit;
    }

    public String id() {
        return entry != null ? entry.id() : id;
    }

    public String title(String lang) {
        return titles().in(lang);
    }

    public Text titles() {
        return entry != null ? entry.title() : new Text(titleRu, titleEn);
    }

    public Text explanation() {
        return entry != null ? entry.explanation() : explanation;
    }

    /** The sizes of a preset, in a stable order (name to value). */
    public Map<String, Integer> sizes(Preset preset) {
        return entry != null ? entry.sizes(preset) : presets.get(preset);
    }

    public static Optional<DemoCatalog> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id().equals(id)).findFirst();
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
