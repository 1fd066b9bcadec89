package io.demodeck.demo;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of demo results that were English on Russian pages: the names of preset parameters and the units of
 * measurements ({@code {demo:...}}, Russian in {@code messages/demo_ru.properties}). The explanations and claims
 * stay {@link Text} pairs next to the code that measures them.
 */
@MessageBundle(value = "demo", locale = "en")
public interface DemoMessages {

    @Message("threads")
    String param_threads();

    @Message("processes")
    String param_processes();

    @Message("virtual threads")
    String param_virtualThreads();

    @Message("platform threads")
    String param_platformThreads();

    @Message("increments per thread")
    String param_incrementsPerThread();

    @Message("messages")
    String param_messages();

    @Message("round trips")
    String param_roundTrips();

    @Message("busy time, ms")
    String param_busyMillis();

    @Message("tasks")
    String param_tasks();

    @Message("platform pool")
    String param_platformPool();

    @Message("sleep, ms")
    String param_sleepMillis();

    @Message("siblings")
    String param_siblings();

    @Message("ms")
    String unit_ms();

    @Message("ns")
    String unit_ns();

    @Message("µs")
    String unit_us();

    @Message("KiB")
    String unit_KiB();

    // what js/demo-panel.js shows: rendered into the page by tags/demoPanelTexts.html, never written in the script

    @Message("Run demo")
    String panel_run();

    @Message("Running…")
    String panel_running();

    @Message("What this output proves")
    String panel_proof();

    @Message("Measured")
    String panel_measured();

    @Message("from the cache")
    String panel_cached();

    @Message("measured now")
    String panel_fresh();

    @Message("The demo could not run")
    String panel_failed();

    @Message("Go comparison")
    String panel_go();

    @Message("Claims checked on this machine")
    String panel_claims();

    @Message("holds on this machine")
    String panel_holds();

    @Message("does not hold on this machine")
    String panel_fails();

    /** The script puts the numbers in place of the two marks it passes. */
    @Message("Waiting in line: position {position} of {waiting}")
    String panel_waiting(String position, String waiting);

    @Message("yes")
    String panel_yes();

    @Message("no")
    String panel_no();
}
