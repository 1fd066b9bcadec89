package io.demodeck.demo;

import io.demodeck.platform.DemodeckConfig;
import io.demodeck.platform.ClientFacingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
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
 * Runs demos for requests: cache first, then admission (a fair line: one run per client, a global number of
 * runs at once, a per-client rate), then the measurement in child JVMs. The first run after start also starts
 * the one background build of the Go program. On shutdown every child still running is killed with its
 * descendants.
 */
@ApplicationScoped
public class DemoService {

    @Inject
    DemodeckConfig settings;

    private DemodeckConfig.Demos config;

    @Inject
    MeterRegistry registry;

    private ChildJvm child;
    private GoToolchain go;
    private CHelper c;
    private DemoMeasurements measurements;
    private RunGate gate;
    private ResultCache cache;

    @PostConstruct
    void init() {
        config = settings.demos();
        Duration timeout = Duration.ofSeconds(config.childTimeoutSeconds());
        child = new ChildJvm(timeout);
        go = new GoToolchain(config.goCommand(), config.cCompiler(), System.getenv("PATH"), timeout);
        c = new CHelper(config.cCompiler(), System.getenv("PATH"), timeout);
        measurements = new DemoMeasurements(child, go, c);
        int slots = config.maxConcurrentRuns() > 0 ? config.maxConcurrentRuns()
                : RunGate.slotsForCores(Runtime.getRuntime().availableProcessors());
        gate = new RunGate(slots, config.maxWaiting(), Duration.ofSeconds(config.maxWaitSeconds()), config.runsPerMinute(),
                Clock.systemUTC());
        cache = new ResultCache(Duration.ofSeconds(config.cacheSeconds()), Clock.systemUTC());
        CaffeineCacheMetrics.monitor(registry, cache.cache(), "demo-results");
    }

    void onStop(@Observes ShutdownEvent event) {
        child.close();
        go.close();
        c.close();
    }

    /** What a client may run: every demo with its presets and their sizes. */
    public List<DemoCatalog> catalog() {
        return List.of(DemoCatalog.values());
    }

    public DemoResult run(DemoCatalog demo, Preset preset, String client) {
        go.prepareInBackground(); // once each; never waited for here
        c.prepareInBackground();
        var cached = cache.get(demo, preset);
        if (cached.isPresent()) {
            count(demo, "cached");
            return cached.get();
        }
        try (RunGate.Permit ignored = gate.enter(client)) {
            var again = cache.get(demo, preset); // someone ahead in line may have measured it meanwhile
            if (again.isPresent()) {
                count(demo, "cached");
                return again.get();
            }
            DemoResult result = measurements.measure(demo, preset);
            cache.put(demo, preset, result);
            count(demo, "measured");
            return result;
        } catch (ClientFacingException refused) {
            count(demo, "refused");
            throw refused;
        } catch (ChildJvm.DemoFailure e) {
            count(demo, "failed");
            Log.warnf("Demo %s/%s failed: %s", demo.id(), preset.id(), e.getMessage());
            throw new ClientFacingException(503, "demo-failed", "Service Unavailable", "The demo could not be measured: "
                    + e.getMessage(), List.of(), Map.of("Retry-After", "10"));
        }
    }

    /** demodeck.demo.runs on /q/metrics: per demo, measured, cached, refused (busy line, rate) or failed. */
    private void count(DemoCatalog demo, String outcome) {
        registry.counter("demodeck.demo.runs", "demo", demo.id(), "outcome", outcome).increment();
    }

    /** Where a client stands in the line of demo runs. */
    public RunGate.Position position(String client) {
        return gate.position(client);
    }

    /** Where the Go program stands (absent, being prepared, ready). */
    public GoToolchain.Status goStatus() {
        return go.status();
    }

    /** For tests: the gate, to fill the concurrent-run slots; the Go toolchain; the number of child JVMs alive. */
    public GoToolchain go() {
        return go;
    }

    public RunGate gate() {
        return gate;
    }

    public int liveChildren() {
        return child.liveCount();
    }
}
