package io.demodeck.review.fitting;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FitGateTest {

    @Test
    void oneFitPerLearnerAndNoMoreThanTheSlots() {
        FitGate gate = new FitGate(2);
        UUID a = UUID.randomUUID();
        assertEquals(new FitGate.Admitted(a), gate.tryStart(1, a));
        // the same learner again: their running fit is the answer, no second one
        assertEquals(new FitGate.AlreadyRunning(a), gate.tryStart(1, UUID.randomUUID()));
        UUID b = UUID.randomUUID();
        assertInstanceOf(FitGate.Admitted.class, gate.tryStart(2, b));
        assertInstanceOf(FitGate.Busy.class, gate.tryStart(3, UUID.randomUUID()), "both slots taken");
        gate.finish(1, a);
        UUID c = UUID.randomUUID();
        assertEquals(new FitGate.Admitted(c), gate.tryStart(3, c), "a finished fit frees its slot");
        assertEquals(new FitGate.AlreadyRunning(b), gate.tryStart(2, UUID.randomUUID()));
    }

    @Test
    void finishingAnOldFitDoesNotReleaseANewerOne() {
        FitGate gate = new FitGate(1);
        UUID a = UUID.randomUUID();
        gate.tryStart(1, a);
        gate.finish(1, UUID.randomUUID());
        assertEquals(new FitGate.AlreadyRunning(a), gate.tryStart(1, UUID.randomUUID()));
    }

    @Test
    void needsAtLeastOneSlot() {
        assertThrows(IllegalArgumentException.class, () -> new FitGate(0));
    }
}
