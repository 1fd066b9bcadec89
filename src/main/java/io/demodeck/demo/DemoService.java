package io.demodeck.demo;

import io.demodeck.platform.ApiException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs demos for requests: cache first, then admission (per-client rate, global concurrency), then the
 * measurement in child JVMs. On shutdown every child still running is killed with its descendants.
 */
@ApplicationScoped
public class DemoService {

    @Inject
    DemoConfig config;

    private ChildJvm child;
    private GoToolchain go;
    private DemoMeasurements measurements;
    private RunGate gate;
    private ResultCache cache;

    @PostConstruct
    void init() {
        Duration timeout = Duration.ofSeconds(config.childTimeoutSeconds());
        child = new ChildJvm(timeout);
        go = new GoToolchain(config.goCommand(), System.getenv("PATH"), timeout);
        measurements = new DemoMeasurements(child, go);
        gate = new RunGate(config.maxConcurrentRuns(), config.runsPerMinute(), Clock.systemUTC());
        cache = new ResultCache(Duration.ofSeconds(config.cacheSeconds()), Clock.systemUTC());
    }

    void onStop(@Observes ShutdownEvent event) {
        child.close();
        go.close();
    }

    /** What a client may run: every demo with its presets and their sizes. */
    public List<DemoCatalog> catalog() {
        return List.of(DemoCatalog.values());
    }

    public DemoResult run(DemoCatalog demo, Preset preset, String client) {
        var cached = cache.get(demo, preset);
        if (cached.isPresent()) {
            return cached.get();
        }
        try (RunGate.Permit ignored = gate.enter(client)) {
            DemoResult result = measurements.measure(demo, preset);
            cache.put(demo, preset, result);
            return result;
        } catch (ChildJvm.DemoFailure e) {
            Log.warnf("Demo %s/%s failed: %s", demo.id(), preset.id(), e.getMessage());
            throw new ApiException(503, "demo-failed", "Service Unavailable", "The demo could not be measured: "
                    + e.getMessage(), List.of(), Map.of("Retry-After", "10"));
        }
    }

    /** For tests: the gate, to fill the concurrent-run slots; and the number of child JVMs alive. */
    public RunGate gate() {
        return gate;
    }

    public int liveChildren() {
        return child.liveCount();
    }
}
