package io.demodeck.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.demodeck.testsupport.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Problem texts of pages said in Russian; English pages keep the English texts. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ErrorTextsTest {

    @Test
    void russianPagesSayTheProblemsInRussian() {
        assertEquals("Не найдено", ErrorTexts.title(404, "ru"));
        assertEquals("Слишком много запросов", ErrorTexts.title(429, "ru"));
        assertEquals("Колода go-basics: не найдено", ErrorTexts.page("Deck go-basics was not found", "ru"));
        assertEquals("Вопрос 7 колоды go: не найдено", ErrorTexts.page("Question 7 of deck go was not found", "ru"));
        assertEquals("Страницы /nope нет", ErrorTexts.page("No resource at /nope", "ru"));
        assertEquals("Не больше 5 запусков демо в минуту; попробуйте снова через 12 с",
                ErrorTexts.page("At most 5 demo runs per minute; try again in 12 s", "ru"));
        assertEquals("не меньше 10 символов", ErrorTexts.page("at least 10 characters", "ru"));
        assertEquals("должно быть от 0 до 23, а не 30", ErrorTexts.page("must be between 0 and 23, got 30", "ru"));
        assertEquals("Слишком много неверных паролей с этого адреса; попробуйте снова через 30 с",
                ErrorTexts.page("Too many wrong passwords from this address; try again in 30 s", "ru"));
    }

    @Test
    void englishStaysAsItIs() {
        assertEquals("Not Found", ErrorTexts.title(404, "en"));
        assertEquals("Deck go-basics was not found", ErrorTexts.page("Deck go-basics was not found", "en"));
        assertEquals("something nobody wrote a pattern for", ErrorTexts.page("something nobody wrote a pattern for", "ru"));
    }
}
