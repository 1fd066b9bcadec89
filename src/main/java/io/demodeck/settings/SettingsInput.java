package io.demodeck.settings;

import io.demodeck.review.InvalidSettingsException;
import io.demodeck.review.StudySettingsService;
import io.demodeck.review.scheduler.FsrsParameters;
import io.demodeck.review.scheduler.SchedulerSettings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings page's fields as people write them, to and from the stored values: desired retention as a percentage
 * ("90", "90 %", "90,5"), learning steps as Anki writes them ("1m 10m", "1h"), a time zone in any letter case. Problems
 * are {@link InvalidSettingsException}s in English naming the form's field; the page says them in its language
 * ({@link SettingsTexts}).
 */
public final class SettingsInput {

    /** The form's field names, as {@link InvalidSettingsException#field()} names them. */
    public static final String RETENTION = "desiredRetention";
    public static final String LEARNING_STEPS = "learningSteps";
    public static final String RELEARNING_STEPS = "relearningSteps";
    public static final String TIME_ZONE = "timeZone";

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:[.,]\\d+)?)\\s*%?");

    /** One step: a number, then an optional unit (none: minutes, as in Anki); separators are spaces, commas or ';'. */
    private static final Pattern STEP = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*([^\\d\\s,;]*)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]*");

    private static final int DAY_SECONDS = 86_400;

    private SettingsInput() {
    }

    /**
     * The desired retention (0.70 to 0.99) of a percentage, rounded to a hundredth of a percent. A fraction in that
     * range ("0.9", as the field was written before) is taken as it is: no percentage that small is valid.
     */
    public static double retention(String text) {
        Matcher m = PERCENT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidSettingsException(RETENTION, "must be a percentage such as 90");
        }
        BigDecimal value = new BigDecimal(m.group(1).replace(',', '.'));
        if (value.compareTo(BigDecimal.valueOf(SchedulerSettings.MIN_RETENTION)) >= 0
                && value.compareTo(BigDecimal.valueOf(SchedulerSettings.MAX_RETENTION)) <= 0) {
            return value.doubleValue();
        }
        BigDecimal fraction = value.movePointLeft(2).setScale(4, RoundingMode.HALF_UP);
        if (fraction.doubleValue() < SchedulerSettings.MIN_RETENTION
                || fraction.doubleValue() > SchedulerSettings.MAX_RETENTION) {
            throw new InvalidSettingsException(RETENTION, "must be between " + percent(SchedulerSettings.MIN_RETENTION)
                    + "% and " + percent(SchedulerSettings.MAX_RETENTION) + "%, got " + value.toPlainString() + "%");
        }
        return fraction.doubleValue();
    }

    /** A retention as the field shows it: 0.9 is "90", 0.905 is "90.5" ("90,5" in Russian). */
    public static String percent(double retention, String lang) {
        String text = percent(retention);
        return "ru".equals(lang) ? text.replace('.', ',') : text;
    }

    private static String percent(double retention) {
        return BigDecimal.valueOf(retention).movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Steps in seconds from "1m 10m": each a number with s, m, h or d (Russian с, м, мин, ч, д also), a bare number
     * being minutes as in Anki; empty for no steps. At most {@link StudySettingsService#MAX_STEPS}, each at least a
     * second and shorter than a day (FSRS schedules whole days itself).
     */
    public static List<Integer> steps(String field, String text) {
        String input = text == null ? "" : text.strip();
        List<Integer> seconds = new ArrayList<>();
        List<String> written = new ArrayList<>();
        Matcher step = STEP.matcher(input);
        Matcher separators = SEPARATORS.matcher(input);
        int at = 0;
        while (at < input.length()) {
            if (separators.region(at, input.length()).lookingAt() && separators.end() > at) {
                at = separators.end();
                continue;
            }
            if (!step.region(at, input.length()).lookingAt()) {
                throw notAStep(field, input.substring(at).split("[\\s,;]")[0]);
            }
            Optional<Integer> unit = unitSeconds(step.group(2));
            if (unit.isEmpty()) {
                throw notAStep(field, step.group());
            }
            BigDecimal amount = new BigDecimal(step.group(1).replace(',', '.'));
            seconds.add(amount.multiply(BigDecimal.valueOf(unit.get())).setScale(0, RoundingMode.HALF_UP)
                    .min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue());
            written.add(step.group().strip());
            at = step.end();
        }
        if (seconds.size() > StudySettingsService.MAX_STEPS) {
            throw new InvalidSettingsException(field, "at most " + StudySettingsService.MAX_STEPS + " steps, got "
                    + seconds.size());
        }
        for (int i = 0; i < seconds.size(); i++) {
            if (seconds.get(i) < 1 || seconds.get(i) >= DAY_SECONDS) {
                throw new InvalidSettingsException(field, "step " + (i + 1) + " (" + written.get(i)
                        + ") must be at least 1s and shorter than a day");
            }
        }
        return List.copyOf(seconds);
    }

    private static InvalidSettingsException notAStep(String field, String token) {
        return new InvalidSettingsException(field, "'" + token + "' is not a step: write steps such as 1m 10m, "
                + "with s, m, h or d");
    }

    private static Optional<Integer> unitSeconds(String unit) {
        return Optional.ofNullable(switch (unit.toLowerCase(Locale.ROOT)) {
            case "s", "sec", "с", "сек" -> 1;
            case "", "m", "min", "м", "мин" -> 60;
            case "h", "ч" -> 3600;
            case "d", "д" -> DAY_SECONDS;
            default -> null;
        });
    }

    /** Steps as the field shows them: 60 and 600 seconds are "1m 10m"; whole hours "1h", else seconds "90s". */
    public static String steps(List<Integer> seconds) {
        List<String> out = new ArrayList<>(seconds.size());
        for (int s : seconds) {
            out.add(s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s");
        }
        return String.join(" ", out);
    }

    /** The zone id as Java spells it when the text names one in another letter case; else the text, stripped. */
    public static String timeZone(String text) {
        String zone = text == null ? "" : text.strip();
        if (ZoneId.getAvailableZoneIds().contains(zone)) {
            return zone;
        }
        return ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(zone)).findFirst().orElse(zone);
    }

    /**
     * Whole minutes or a plain count: "200" (spaces around it are fine).
     *
     * @throws InvalidSettingsException naming {@code field} when it is not a whole number
     */
    public static int wholeNumber(String field, String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(field, "must be a whole number");
        }
    }

    /**
     * The most relearning steps personal parameters allow (their w17 and w18 under the same-day ceiling,
     * {@link FsrsParameters#sameDayCeiling}), for the page to say instead of the parameters' names.
     */
    public static int mostRelearningSteps(List<Double> parameters) {
        if (parameters == null) {
            return StudySettingsService.MAX_STEPS;
        }
        FsrsParameters p = FsrsParameters.of(parameters.stream().mapToDouble(Double::doubleValue).toArray());
        int most = 1;
        for (int n = 2; n <= StudySettingsService.MAX_STEPS; n++) {
            if (p.get(17) <= p.sameDayCeiling(n) && p.get(18) <= p.sameDayCeiling(n)) {
                most = n;
            }
        }
        return most;
    }
}
