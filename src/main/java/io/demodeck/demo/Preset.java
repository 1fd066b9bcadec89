package io.demodeck.demo;

import io.demodeck.platform.ClientFacingException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The only size choice a client has: the server maps each preset to capped sizes per demo. */
public enum Preset {
    SMALL(new Text("малый", "small")), MEDIUM(new Text("средний", "medium")), LARGE(new Text("большой", "large"));

    private final Text label;

    Preset(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
    }

    /** The preset named {@code id}, else a 400 that names the allowed values. */
    public static Preset parse(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> ClientFacingException.badRequest("preset must be one of " + allowed()));
    }
}
