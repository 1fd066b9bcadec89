package io.demodeck.home;

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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text of the home page exists in English (the interface) and in Russian, with the same parameters. */
class HomeMessagesTest {

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    @Test
    void russianAndEnglishDefineTheSameKeysAndParameters() throws IOException {
        Set<String> english = Arrays.stream(HomeMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        Properties russian = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/messages/home_ru.properties"), StandardCharsets.UTF_8)) {
            russian.load(in);
        }
        assertEquals(english, new TreeSet<>(russian.stringPropertyNames()), "keys in HomeMessages.java vs home_ru.properties");
        for (Method m : HomeMessages.class.getDeclaredMethods()) {
            String en = m.getAnnotation(Message.class).value();
            String ru = russian.getProperty(m.getName(), "");
            assertTrue(!en.isBlank(), m.getName() + " has an English text");
            assertTrue(!ru.isBlank(), m.getName() + " has a Russian text");
            assertEquals(params(en), params(ru), m.getName() + ": the same parameters in both languages");
            assertTrue(ru.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
                    m.getName() + " is written in Russian: " + ru);
        }
    }

    private static Set<String> params(String text) {
        return PARAM.matcher(text).results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }
}
