package io.demodeck.review.optimizer;

import io.demodeck.review.scheduler.FsrsParameters;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ParameterClipperTest {

    @Test
    void clampsEveryParameterToTheFsrsRsBounds() {
        double[] w = new double[21];
        Arrays.fill(w, -1000);
        ParameterClipper.clip(w, 1);
        assertArrayEquals(new double[]{0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001,
                0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1}, w);
        Arrays.fill(w, 1000);
        ParameterClipper.clip(w, 1);
        assertArrayEquals(new double[]{100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5,
                5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8}, w);
    }

    @Test
    void leavesTheDefaultsAlone() {
        double[] w = FsrsParameters.defaults().toArray();
        ParameterClipper.clip(w, 1);
        assertArrayEquals(FsrsParameters.defaults().toArray(), w);
        ParameterClipper.clip(w, 2); // fsrs-rs's own test: the defaults fit under the ceiling of two steps
        assertArrayEquals(FsrsParameters.defaults().toArray(), w);
    }

    @Test
    void severalRelearningStepsLowerTheSameDayCeiling() {
        double[] w = FsrsParameters.defaults().toArray();
        w[17] = 2;
        w[18] = 2;
        ParameterClipper.clip(w, 3);
        double ceiling = FsrsParameters.defaults().sameDayCeiling(3);
        assertEquals(ceiling, w[17], 1e-12);
        assertEquals(ceiling, w[18], 1e-12);
        assertEquals(true, ceiling < 2);
    }
}
