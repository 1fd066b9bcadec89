package io.demodeck.demo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Demo texts count in Russian as people read them: "в 55,2 раза", "в 5 раз", "4 потока". */
class DemoRussianCountsTest {

    @Test
    void ratiosAfterV() {
        assertEquals("55,2 раза", DemoMeasurements.times(55.2));
        assertEquals("5 раз", DemoMeasurements.times(5.0));
        assertEquals("2 раза", DemoMeasurements.times(2.0));
        assertEquals("21 раз", DemoMeasurements.times(21.0));
        assertEquals("1,5 раза", DemoMeasurements.times(1.5));
    }

    @Test
    void countedThreads() {
        assertEquals("4 потока", DemoMeasurements.counted(4, "поток", "потока", "потоков"));
        assertEquals("1\u00a0000 потоков", DemoMeasurements.counted(1000, "поток", "потока", "потоков"));
        assertEquals("21 поток", DemoMeasurements.counted(21, "поток", "потока", "потоков"));
    }
}
