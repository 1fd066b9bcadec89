package io.demodeck.study;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntervalTextTest {

    @Test
    void shortFormsLikeAnkisButtons() {
        assertEquals("<1m", IntervalText.shortForm(Duration.ofSeconds(30), "en"));
        assertEquals("<10m", IntervalText.shortForm(Duration.ofMinutes(10), "en"));
        assertEquals("<6m", IntervalText.shortForm(Duration.ofSeconds(330), "en"));
        assertEquals("3d", IntervalText.shortForm(Duration.ofDays(3), "en"));
        assertEquals("1.5mo", IntervalText.shortForm(Duration.ofDays(45), "en"));
        assertEquals("1,5 мес", IntervalText.shortForm(Duration.ofDays(45), "ru"));
        assertEquals("2y", IntervalText.shortForm(Duration.ofDays(730), "en"));
        assertEquals("<10 мин", IntervalText.shortForm(Duration.ofMinutes(10), "ru"));
    }

    @Test
    void longFormsSpellTheUnitOutWithRussianPlurals() {
        assertEquals("in 1 day", IntervalText.longForm(Duration.ofDays(1), "en"));
        assertEquals("in 10 minutes", IntervalText.longForm(Duration.ofMinutes(10), "en"));
        assertEquals("через 1 день", IntervalText.longForm(Duration.ofDays(1), "ru"));
        assertEquals("через 3 дня", IntervalText.longForm(Duration.ofDays(3), "ru"));
        assertEquals("через 11 дней", IntervalText.longForm(Duration.ofDays(11), "ru"));
        assertEquals("через 21 день", IntervalText.longForm(Duration.ofDays(21), "ru"));
        assertEquals("через 5 минут", IntervalText.longForm(Duration.ofMinutes(5), "ru"));
    }
}
