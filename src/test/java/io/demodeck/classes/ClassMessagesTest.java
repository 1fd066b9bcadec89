package io.demodeck.classes;

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

/** Every class text exists in English (the interface) and in Russian; Russian counts take the right plural form. */
class ClassMessagesTest {

    @Test
    void russianAndEnglishDefineTheSameKeys() throws IOException {
        Set<String> english = Arrays.stream(ClassMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        Properties russian = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/messages/cls_ru.properties"), StandardCharsets.UTF_8)) {
            russian.load(in);
        }
        assertEquals(english, new TreeSet<>(russian.stringPropertyNames()), "keys in ClassMessages.java vs cls_ru.properties");
        for (Method m : ClassMessages.class.getDeclaredMethods()) {
            assertTrue(!m.getAnnotation(Message.class).value().isBlank(), m.getName() + " has an English text");
            assertTrue(!russian.getProperty(m.getName(), "").isBlank(), m.getName() + " has a Russian text");
        }
    }

    @Test
    void russianPluralForms() {
        for (long n : new long[] {1, 21, 101, 1001}) {
            assertEquals("one", io.demodeck.web.Plural.ru(n), n + "");
        }
        for (long n : new long[] {2, 3, 4, 22, 34, 102}) {
            assertEquals("few", io.demodeck.web.Plural.ru(n), n + "");
        }
        for (long n : new long[] {0, 5, 11, 12, 13, 14, 19, 20, 25, 111, 112}) {
            assertEquals("many", io.demodeck.web.Plural.ru(n), n + "");
        }
    }
}
