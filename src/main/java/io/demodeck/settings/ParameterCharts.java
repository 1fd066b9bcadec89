package io.demodeck.settings;

import io.demodeck.review.scheduler.FsrsModel;
import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.Rating;

import java.util.Locale;

/**
 * The forgetting curves of two FSRS vectors as a server-rendered SVG (the style of stats.SvgCharts: title and
 * description for screen readers, a title per curve, everything escaped): recall over the days after a first answer
 * Good, and after a first answer Again, for the current and the fitted vector.
 */
final class ParameterCharts {

    private static final int WIDTH = 360;
    private static final int HEIGHT = 200;
    private static final int LEFT = 34;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;
    private static final int RIGHT = 10;
    static final String CURRENT_COLOR = "#6e7781";
    static final String FITTED_COLOR = "#0b57d0";

    private ParameterCharts() {
    }

    /** Labels in the learner's language. */
    record Labels(String title, String description, String current, String fitted, String afterGood,
                  String afterAgain, String days) {
    }

    static String forgettingCurves(FsrsParameters current, FsrsParameters fitted, Labels labels) {
        FsrsModel a = new FsrsModel(current);
        FsrsModel b = new FsrsModel(fitted);
        double longest = Math.max(a.initialStability(Rating.GOOD), b.initialStability(Rating.GOOD));
        int days = (int) Math.min(365, Math.max(7, Math.ceil(longest * 4)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(4096)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" aria-labelledby=\"fc-t fc-d\" class=\"chart\"><title id=\"fc-t\">").append(escape(labels.title()))
                .append("</title><desc id=\"fc-d\">").append(escape(labels.description())).append("</desc>");
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = TOP + plotH * (1 - pct / 100.0);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#d0d7de\" stroke-width=\"0.5\"/>")
                    .append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(y + 3))
                    .append("\" text-anchor=\"end\" class=\"axis\">").append(pct).append("%</text>");
        }
        for (int i = 0; i <= 4; i++) {
            int d = Math.round(days * i / 4f);
            double x = LEFT + plotW * (double) d / days;
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 12)
                    .append("\" text-anchor=\"middle\" class=\"axis\">").append(d).append("</text>");
        }
        svg.append("<text x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(HEIGHT - 4)
                .append("\" text-anchor=\"middle\" class=\"axis\">").append(escape(labels.days())).append("</text>");
        curve(svg, a, Rating.GOOD, days, plotW, plotH, CURRENT_COLOR, null, labels.current() + ", " + labels.afterGood());
        curve(svg, a, Rating.AGAIN, days, plotW, plotH, CURRENT_COLOR, "4 3", labels.current() + ", " + labels.afterAgain());
        curve(svg, b, Rating.GOOD, days, plotW, plotH, FITTED_COLOR, null, labels.fitted() + ", " + labels.afterGood());
        curve(svg, b, Rating.AGAIN, days, plotW, plotH, FITTED_COLOR, "4 3", labels.fitted() + ", " + labels.afterAgain());
        return svg.append("</svg>").toString();
    }

    /** Minutes of review per day against desired retention, the recommended one marked. */
    static String workload(java.util.List<io.demodeck.review.optimizer.RetentionSimulator.Point> points,
                           io.demodeck.review.optimizer.RetentionSimulator.Point recommended, String title,
                           String description, String pointTitle, String xLabel) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double max = points.stream().mapToDouble(p -> p.minutesPerDay()).max().orElse(1);
        max = Math.max(1, Math.ceil(max / 5) * 5);
        StringBuilder svg = new StringBuilder(4096)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" aria-labelledby=\"wl-t wl-d\" class=\"chart\"><title id=\"wl-t\">").append(escape(title))
                .append("</title><desc id=\"wl-d\">").append(escape(description)).append("</desc>");
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = TOP + plotH * (1 - v / max);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#d0d7de\" stroke-width=\"0.5\"/>")
                    .append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(y + 3))
                    .append("\" text-anchor=\"end\" class=\"axis\">").append(Math.round(v)).append("</text>");
        }
        for (int pct = 70; pct <= 95; pct += 5) {
            double x = LEFT + plotW * (pct - 70) / 25.0;
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 12)
                    .append("\" text-anchor=\"middle\" class=\"axis\">").append(pct).append("%</text>");
        }
        svg.append("<text x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(HEIGHT - 4)
                .append("\" text-anchor=\"middle\" class=\"axis\">").append(escape(xLabel)).append("</text>");
        svg.append("<polyline fill=\"none\" stroke=\"").append(FITTED_COLOR).append("\" stroke-width=\"2\" points=\"");
        for (var p : points) {
            svg.append(fmt(LEFT + plotW * (p.retention() - 0.70) / 0.25)).append(',')
                    .append(fmt(TOP + plotH * (1 - p.minutesPerDay() / max))).append(' ');
        }
        svg.append("\"/>");
        double x = LEFT + plotW * (recommended.retention() - 0.70) / 0.25;
        double y = TOP + plotH * (1 - recommended.minutesPerDay() / max);
        svg.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"5\" fill=\"#7a4d00\"><title>")
                .append(escape(pointTitle)).append("</title></circle>");
        return svg.append("</svg>").toString();
    }

    private static void curve(StringBuilder svg, FsrsModel model, Rating first, int days, int plotW, int plotH,
                              String color, String dash, String title) {
        double s = model.initialStability(first);
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\"");
        if (dash != null) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        svg.append(" points=\"");
        int steps = 60;
        for (int i = 0; i <= steps; i++) {
            double t = days * (double) i / steps;
            double r = t == 0 ? 1 : Math.pow(1 + model.factor() * t / s, model.decay());
            svg.append(fmt(LEFT + plotW * (double) i / steps)).append(',').append(fmt(TOP + plotH * (1 - r))).append(' ');
        }
        double at = Math.pow(1 + model.factor() * days / s, model.decay());
        svg.append("\"><title>").append(escape(title + ": " + Math.round(at * 100) + "% @ " + days)).append("</title></polyline>");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
