package io.demodeck.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Server-rendered SVG charts: readable without JavaScript, and by screen readers through each chart's
 * {@code <title>}/{@code <desc>} and per-mark titles. Every text that reaches the SVG is escaped.
 */
public final class SvgCharts {

    /** A bar: its label under the axis, its value, and the text a screen reader or tooltip gives. */
    public record Bar(String label, double value, String title) {
    }

    private static final int CELL = 11;
    private static final int GAP = 2;
    private static final String[] HEAT = {"#ebedf0", "#9be9a8", "#40c463", "#30a14e", "#216e39"};

    private SvgCharts() {
    }

    /**
     * A calendar heatmap (weeks as columns, Monday first) of counts per day from {@code from} to {@code to}.
     *
     * @param cellTitle text for one day, e.g. "3 reviews on 2026-11-26"; gets the count and the date
     */
    public static String heatmap(String title, String description, Map<LocalDate, Integer> counts, LocalDate from,
                                 LocalDate to, Locale locale, java.util.function.BiFunction<Integer, LocalDate, String> cellTitle) {
        LocalDate start = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeks = (int) (ChronoUnit.DAYS.between(start, to) / 7) + 1;
        int left = 28;
        int top = 16;
        int width = left + weeks * (CELL + GAP);
        int height = top + 7 * (CELL + GAP);
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        StringBuilder svg = open(width, height, title, description);
        for (int row : new int[] {0, 2, 4}) {
            String day = DayOfWeek.of(row + 1).getDisplayName(TextStyle.SHORT, locale);
            svg.append("<text x=\"0\" y=\"").append(top + row * (CELL + GAP) + CELL - 2)
                    .append("\" class=\"axis\">").append(escape(day)).append("</text>");
        }
        int lastMonth = -1;
        for (LocalDate d = start; !d.isAfter(to); d = d.plusDays(1)) {
            int week = (int) (ChronoUnit.DAYS.between(start, d) / 7);
            int row = d.getDayOfWeek().getValue() - 1;
            int x = left + week * (CELL + GAP);
            if (row == 0 && d.getMonthValue() != lastMonth && !d.isBefore(from)) {
                lastMonth = d.getMonthValue();
                svg.append("<text x=\"").append(x).append("\" y=\"10\" class=\"axis\">")
                        .append(escape(d.getMonth().getDisplayName(TextStyle.SHORT, locale))).append("</text>");
            }
            if (d.isBefore(from)) {
                continue;
            }
            int n = counts.getOrDefault(d, 0);
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(top + row * (CELL + GAP))
                    .append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\" rx=\"2\" fill=\"")
                    .append(HEAT[level(n, max)]).append("\"><title>").append(escape(cellTitle.apply(n, d)))
                    .append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical bars with labels under them; {@code maxValue} fixes the scale (e.g. 100 for percentages), 0 = auto. */
    public static String bars(String title, String description, List<Bar> bars, double maxValue, String color) {
        int barWidth = 18;
        int gap = 6;
        int chartHeight = 120;
        int left = 8;
        int width = Math.max(200, left + bars.size() * (barWidth + gap));
        int height = chartHeight + 34;
        double max = maxValue > 0 ? maxValue : bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = open(width, height, title, description);
        svg.append("<line x1=\"0\" x2=\"").append(width).append("\" y1=\"").append(chartHeight)
                .append("\" y2=\"").append(chartHeight).append("\" class=\"base\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int h = max <= 0 ? 0 : (int) Math.round(bar.value() / max * (chartHeight - 4));
            int x = left + i * (barWidth + gap);
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(chartHeight - h).append("\" width=\"")
                    .append(barWidth).append("\" height=\"").append(Math.max(h, 0)).append("\" fill=\"").append(color)
                    .append("\"><title>").append(escape(bar.title())).append("</title></rect>");
            if (bars.size() <= 16 || i % Math.max(1, bars.size() / 10) == 0) {
                svg.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(chartHeight + 14)
                        .append("\" text-anchor=\"middle\" class=\"axis\">").append(escape(bar.label())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    static int level(int n, int max) {
        if (n <= 0 || max <= 0) {
            return 0;
        }
        return Math.min(4, 1 + (int) ((n - 1) * 4L / Math.max(1, max)));
    }

    private static StringBuilder open(int width, int height, String title, String description) {
        String id = "c" + Integer.toHexString((title + description).hashCode() & 0x7fffffff);
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" aria-labelledby=\"").append(id).append("-t ")
                .append(id).append("-d\" class=\"chart\"><title id=\"").append(id).append("-t\">").append(escape(title))
                .append("</title><desc id=\"").append(id).append("-d\">").append(escape(description)).append("</desc>");
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
