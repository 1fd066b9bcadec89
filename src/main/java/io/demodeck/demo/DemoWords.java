package io.demodeck.demo;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Preset parameter names and units of demo results in the page's language ({@link DemoMessages}). */
final class DemoWords {

    private DemoWords() {
    }

    static DemoMessages in(String lang) {
        return MessageBundles.get(DemoMessages.class, Localized.Literal.of("ru".equals(lang) ? "ru" : "en"));
    }

    /** A preset parameter's name ("virtualThreads") said in {@code lang}; an unknown one stays as it is. */
    static String param(String key, String lang) {
        DemoMessages m = in(lang);
        return switch (key) {
            case "threads" -> m.param_threads();
            case "processes" -> m.param_processes();
            case "virtualThreads" -> m.param_virtualThreads();
            case "platformThreads" -> m.param_platformThreads();
            case "incrementsPerThread" -> m.param_incrementsPerThread();
            case "messages" -> m.param_messages();
            case "roundTrips" -> m.param_roundTrips();
            case "busyMillis" -> m.param_busyMillis();
            case "tasks" -> m.param_tasks();
            case "platformPool" -> m.param_platformPool();
            case "sleepMillis" -> m.param_sleepMillis();
            case "siblings" -> m.param_siblings();
            default -> key;
        };
    }

    /** A unit of a measurement said in {@code lang}; a unit that is a word of the table ("atomic") stays. */
    static String unit(String unit, String lang) {
        DemoMessages m = in(lang);
        return switch (unit == null ? "" : unit) {
            case "ms" -> m.unit_ms();
            case "ns" -> m.unit_ns();
            case "µs" -> m.unit_us();
            case "KiB" -> m.unit_KiB();
            default -> unit;
        };
    }
}
