package io.demodeck.demo;

import java.util.Map;

/**
 * One demo as one unit, in its own folder {@code demo/catalog/<name>/}: its catalogue entry, and how a run is
 * measured and read: the child JVM modes it starts (its {@code <Name>Child} program, registered in
 * {@link io.demodeck.demo.child.DemoChild.Mode}), the Go or C helper runs, and how their output becomes rows,
 * ratios, a proof and claims. Every unit is registered once, in {@link DemoCatalog}.
 */
public interface Demo {

    DemoEntry entry();

    /**
     * Runs the demo with one preset's sizes and interprets what it printed; no canned values. {@code breaking} runs it
     * with the setting under which its claims must not hold ({@link DemoMeasurements.Setting#BREAKING}).
     */
    Measured measure(DemoTools tools, Map<String, Integer> sizes, boolean breaking);
}
