package io.demodeck.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartsTest {

    @Test
    void aHeatmapHasOneTitledCellPerDayAndAnAccessibleName() {
        LocalDate to = LocalDate.of(2026, 11, 26);
        LocalDate from = to.minusDays(364);
        String svg = SvgCharts.heatmap("Reviews <year>", "One cell per day", Map.of(to, 7, to.minusDays(1), 1), from, to,
                Locale.ENGLISH, (n, d) -> n + " reviews on " + d);
        assertEquals(365, svg.split("<rect ", -1).length - 1);
        assertTrue(svg.contains("role=\"img\""));
        assertTrue(svg.contains("<title id=\"") && svg.contains("Reviews &lt;year&gt;"), "the title is escaped");
        assertTrue(svg.contains("<title>7 reviews on 2026-11-26</title>"));
        assertTrue(svg.contains("fill=\"#216e39\"><title>7 reviews"), "the busiest day is the darkest");
        assertTrue(svg.contains("fill=\"#ebedf0\"><title>0 reviews on 2026-11-24"), "an empty day is the lightest");
    }

    @Test
    void barsScaleToTheLargestValueOrAFixedMaximum() {
        String svg = SvgCharts.bars("Due", "Cards due per day", List.of(new SvgCharts.Bar("1", 10, "10 due"),
                new SvgCharts.Bar("2", 5, "5 due")), 0, "#0b57d0");
        assertTrue(svg.contains("height=\"116\" fill=\"#0b57d0\"><title>10 due"));
        assertTrue(svg.contains("height=\"58\" fill=\"#0b57d0\"><title>5 due"));
        String percent = SvgCharts.bars("Retention", "per week", List.of(new SvgCharts.Bar("W1", 50, "50%")), 100, "#146c2e");
        assertTrue(percent.contains("height=\"58\""));
        assertFalse(SvgCharts.bars("x", "y", List.of(new SvgCharts.Bar("<b>", 1, "<i>")), 0, "#000").contains("<b>"));
    }

    @Test
    void heatLevelsGrowWithTheCount() {
        assertEquals(0, SvgCharts.level(0, 10));
        assertEquals(1, SvgCharts.level(1, 10));
        assertEquals(4, SvgCharts.level(10, 10));
    }
}
