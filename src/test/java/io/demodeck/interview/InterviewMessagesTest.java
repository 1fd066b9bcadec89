package io.demodeck.interview;

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

/** Every interview text exists in English (the interface) and in Russian. */
class InterviewMessagesTest {

    @Test
    void russianAndEnglishDefineTheSameKeys() throws IOException {
        Set<String> english = Arrays.stream(InterviewMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        Properties russian = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/messages/interview_ru.properties"),
                StandardCharsets.UTF_8)) {
            russian.load(in);
        }
        assertEquals(english, new TreeSet<>(russian.stringPropertyNames()), "keys in InterviewMessages vs interview_ru.properties");
        for (Method m : InterviewMessages.class.getDeclaredMethods()) {
            assertTrue(!m.getAnnotation(Message.class).value().isBlank(), m.getName() + " has an English text");
            assertTrue(!russian.getProperty(m.getName(), "").isBlank(), m.getName() + " has a Russian text");
        }
    }
}
