package io.demodeck.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Latency histograms for request timings and the app's own timers, so Prometheus can compute p95/p99 across
 * replicas (histogram_quantile over the buckets) instead of each replica's own percentiles, which cannot be added.
 */
public class MetricsSetup {

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER
                        && (id.getName().startsWith("http.server.requests") || id.getName().startsWith("demodeck."))) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
