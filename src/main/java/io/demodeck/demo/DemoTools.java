package io.demodeck.demo;

import io.demodeck.demo.DemoResult.Claim;
import io.demodeck.demo.DemoResult.GoComparison;
import io.demodeck.demo.DemoResult.Row;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What a demo measures with: child JVMs, the optional Go program and the fork demo's C helper. */
public record DemoTools(ChildJvm child, GoToolchain go, CHelper c) {

    /** The Go side of a demo: its rows and its own claims (added to the demo's claims). */
    public record GoPart(List<Row> rows, List<Claim> claims) {
    }

    /**
     * Runs the Go side where the Go program is ready; its claims join {@code claims}. While the program is being
     * built in the background, or where Go is absent, the comparison says so and claims nothing.
     */
    public GoComparison goComparison(List<Claim> claims, Supplier<Optional<GoPart>> part) {
        return switch (go.status()) {
            case ABSENT -> new GoComparison(false, GoToolchain.ABSENT, List.of());
            case PREPARING -> new GoComparison(false, GoToolchain.PREPARING, List.of());
            case FAILED -> new GoComparison(false, GoToolchain.BUILD_FAILED, List.of());
            case READY -> part.get().map(p -> {
                claims.addAll(p.claims());
                return new GoComparison(true, new Text(go.version(), go.version()), p.rows());
            }).orElse(new GoComparison(false, new Text("Программа Go не сработала: сравнение не показано",
                    "The Go program failed: Go comparison not shown"), List.of()));
        };
    }
}
