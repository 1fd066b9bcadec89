package io.demodeck.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message bundle of the application (found on the class path, so a new bundle is covered without being
 * listed here): each key has an English text and a Russian one, and no Russian text is the English one copied,
 * unless the text is the same in both languages for a reason written below.
 */
class AllMessageBundlesTest {

    /** bundle.key → why the Russian text may equal the English one. */
    private static final Map<String, String> SAME_IN_BOTH = Map.ofEntries(
            Map.entry("msg.app_name", "the product name"),
            Map.entry("msg.lang_ru", "a language is named in its own language in the switcher"),
            Map.entry("msg.lang_en", "a language is named in its own language in the switcher"),
            Map.entry("cls.class_chart_bucket", "only placeholders and punctuation"),
            Map.entry("cls.class_chart_hard_bar", "only placeholders and punctuation"),
            Map.entry("interview.history_chart_bar", "only placeholders and punctuation"),
            Map.entry("imp.at_ref", "only placeholders and punctuation"),
            Map.entry("imp.moodle_cloze_invalid", "only a placeholder: the cloze text's problems are said by their own messages"),
            Map.entry("deck.format_gift", "a format's name"),
            Map.entry("deck.format_moodle_xml", "a format's name"));

    record Bundle(String name, Class<?> type) {
    }

    static List<Bundle> bundles() throws IOException, URISyntaxException {
        List<Bundle> found = new ArrayList<>();
        var roots = AllMessageBundlesTest.class.getClassLoader().getResources("io/demodeck");
        while (roots.hasMoreElements()) {
            var url = roots.nextElement();
            if (!"file".equals(url.getProtocol())) {
                continue;
            }
            Path root = Path.of(url.toURI());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                    String name = "io.demodeck." + root.relativize(file).toString().replace(".class", "")
                            .replace(java.io.File.separatorChar, '.');
                    try {
                        Class<?> type = Class.forName(name, false, AllMessageBundlesTest.class.getClassLoader());
                        MessageBundle bundle = type.getAnnotation(MessageBundle.class);
                        if (bundle != null && type.isInterface()) {
                            found.add(new Bundle(bundle.value(), type));
                        }
                    } catch (ClassNotFoundException | NoClassDefFoundError e) {
                        // generated or unloadable classes are not bundles
                    }
                }
            }
        }
        return found;
    }

    @Test
    void everyBundleIsFoundIncludingTheNewOnes() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        bundles().forEach(b -> names.add(b.name()));
        assertTrue(names.containsAll(List.of("msg", "cls", "editor", "quiz", "study", "cloze", "err", "imp", "demo")),
                "bundles found: " + names);
    }

    @Test
    void everyKeyHasARussianTextThatIsNotTheEnglishOne() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Bundle> bundles = bundles();
        assertTrue(bundles.size() >= 6, "bundles found: " + bundles);
        for (Bundle bundle : bundles) {
            Properties russian = new Properties();
            String file = "/messages/" + bundle.name() + "_ru.properties";
            try (InputStream in = getClass().getResourceAsStream(file)) {
                if (in == null) {
                    problems.add(file + " is missing");
                    continue;
                }
                russian.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            TreeSet<String> keys = new TreeSet<>();
            for (Method m : bundle.type().getDeclaredMethods()) {
                Message message = m.getAnnotation(Message.class);
                if (message == null) {
                    continue;
                }
                String key = m.getName();
                keys.add(key);
                String english = message.value();
                String ru = russian.getProperty(key);
                if (english.isBlank()) {
                    problems.add(bundle.name() + "." + key + " has no English text");
                }
                if (ru == null || ru.isBlank()) {
                    problems.add(bundle.name() + "." + key + " has no Russian text in " + file);
                } else if (ru.strip().equals(english.strip()) && !SAME_IN_BOTH.containsKey(bundle.name() + "." + key)) {
                    problems.add(bundle.name() + "." + key + " is English in " + file + ": " + ru);
                }
            }
            for (String extra : russian.stringPropertyNames()) {
                if (!keys.contains(extra)) {
                    problems.add(file + " has " + extra + ", which " + bundle.type().getSimpleName() + " does not define");
                }
            }
        }
        assertEquals(List.of(), problems, "message bundle problems");
    }
}
