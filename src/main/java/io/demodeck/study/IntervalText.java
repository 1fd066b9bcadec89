package io.demodeck.study;

import io.demodeck.web.Plural;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Anki-style short intervals for grade buttons ("&lt;10m", "3d", "1.5mo") and their spelled-out form for
 * screen readers ("in 3 days"), in Russian and English. A screen reader reads "m" as metres
 * (ankidroid#19726), hence the long form in the accessible name.
 */
public final class IntervalText {

    private IntervalText() {
    }

    public static String shortForm(Duration d, String lang) {
        boolean ru = "ru".equals(lang);
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 3600) {
            long minutes = Math.max(1, (seconds + 59) / 60);
            return "<" + minutes + (ru ? " мин" : "m");
        }
        if (seconds < 86_400) {
            return number(seconds / 3600.0, lang) + (ru ? " ч" : "h");
        }
        double days = seconds / 86_400.0;
        if (days < 30) {
            return Math.round(days) + (ru ? " дн" : "d");
        }
        if (days < 365) {
            return number(days / 30.0, lang) + (ru ? " мес" : "mo");
        }
        return number(days / 365.0, lang) + (ru ? " г" : "y");
    }

    public static String longForm(Duration d, String lang) {
        boolean ru = "ru".equals(lang);
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 3600) {
            long minutes = Math.max(1, (seconds + 59) / 60);
            return ru ? "через " + minutes + " " + Plural.ru(minutes, "минуту", "минуты", "минут")
                    : "in " + minutes + " " + Plural.en(minutes, "minute", "minutes");
        }
        if (seconds < 86_400) {
            long hours = Math.round(seconds / 3600.0);
            return ru ? "через " + hours + " " + Plural.ru(hours, "час", "часа", "часов")
                    : "in " + hours + " " + Plural.en(hours, "hour", "hours");
        }
        long days = Math.round(seconds / 86_400.0);
        return ru ? "через " + days + " " + Plural.ru(days, "день", "дня", "дней")
                : "in " + days + " " + Plural.en(days, "day", "days");
    }

    private static String number(double value, String lang) {
        String s = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return "ru".equals(lang) ? s.replace('.', ',') : s;
    }
}
