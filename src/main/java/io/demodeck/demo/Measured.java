package io.demodeck.demo;

import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.GoComparison;
import io.demodeck.demo.DemoResult.Ratio;
import io.demodeck.demo.DemoResult.Row;

import java.util.List;

/**
 * What a demo's run produced, before {@link DemoMeasurements} stamps the time, the preset and the environment on it.
 *
 * @param childFlags the JVM flags of each child it started
 * @param go         the Go side, or null for a demo without one
 */
public record Measured(boolean available, List<Row> rows, List<Ratio> ratios, Text proof, List<Claim> claims,
                       List<String> childFlags, GoComparison go) {

    public static final Text NOT_ON_THIS_OS = new Text(
            "Недоступно на этой ОС: измерение требует Linux /proc.",
            "Not available on this OS: this measurement needs Linux /proc.");

    /** The child ran but found no Linux /proc to measure: nothing to show and no claim to decide. */
    public static Measured unavailable(ChildJvm.Output o) {
        return new Measured(false, List.of(), List.of(), NOT_ON_THIS_OS, List.of(), List.of(DemoMeasurements.flags(o)), null);
    }
}
