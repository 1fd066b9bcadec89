package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.StudyDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingItemsTest {

    private static final StudyDays UTC = StudyDays.utcCalendarDays();

    private static LogEntry at(long card, String instant, int rating, boolean first) {
        return new LogEntry(card, Instant.parse(instant), rating, first);
    }

    private static int[] ratings(TrainingItem item) {
        int[] r = new int[item.length()];
        for (int i = 0; i < r.length; i++) {
            r[i] = item.rating(i);
        }
        return r;
    }

    private static int[] deltas(TrainingItem item) {
        return Arrays.copyOf(item.deltas(), item.length());
    }

    @Test
    void oneItemPerLaterDayReviewWithTheSameDayOnesInItsHistory() {
        var result = TrainingItems.of(List.of(
                at(1, "2026-01-01T10:00:00Z", 3, true),
                at(1, "2026-01-01T10:10:00Z", 3, false), // same-day learning step: history only
                at(1, "2026-01-03T09:00:00Z", 1, false),
                at(1, "2026-01-03T09:10:00Z", 3, false),
                at(1, "2026-01-10T20:00:00Z", 3, false)), UTC);
        assertEquals(2, result.items().size());
        TrainingItem first = result.items().get(0);
        assertArrayEquals(new int[]{3, 3, 1}, ratings(first));
        assertArrayEquals(new int[]{0, 0, 2}, deltas(first));
        assertEquals(0, first.label());
        TrainingItem second = result.items().get(1);
        assertArrayEquals(new int[]{3, 3, 1, 3, 3}, ratings(second));
        assertArrayEquals(new int[]{0, 0, 2, 0, 7}, deltas(second));
        assertEquals(1, second.label());
    }

    @Test
    void daysAreTheLearnersStudyDaysNotUtcDates() {
        // 23:30 and 01:30 the next night in Moscow, with a 4 a.m. rollover: the same study day
        StudyDays moscow = new StudyDays(ZoneId.of("Europe/Moscow"), 4);
        var log = List.of(
                at(1, "2026-01-01T10:00:00Z", 3, true),
                at(1, "2026-01-02T20:30:00Z", 3, false),
                at(1, "2026-01-02T22:30:00Z", 3, false),
                at(1, "2026-01-04T10:00:00Z", 3, false));
        var items = TrainingItems.of(log, moscow).items();
        assertEquals(2, items.size());
        assertArrayEquals(new int[]{0, 1, 0, 2}, deltas(items.get(1)));
        // in UTC calendar days the 22:30 answer is still 2 January, so the same: but at rollover 0 in Moscow it is not
        var midnight = TrainingItems.of(log, new StudyDays(ZoneId.of("Europe/Moscow"), 0)).items();
        assertEquals(3, midnight.size());
    }

    @Test
    void manualEntriesAreDropped() {
        var result = TrainingItems.of(List.of(
                at(1, "2026-01-01T10:00:00Z", 3, true),
                at(1, "2026-01-02T10:00:00Z", 0, false),
                at(1, "2026-01-05T10:00:00Z", 3, false)), UTC);
        assertEquals(1, result.manualDropped());
        assertEquals(1, result.items().size());
        assertArrayEquals(new int[]{3, 3}, ratings(result.items().get(0)));
        assertArrayEquals(new int[]{0, 4}, deltas(result.items().get(0)));
    }

    @Test
    void aResetStartsTheCardAgain() {
        var result = TrainingItems.of(List.of(
                at(1, "2026-01-01T10:00:00Z", 3, true),
                at(1, "2026-01-05T10:00:00Z", 1, false),
                at(1, "2026-02-01T10:00:00Z", 4, true), // reset: new again
                at(1, "2026-02-09T10:00:00Z", 3, false)), UTC);
        assertEquals(2, result.beforeResetDropped());
        assertEquals(1, result.items().size());
        assertArrayEquals(new int[]{4, 3}, ratings(result.items().get(0)));
        assertArrayEquals(new int[]{0, 8}, deltas(result.items().get(0)));
    }

    @Test
    void aCardWhoseFirstReviewIsMissingIsDropped() {
        var result = TrainingItems.of(List.of(
                at(1, "2026-01-05T10:00:00Z", 3, false),
                at(1, "2026-01-09T10:00:00Z", 3, false),
                at(2, "2026-01-01T10:00:00Z", 2, true),
                at(2, "2026-01-02T10:00:00Z", 3, false)), UTC);
        assertEquals(1, result.cardsWithoutFirstReview());
        assertEquals(1, result.items().size());
        assertEquals(2, result.items().get(0).rating(0));
    }

    @Test
    void itemsComeInTheOrderOfTheirReviewsAcrossCards() {
        List<LogEntry> log = new ArrayList<>();
        log.add(at(1, "2026-01-01T10:00:00Z", 3, true));
        log.add(at(1, "2026-01-20T10:00:00Z", 3, false));
        log.add(at(2, "2026-01-01T10:00:00Z", 3, true));
        log.add(at(2, "2026-01-03T10:00:00Z", 3, false));
        var items = TrainingItems.of(log, UTC).items();
        assertEquals(2, items.size());
        assertTrue(items.get(0).reviewedAt() < items.get(1).reviewedAt());
        assertEquals(2, items.get(0).currentDelta());
    }
}
