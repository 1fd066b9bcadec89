package io.demodeck.settings;

import io.demodeck.review.InvalidSettingsException;
import io.demodeck.review.scheduler.FsrsParameters;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The settings page's fields as people write them: percentages, Anki's steps, zone ids. */
class SettingsInputTest {

    @Test
    void retentionIsAPercentageWrittenAnyUsualWay() {
        assertEquals(0.9, SettingsInput.retention("90"));
        assertEquals(0.9, SettingsInput.retention("90%"));
        assertEquals(0.9, SettingsInput.retention(" 90 % "));
        assertEquals(0.905, SettingsInput.retention("90,5"));
        assertEquals(0.905, SettingsInput.retention("90.5"));
        assertEquals(0.7, SettingsInput.retention("70"));
        assertEquals(0.99, SettingsInput.retention("99"));
        assertEquals(0.85, SettingsInput.retention("0,85"), "a fraction, as the field was written before, still works");
    }

    @Test
    void aRetentionOutOfRangeOrNotANumberNamesTheFieldAndTheRange() {
        InvalidSettingsException low = assertThrows(InvalidSettingsException.class, () -> SettingsInput.retention("65"));
        assertEquals("desiredRetention", low.field());
        assertEquals("desiredRetention: must be between 70% and 99%, got 65%", low.getMessage());
        assertEquals("desiredRetention: must be between 70% and 99%, got 99.5%",
                assertThrows(InvalidSettingsException.class, () -> SettingsInput.retention("99,5")).getMessage());
        assertEquals("desiredRetention: must be between 70% and 99%, got 1.5%",
                assertThrows(InvalidSettingsException.class, () -> SettingsInput.retention("1.5")).getMessage());
        for (String bad : List.of("", "ninety", "90%%", "-90", "9 0")) {
            assertEquals("desiredRetention: must be a percentage such as 90",
                    assertThrows(InvalidSettingsException.class, () -> SettingsInput.retention(bad)).getMessage(), bad);
        }
    }

    @Test
    void retentionIsShownAsAPercentInThePageLanguage() {
        assertEquals("90", SettingsInput.percent(0.9, "en"));
        assertEquals("90.5", SettingsInput.percent(0.905, "en"));
        assertEquals("90,5", SettingsInput.percent(0.905, "ru"));
        assertEquals("85", SettingsInput.percent(0.85, "ru"));
    }

    @Test
    void stepsAreReadAsAnkiWritesThem() {
        assertEquals(List.of(60, 600), SettingsInput.steps("learningSteps", "1m 10m"));
        assertEquals(List.of(600), SettingsInput.steps("relearningSteps", "10m"));
        assertEquals(List.of(3600), SettingsInput.steps("learningSteps", "1h"));
        assertEquals(List.of(30, 90, 300, 7200), SettingsInput.steps("learningSteps", "30s, 1,5m; 5 2h"));
        assertEquals(List.of(300, 1200), SettingsInput.steps("learningSteps", "5 20"), "a bare number is minutes");
        assertEquals(List.of(60, 600), SettingsInput.steps("learningSteps", "1м 10мин"), "Russian units");
        assertEquals(List.of(), SettingsInput.steps("relearningSteps", "  "), "empty: no steps");
        assertEquals("1m 10m", SettingsInput.steps(List.of(60, 600)));
        assertEquals("90s 2h", SettingsInput.steps(List.of(90, 7200)));
        assertEquals("", SettingsInput.steps(List.of()));
    }

    @Test
    void stepsOutOfRangeTooManyOrUnreadableNameTheFieldAndTheStep() {
        InvalidSettingsException day = assertThrows(InvalidSettingsException.class,
                () -> SettingsInput.steps("learningSteps", "1m 1d"));
        assertEquals("learningSteps", day.field());
        assertEquals("learningSteps: step 2 (1d) must be at least 1s and shorter than a day", day.getMessage());
        assertEquals("relearningSteps: step 1 (0m) must be at least 1s and shorter than a day",
                assertThrows(InvalidSettingsException.class, () -> SettingsInput.steps("relearningSteps", "0m")).getMessage());
        assertEquals("learningSteps: '10x' is not a step: write steps such as 1m 10m, with s, m, h or d",
                assertThrows(InvalidSettingsException.class, () -> SettingsInput.steps("learningSteps", "1m 10x")).getMessage());
        assertEquals("learningSteps: 'soon' is not a step: write steps such as 1m 10m, with s, m, h or d",
                assertThrows(InvalidSettingsException.class, () -> SettingsInput.steps("learningSteps", "soon")).getMessage());
        assertEquals("learningSteps: at most 20 steps, got 21", assertThrows(InvalidSettingsException.class,
                () -> SettingsInput.steps("learningSteps", "1m ".repeat(21))).getMessage());
    }

    @Test
    void aTimeZoneIsFoundWhateverItsLetterCase() {
        assertEquals("Europe/Berlin", SettingsInput.timeZone(" europe/berlin "));
        assertEquals("UTC", SettingsInput.timeZone("UTC"));
        assertEquals("Mars/Olympus", SettingsInput.timeZone("Mars/Olympus"), "unknown: left for the service to refuse");
    }

    @Test
    void personalParametersLimitTheRelearningSteps() {
        assertEquals(20, SettingsInput.mostRelearningSteps(null));
        List<Double> defaults = Arrays.stream(FsrsParameters.defaults().toArray()).boxed().toList();
        int most = SettingsInput.mostRelearningSteps(defaults);
        FsrsParameters p = FsrsParameters.defaults();
        assertEquals(true, p.get(17) <= p.sameDayCeiling(most) && p.get(18) <= p.sameDayCeiling(most));
        if (most < 20) {
            assertEquals(false, p.get(17) <= p.sameDayCeiling(most + 1) && p.get(18) <= p.sameDayCeiling(most + 1));
        }
    }
}
