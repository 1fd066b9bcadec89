package io.demodeck.deck;

import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every deck lifecycle text exists in English and in Russian, with the same placeholders. */
class DeckMessagesTest {

    @Test
    void russianAndEnglishDefineTheSameKeysAndPlaceholders() throws IOException {
        Set<String> english = Arrays.stream(DeckMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        Properties russian = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/messages/deck_ru.properties"), StandardCharsets.UTF_8)) {
            russian.load(in);
        }
        assertEquals(english, new TreeSet<>(russian.stringPropertyNames()), "keys in DeckMessages.java vs deck_ru.properties");
        for (Method m : DeckMessages.class.getDeclaredMethods()) {
            String en = m.getAnnotation(Message.class).value();
            String ru = russian.getProperty(m.getName(), "");
            assertTrue(!en.isBlank() && !ru.isBlank(), m.getName() + " has both texts");
            for (var p : m.getParameters()) {
                assertTrue(ru.contains(p.getName()), m.getName() + ": the Russian text uses {" + p.getName() + "}");
            }
            // format names are names (GIFT, Moodle XML, Markdown): the rest is written in Russian
            assertTrue(m.getName().startsWith("format_") || ru.chars().anyMatch(c -> c >= 'А' && c <= 'я'),
                    m.getName() + " is in Russian: " + ru);
        }
        assertTrue(english.size() < 300, "a bundle stays under the 300 messages Quarkus 3.33.2 allows");
    }
}
