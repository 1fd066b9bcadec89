package io.demodeck.web;

import java.util.List;

/** The interface and content languages DemoDeck speaks. */
public final class Languages {

    public static final String DEFAULT = "ru";
    public static final List<String> SUPPORTED = List.of("ru", "en");

    private Languages() {
    }

    public static boolean isSupported(String code) {
        return code != null && SUPPORTED.contains(code);
    }
}
