package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.StudyDays;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** SPEC §3.11 item 8: fewer than 8 items keep the defaults, fewer than 64 fit only w0-w3. */
class ThresholdsTest {

    /** {@code cards} cards, each Good on day 0 then answered on day {@code gap} (recalled unless every 4th). */
    private static List<TrainingItem> items(int cards, int gap) {
        List<LogEntry> log = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        for (int c = 0; c < cards; c++) {
            log.add(new LogEntry(c, start.plusSeconds(c), 3, true));
            log.add(new LogEntry(c, start.plus(Duration.ofDays(gap)).plusSeconds(c), c % 4 == 0 ? 1 : 3, false));
        }
        return TrainingItems.of(log, StudyDays.utcCalendarDays()).items();
    }

    @Test
    void fewerThanEightItemsKeepTheDefaults() {
        Optimizer.Fit fit = new Optimizer(1).fit(items(7, 3));
        assertEquals(Optimizer.Kind.DEFAULTS, fit.kind());
        assertEquals(FsrsParameters.defaults(), fit.parameters());
    }

    @Test
    void fewerThanSixtyFourItemsFitOnlyTheInitialStabilities() {
        Optimizer.Fit fit = new Optimizer(1).fit(items(40, 3));
        assertEquals(Optimizer.Kind.PRETRAINED, fit.kind());
        double[] w = fit.parameters().toArray();
        double[] defaults = FsrsParameters.defaults().toArray();
        assertNotEquals(defaults[2], w[2], "w2 (first answer Good) moved to the data");
        for (int i = 4; i < 21; i++) {
            assertEquals(defaults[i], w[i], "w" + i + " keeps its default");
        }
    }

    @Test
    void sixtyFourItemsOrMoreFitEverything() {
        var log = SimulatedLogs.simulate(SimulatedLogs.learnerTruth(), 600, 3);
        var items = TrainingItems.of(log, StudyDays.utcCalendarDays()).items();
        Optimizer.Fit fit = new Optimizer(1).fit(items);
        assertEquals(Optimizer.Kind.FULL, fit.kind());
        double[] w = fit.parameters().toArray();
        double[] defaults = FsrsParameters.defaults().toArray();
        int moved = 0;
        for (int i = 4; i < 21; i++) {
            moved += Math.abs(w[i] - defaults[i]) > 1e-6 ? 1 : 0;
        }
        assertEquals(true, moved >= 10, "most of w4-w20 moved, got " + moved);
    }

    @Test
    void onlyOneLongTermReviewPerCardIsPretrainingOnly() {
        // every item is a first long-term review: fsrs-rs stops after pretraining however many there are
        Optimizer.Fit fit = new Optimizer(1).fit(items(200, 3));
        assertEquals(Optimizer.Kind.PRETRAINED, fit.kind());
        double[] w = fit.parameters().toArray();
        assertArrayEquals(java.util.Arrays.copyOfRange(FsrsParameters.defaults().toArray(), 4, 21),
                java.util.Arrays.copyOfRange(w, 4, 21));
    }
}
