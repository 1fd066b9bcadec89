package io.demodeck.demo;

import io.demodeck.demo.catalog.blocking.BlockingDemo;
import io.demodeck.demo.catalog.carriers.CarriersDemo;
import io.demodeck.demo.catalog.channels.ChannelsDemo;
import io.demodeck.demo.catalog.contextswitch.ContextSwitchDemo;
import io.demodeck.demo.catalog.crashisolation.CrashIsolationDemo;
import io.demodeck.demo.catalog.creationcost.CreationCostDemo;
import io.demodeck.demo.catalog.datarace.DataRaceDemo;
import io.demodeck.demo.catalog.fileiocapture.FileIoCaptureDemo;
import io.demodeck.demo.catalog.footprint.FootprintDemo;
import io.demodeck.demo.catalog.forkcow.ForkCowDemo;
import io.demodeck.demo.catalog.isolation.IsolationDemo;
import io.demodeck.demo.catalog.limits.LimitsDemo;
import io.demodeck.demo.catalog.osthreads.OsThreadsDemo;
import io.demodeck.demo.catalog.structuredcancel.StructuredCancelDemo;
import io.demodeck.demo.catalog.threadanatomy.ThreadAnatomyDemo;
import io.demodeck.demo.catalog.throughput.ThroughputDemo;
import io.demodeck.demo.catalog.timeslicing.TimeSlicingDemo;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Every demo, registered once: the one place that lists them, in the order the pages and the API show them. Each
 * {@link Demo} unit lives in its own folder ({@code demo/catalog/<name>/}) with its entry (id, titles, presets and
 * caps), its child JVM program and the reading of its output; a demo's child program is registered under the same
 * name in {@link io.demodeck.demo.child.DemoChild.Mode}.
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
    FORK_COW(new ForkCowDemo()),
    LIMITS(new LimitsDemo());

    private final Demo unit;

    DemoCatalog(Demo unit) {
        this.unit = unit;
    }

    /** The demo's unit: its entry, and how it runs and reads its measurements. */
    public Demo unit() {
        return unit;
    }

    public String id() {
        return unit.entry().id();
    }

    public String title(String lang) {
        return titles().in(lang);
    }

    public Text titles() {
        return unit.entry().title();
    }

    public Text explanation() {
        return unit.entry().explanation();
    }

    /** The sizes of a preset, in a stable order (name to value). */
    public Map<String, Integer> sizes(Preset preset) {
        return unit.entry().sizes(preset);
    }

    /** The server-side cap of one size of this demo (DEMOS-FACTS §5); presets never exceed it. */
    public int cap(String size) {
        return unit.entry().cap(size);
    }

    public static Optional<DemoCatalog> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id().equals(id)).findFirst();
    }
}
