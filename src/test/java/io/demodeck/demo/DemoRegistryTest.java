package io.demodeck.demo;

import io.demodeck.demo.catalog.carriers.CarriersDemo;
import io.demodeck.demo.catalog.isolation.IsolationChild;
import io.demodeck.demo.catalog.isolation.IsolationDemo;
import io.demodeck.demo.child.ChildProgram;
import io.demodeck.demo.child.DemoChild;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One unit per demo, registered once: every demo folder's unit is in {@link DemoCatalog} exactly once, every child
 * program is registered once as a {@link DemoChild.Mode} and belongs to a registered unit, and every catalogue entry
 * runs its own folder's child program.
 */
class DemoRegistryTest {

    private static final String FOLDERS = "io.demodeck.demo.catalog.";

    @Test
    void everyDemoIsRegisteredOnceWithItsOwnChildProgram() throws Exception {
        assertEquals(List.of(), problems(catalogue(), modes(), classesInDemoFolders()));
    }

    @Test
    void aDemoRegisteredTwiceIsNamed() throws Exception {
        Map<String, Demo> twice = catalogue();
        twice.put("ISOLATION_AGAIN", new IsolationDemo());
        assertTrue(problems(twice, modes(), classesInDemoFolders())
                .contains("isolation: registered twice in the catalogue (ISOLATION, ISOLATION_AGAIN)"));

        Map<String, ChildProgram> programTwice = modes();
        programTwice.put("ISOLATION_AGAIN", new IsolationChild());
        assertTrue(problems(catalogue(), programTwice, classesInDemoFolders())
                .contains("IsolationChild: registered twice as a child mode (ISOLATION, ISOLATION_AGAIN)"));
    }

    @Test
    void aDemoFolderOrACatalogueEntryWithoutItsUnitIsNamed() throws Exception {
        Map<String, Demo> withoutCarriers = catalogue();
        withoutCarriers.remove("CARRIERS");
        assertEquals(List.of("CarriersDemo: a demo unit that is not in the catalogue",
                        "CarriersChild: its folder has no unit in the catalogue"),
                problems(withoutCarriers, modes(), classesInDemoFolders()));

        Map<String, Demo> wrongUnit = catalogue();
        wrongUnit.put("CARRIERS", new IsolationDemo());
        wrongUnit.put("ISOLATION", new CarriersDemo());
        List<String> swapped = problems(wrongUnit, modes(), classesInDemoFolders());
        assertTrue(swapped.contains("CARRIERS: its child mode runs CarriersChild, not a program of its own unit's folder"),
                swapped.toString());

        Map<String, ChildProgram> unregistered = modes();
        unregistered.remove("ISOLATION_CHILD");
        assertEquals(List.of("IsolationChild.InFreshJvm: a child program that is not registered as a child mode"),
                problems(catalogue(), unregistered, classesInDemoFolders()));
    }

    /**
     * What is wrong with a registration: {@code catalogue} is constant name to unit ({@link DemoCatalog}),
     * {@code modes} is mode name to program ({@link DemoChild.Mode}), {@code classes} what the demo folders hold.
     */
    static List<String> problems(Map<String, Demo> catalogue, Map<String, ChildProgram> modes, Set<Class<?>> classes) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> byId = new LinkedHashMap<>();
        catalogue.forEach((name, unit) -> byId.computeIfAbsent(unit.entry().id(), k -> new ArrayList<>()).add(name));
        byId.forEach((id, names) -> {
            if (names.size() > 1) {
                problems.add(id + ": registered twice in the catalogue (" + String.join(", ", names) + ")");
            }
        });
        Set<String> unitFolders = new LinkedHashSet<>();
        catalogue.forEach((name, unit) -> {
            String folder = unit.getClass().getPackageName();
            if (!folder.equals(FOLDERS + unit.entry().id().replace("-", ""))) {
                problems.add(name + ": its unit is not in the folder of its id " + unit.entry().id());
            }
            unitFolders.add(folder);
            ChildProgram own = modes.get(name);
            if (own != null && !own.getClass().getPackageName().equals(folder)) {
                problems.add(name + ": its child mode runs " + simpleName(own.getClass())
                        + ", not a program of its own unit's folder");
            }
        });
        Map<Class<?>, List<String>> byProgram = new LinkedHashMap<>();
        modes.forEach((name, program) -> byProgram.computeIfAbsent(program.getClass(), k -> new ArrayList<>()).add(name));
        byProgram.forEach((program, names) -> {
            if (names.size() > 1) {
                problems.add(simpleName(program) + ": registered twice as a child mode (" + String.join(", ", names) + ")");
            }
        });
        Set<Class<?>> units = new LinkedHashSet<>();
        catalogue.values().forEach(unit -> units.add(unit.getClass()));
        for (Class<?> c : classes) {
            if (Demo.class.isAssignableFrom(c) && !units.contains(c)) {
                problems.add(simpleName(c) + ": a demo unit that is not in the catalogue");
            }
        }
        for (Class<?> c : classes) {
            if (ChildProgram.class.isAssignableFrom(c)) {
                if (!byProgram.containsKey(c)) {
                    problems.add(simpleName(c) + ": a child program that is not registered as a child mode");
                } else if (!unitFolders.contains(c.getPackageName())) {
                    problems.add(simpleName(c) + ": its folder has no unit in the catalogue");
                }
            }
        }
        return problems;
    }

    private static String simpleName(Class<?> c) {
        return c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
    }

    private static Map<String, Demo> catalogue() {
        Map<String, Demo> catalogue = new LinkedHashMap<>();
        Arrays.stream(DemoCatalog.values()).forEach(d -> catalogue.put(d.name(), d.unit()));
        return catalogue;
    }

    private static Map<String, ChildProgram> modes() {
        Map<String, ChildProgram> modes = new LinkedHashMap<>();
        Arrays.stream(DemoChild.Mode.values()).forEach(m -> modes.put(m.name(), m.program()));
        return modes;
    }

    /** Every class compiled from the demo folders (demo/catalog/*), found on the test class path. */
    private static Set<Class<?>> classesInDemoFolders() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(DemoCatalog.class.getResource("/" + FOLDERS.replace('.', '/')).toURI());
        Set<Class<?>> classes = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                String name = FOLDERS + relative.substring(0, relative.length() - ".class".length());
                classes.add(Class.forName(name, false, DemoCatalog.class.getClassLoader()));
            }
        }
        return classes;
    }
}
