package io.demodeck.demo;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one run measured, as the API returns it and the pages show it.
 *
 * @param available     false where the measurement needs what this OS lacks (e.g. Linux /proc); then
 *                      {@code proof} says so
 * @param measuredAt    when the child JVM(s) ran; a cached result keeps the original time
 * @param claims        what the demo claims, each decided by this run's own measurements
 * @param goComparison  null for demos without a Go counterpart
 */
public record DemoResult(String demoId, Text title, String preset, Map<String, Integer> sizes, boolean available,
                         List<Row> rows, List<Ratio> ratios, Text proof, List<Claim> claims, Environment environment,
                         Instant measuredAt, long durationMs, boolean cached, GoComparison goComparison) {

    /**
     * One claim of the demo as a check over its measurements: whether it held on this machine, and the
     * numbers that decided it.
     */
    public record Claim(String key, Text statement, boolean holds, Text evidence) {
    }

    /** True when every claim held on this machine (false when there is none to decide, e.g. no /proc). */
    @JsonProperty("holds")
    public boolean holds() {
        return !claims.isEmpty() && claims.stream().allMatch(Claim::holds);
    }

    /** The claim with this key, for tests. */
    public Claim claim(String key) {
        return claims.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** One measured figure; {@code value} is a number (Long or Double) or a short text. */
    public record Row(String key, Text label, Object value, String unit) {
    }

    public record Ratio(String key, Text label, double value) {
    }

    /** Where it ran: the child JVM uses the server's JDK. */
    public record Environment(String jdk, String os, String osVersion, String arch, int cpus,
                              List<String> childJvmFlags) {
    }

    public record GoComparison(boolean available, Text note, List<Row> rows) {
    }

    /** Measured while the Go or C side was still being built: incomplete, and worth measuring again soon. */
    public boolean waitingForAHelperBuild() {
        return goComparison != null && GoToolchain.PREPARING.equals(goComparison.note())
                || !available && CHelper.PREPARING.equals(proof);
    }

    public DemoResult fromCache() {
        return new DemoResult(demoId, title, preset, sizes, available, rows, ratios, proof, claims, environment,
                measuredAt, durationMs, true, goComparison);
    }

    /** The row with this key, for tests and templates. */
    public Row row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }
}
