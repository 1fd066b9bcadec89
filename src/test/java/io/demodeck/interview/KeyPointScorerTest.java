package io.demodeck.interview;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key-point rule of mock interviews: fair to own words, Russian endings and typos, strict on numbers. */
class KeyPointScorerTest {

    static final List<String> EN = List.of(
            "managed by the Go runtime, not the OS kernel",
            "multiplexed onto a few OS threads (M:N)",
            "small growable stack, cheap to create",
            "started with the `go` statement");

    static final List<String> RU = List.of(
            "управляется рантаймом Go, а не ядром ОС",
            "мультиплексируется на небольшое число потоков ОС (M:N)",
            "маленький растущий стек и дешёвое создание",
            "запускается оператором `go`");

    @Test
    void anAnswerInOwnWordsHitsThePointsItCovers() {
        KeyPointScorer.Coverage c = KeyPointScorer.score(
                "The Go runtime manages goroutines, the kernel does not see them. They are multiplexed on a few threads.",
                EN);
        assertEquals(List.of(true, true, false, false), c.hits());
        assertEquals(0.5, c.score(), 1e-9);
        assertEquals(2, c.hitCount());
    }

    @Test
    void everyPointCoveredScoresOne() {
        KeyPointScorer.Coverage c = KeyPointScorer.score("A goroutine is managed by the Go runtime rather than the "
                + "OS kernel, multiplexed M:N onto a few OS threads, has a small stack that grows so it is cheap to "
                + "create, and you start one with the go statement.", EN);
        assertEquals(List.of(true, true, true, true), c.hits());
        assertEquals(1.0, c.score(), 1e-9);
    }

    @Test
    void russianEndingsDoNotCount() {
        // "рантайм Go управляет", "ядро", "потоки", "стек растёт", "создаётся дёшево": other cases and forms
        KeyPointScorer.Coverage c = KeyPointScorer.score(
                "Горутиной управляет рантайм Go, ядро ОС её не видит; горутины мультиплексируются на несколько потоков ОС.",
                RU);
        assertEquals(List.of(true, true, false, false), c.hits());
        assertEquals("ядр", KeyPointScorer.stem("ядра"));
        assertEquals(KeyPointScorer.stem("ядром"), KeyPointScorer.stem("ядро"));
        assertEquals(KeyPointScorer.stem("потоков"), KeyPointScorer.stem("потоки"));
    }

    @Test
    void aTypoInALongWordIsForgiven() {
        assertTrue(KeyPointScorer.matches(KeyPointScorer.stem("runtmie"), KeyPointScorer.stem("runtime")));
        assertTrue(KeyPointScorer.matches(KeyPointScorer.stem("multiplexd"), KeyPointScorer.stem("multiplexed")));
        assertEquals(List.of(true), KeyPointScorer.score("managed by the Go runtmie, not the kernal", List.of(EN.get(0))).hits());
    }

    @Test
    void shortDifferentWordsAreNotTyposOfEachOther() {
        assertFalse(KeyPointScorer.matches("stack", "start"));
        assertFalse(KeyPointScorer.matches(KeyPointScorer.stem("heap"), KeyPointScorer.stem("help")));
    }

    @Test
    void numbersMustBeExact() {
        List<String> point = List.of("asynchronous preemption since Go 1.14");
        assertEquals(List.of(false), KeyPointScorer.score("since Go 1.19", point).hits());
        assertEquals(List.of(true), KeyPointScorer.score("preempted asynchronously since Go 1.14", point).hits());
    }

    @Test
    void functionWordsAloneHitNothing() {
        assertEquals(List.of(false, false, false, false), KeyPointScorer.score("the and not with of a to", EN).hits());
        assertEquals(List.of(false, false, false, false), KeyPointScorer.score("и не на для что это", RU).hits());
        assertEquals(0, KeyPointScorer.score("", EN).score(), 1e-9);
        assertEquals(0, KeyPointScorer.score(null, EN).score(), 1e-9);
    }

    @Test
    void morethanHalfOfAPointsWordsAreNeeded() {
        // "small growable stack cheap create": two of five words is not enough, three is
        List<String> point = List.of(EN.get(2));
        assertEquals(List.of(false), KeyPointScorer.score("a small stack", point).hits());
        assertEquals(List.of(true), KeyPointScorer.score("a small stack that grows", point).hits());
    }

    @Test
    void noKeyPointsScoreZero() {
        KeyPointScorer.Coverage c = KeyPointScorer.score("anything at all", List.of());
        assertEquals(List.of(), c.hits());
        assertEquals(0, c.score(), 1e-9);
    }
}
