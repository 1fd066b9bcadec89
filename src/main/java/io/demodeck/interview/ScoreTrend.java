package io.demodeck.interview;

import java.util.List;
import java.util.Locale;

/**
 * The trend of interview scores as a server-side SVG line chart (no script): a y axis from 0 to 100 % with its
 * values, one labelled dot per interview with a {@code <title>} (hover and screen readers), oldest on the left.
 */
public final class ScoreTrend {

    /** @param label under the dot; @param title the dot's tooltip */
    public record Point(String label, double score, String title) {
    }

    static final int STEP = 44;
    static final int LEFT = 40;
    static final int TOP = 10;
    static final int PLOT = 120;

    private ScoreTrend() {
    }

    public static String svg(String title, String description, List<Point> points) {
        int width = Math.max(240, LEFT + 20 + points.size() * STEP);
        int height = TOP + PLOT + 30;
        StringBuilder svg = new StringBuilder(2048)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" aria-labelledby=\"trend-t trend-d\" class=\"chart\" id=\"score-trend\"><title id=\"trend-t\">")
                .append(escape(title)).append("</title><desc id=\"trend-d\">").append(escape(description)).append("</desc>");
        for (int v = 0; v <= 100; v += 50) {
            int y = y(v);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(width - 4).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" class=\"base\" stroke=\"#c8c8c8\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" class=\"axis\">").append(v).append(" %</text>");
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            path.append(i == 0 ? "M" : " L").append(x(i)).append(' ').append(y(points.get(i).score()));
        }
        if (points.size() > 1) {
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1a5fb4\" stroke-width=\"2\"/>");
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            svg.append("<circle cx=\"").append(x(i)).append("\" cy=\"").append(y(p.score()))
                    .append("\" r=\"5\" fill=\"#1a5fb4\" class=\"score-dot\"><title>").append(escape(p.title()))
                    .append("</title></circle>");
            if (points.size() <= 12 || i % Math.max(1, points.size() / 8) == 0) {
                svg.append("<text x=\"").append(x(i)).append("\" y=\"").append(TOP + PLOT + 18)
                        .append("\" text-anchor=\"middle\" class=\"axis\">").append(escape(p.label())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static int x(int i) {
        return LEFT + 20 + i * STEP;
    }

    private static String y(double score) {
        return String.format(Locale.ROOT, "%.1f", TOP + PLOT - Math.max(0, Math.min(100, score)) / 100.0 * PLOT);
    }

    private static int y(int value) {
        return TOP + PLOT - value * PLOT / 100;
    }

    static String escape(String s) {
        return InterviewService.escape(s).replace("'", "&#39;");
    }
}
