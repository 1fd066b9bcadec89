package io.demodeck.review.scheduler;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FsrsParametersTest {

    @Test
    void defaultsAreTheFsrs6Vector() {
        assertEquals(0.212, FsrsParameters.defaults().get(0));
        assertEquals(0.1542, FsrsParameters.defaults().get(20));
        assertEquals(FsrsParameters.defaults(), FsrsParameters.of(FsrsParameters.defaults().toArray()));
    }

    @Test
    void outOfRangeValueNamesIndexValueAndRange() {
        double[] w = FsrsParameters.defaults().toArray();
        w[16] = 0.5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FsrsParameters.of(w));
        assertTrue(e.getMessage().contains("w16") && e.getMessage().contains("0.5") && e.getMessage().contains("1.0..6.0"),
                e.getMessage());
        w[16] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FsrsParameters.of(w)).getMessage().contains("NaN"));
        double[] w2 = FsrsParameters.defaults().toArray();
        w2[20] = 0.05;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FsrsParameters.of(w2)).getMessage()
                .contains("w20 = 0.05 is outside the allowed range 0.1..0.8"));
    }

    @Test
    void severalRelearningStepsLowerTheCeilingOfW17AndW18() {
        FsrsParameters defaults = FsrsParameters.defaults();
        assertEquals(2.0, defaults.sameDayCeiling(0));
        assertEquals(2.0, defaults.sameDayCeiling(1));
        // -(ln 1.4835 + ln(2^0.2629 - 1) + 0.3 * 1.6483) = 0.72111...; / n, then the square root
        assertEquals(Math.sqrt(0.721106 / 2), defaults.sameDayCeiling(2), 1e-5);
        assertEquals(Math.sqrt(0.721106 / 3), defaults.sameDayCeiling(3), 1e-5);
        assertSame(defaults, defaults.withSameDayCeiling(2), "w17 = 0.5425 is under the ceiling of 0.6005 for two steps");
        FsrsParameters three = defaults.withSameDayCeiling(3);
        assertEquals(defaults.sameDayCeiling(3), three.get(17), 1e-12, "w17 lowered to the ceiling for three steps");
        assertEquals(0.0912, three.get(18), "w18 is under it and stays");
        for (int i = 0; i < FsrsParameters.SIZE; i++) {
            if (i != 17) {
                assertEquals(defaults.get(i), three.get(i), "w" + i);
            }
        }
    }

    @Test
    void wrongLengthIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FsrsParameters.of(1, 2, 3));
        assertTrue(e.getMessage().contains("21 numbers") && e.getMessage().contains("got 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FsrsParameters.of(new double[20]));
        assertThrows(IllegalArgumentException.class, () -> FsrsParameters.of((double[]) null));
    }

    @Test
    void fsrs5VectorIsFilledAndFsrs45VectorIsConverted() {
        double[] w19 = java.util.Arrays.copyOf(FsrsParameters.defaults().toArray(), 19);
        FsrsParameters filled = FsrsParameters.of(w19);
        assertEquals(0.0, filled.get(19));
        assertEquals(0.5, filled.get(20));

        double[] w17 = {0.4, 0.6, 2.4, 5.8, 4.93, 0.94, 0.86, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29, 2.61};
        FsrsParameters converted = FsrsParameters.of(w17);
        assertEquals(4.93 + 2 * 0.94, converted.get(4), 1e-12);
        assertEquals(Math.log(3 * 0.94 + 1) / 3, converted.get(5), 1e-12);
        assertEquals(0.86 + 0.5, converted.get(6), 1e-12);
        assertArrayEquals(new double[]{0, 0, 0, 0.5}, java.util.Arrays.copyOfRange(converted.toArray(), 17, 21));
    }

    @Test
    void parametersAreImmutable() {
        FsrsParameters p = FsrsParameters.defaults();
        p.toArray()[0] = 99;
        assertEquals(0.212, p.get(0));
    }

    @Test
    void settingsRejectBadValuesByName() {
        SchedulerSettings d = SchedulerSettings.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withDesiredRetention(0.995)).getMessage()
                .contains("desiredRetention"));
        assertThrows(IllegalArgumentException.class, () -> d.withDesiredRetention(0.69));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withMaximumIntervalDays(0)).getMessage()
                .contains("maximumIntervalDays"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> d.withSteps(List.of(Duration.ofDays(1)), List.of())).getMessage().contains("learningSteps[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> d.withSteps(List.of(), List.of(Duration.ofMinutes(1), Duration.ZERO))).getMessage()
                .contains("relearningSteps[1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withDayBoundary(ZoneOffset.UTC, 24))
                .getMessage().contains("rolloverHour"));
    }
}
