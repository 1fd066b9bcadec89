package io.demodeck.demo;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A demo's catalogue entry: its stable id (the question bank, URLs, the result cache and the metrics use it), its
 * title and explanation in both languages, and the sizes of each preset. No preset exceeds a size's server-side cap
 * (DEMOS-FACTS §5); a test checks it.
 */
public final class DemoEntry {

    /** One size a demo takes: its value in the small, medium and large presets, and the cap none may exceed. */
    public record Size(String name, int small, int medium, int large, int cap) {

        int in(Preset preset) {
            return switch (preset) {
                case SMALL -> small;
                case MEDIUM -> medium;
                case LARGE -> large;
            };
        }
    }

    private final String id;
    private final Text title;
    private final Text explanation;
    private final List<Size> sizes;
    private final Map<Preset, Map<String, Integer>> presets;

    public DemoEntry(String id, Text title, Text explanation, Size... sizes) {
        this.id = id;
        this.title = title;
        this.explanation = explanation;
        this.sizes = List.of(sizes);
        Map<Preset, Map<String, Integer>> byPreset = new LinkedHashMap<>();
        for (Preset preset : Preset.values()) {
            Map<String, Integer> one = new LinkedHashMap<>();
            Arrays.stream(sizes).forEach(size -> one.put(size.name(), size.in(preset)));
            byPreset.put(preset, Collections.unmodifiableMap(one));
        }
        this.presets = Collections.unmodifiableMap(byPreset);
    }

    public String id() {
        return id;
    }

    public Text title() {
        return title;
    }

    public Text explanation() {
        return explanation;
    }

    /** The sizes of a preset, in a stable order (name to value). */
    public Map<String, Integer> sizes(Preset preset) {
        return presets.get(preset);
    }

    /** The server-side cap of one of this demo's sizes. */
    public int cap(String size) {
        return sizes.stream().filter(s -> s.name().equals(size)).mapToInt(Size::cap).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cap for " + size));
    }
}
