package io.demodeck.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counted words read right in both languages: 1 день, 4 потока, 5 дней, в 55,2 раза; 1 day, 2 days. */
class PluralTest {

    private static String days(double n) {
        return Plural.ru(n, "день", "дня", "дней");
    }

    @Test
    void russianWholeNumbers() {
        assertEquals("день", days(1));
        assertEquals("день", days(21));
        assertEquals("день", days(101));
        assertEquals("дня", days(2));
        assertEquals("дня", days(4));
        assertEquals("дня", days(22));
        assertEquals("дней", days(0));
        assertEquals("дней", days(5));
        assertEquals("дней", days(11));
        assertEquals("дней", days(12));
        assertEquals("дней", days(14));
        assertEquals("дней", days(111));
        assertEquals("дней", days(25));
        assertEquals("потока", Plural.ru(4, "поток", "потока", "потоков"));
    }

    @Test
    void russianFractionsTakeTheGenitiveSingular() {
        assertEquals("раза", Plural.ru(55.2, "раз", "раза", "раз"));
        assertEquals("раза", Plural.ru(1.5, "раз", "раза", "раз"));
        assertEquals("раз", Plural.ru(5.0, "раз", "раза", "раз"));
    }

    @Test
    void englishOneAndOther() {
        assertEquals("day", Plural.en(1, "day", "days"));
        assertEquals("days", Plural.en(2, "day", "days"));
        assertEquals("days", Plural.en(0, "day", "days"));
        assertEquals("days", Plural.en(1.5, "day", "days"));
        assertEquals("1 day", 1 + " " + Plural.of("en", 1, "день", "дня", "дней", "day", "days"));
        assertEquals("5 дней", 5 + " " + Plural.of("ru", 5, "день", "дня", "дней", "day", "days"));
    }

    @Test
    void categoriesForMessageTemplates() {
        assertEquals("one", Plural.ru(21L));
        assertEquals("few", Plural.ru(3));
        assertEquals("many", Plural.ru(12L));
        assertEquals("few", Plural.ru(2.5));
        assertEquals("one", Plural.en(1));
        assertEquals("other", Plural.en(3L));
    }
}
