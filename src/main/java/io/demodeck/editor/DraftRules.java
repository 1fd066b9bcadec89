package io.demodeck.editor;

import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;
import io.demodeck.demo.DemoCatalog;
import io.demodeck.editor.FieldProblem.Rule;
import io.demodeck.quiz.cloze.ClozeException;
import io.demodeck.quiz.cloze.ClozeParser;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a draft field by field and turns an accepted one into the content the bank stores. Every problem is
 * reported at once, each with its field path, so a form can show them next to their fields.
 */
final class DraftRules {

    /** The types the editor writes: every type of the bank. */
    static final Set<QuestionType> TYPES = EnumSet.of(QuestionType.FLASHCARD, QuestionType.SINGLE_CHOICE,
            QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE, QuestionType.SHORT_ANSWER, QuestionType.NUMERICAL,
            QuestionType.MATCHING, QuestionType.ESSAY, QuestionType.DESCRIPTION, QuestionType.CLOZE);
    static final List<String> LANGUAGES = List.of("ru", "en");

    static final int MAX_TEXT = 20_000;
    static final int MAX_LINE = 2_000;
    static final int MAX_TITLE = 300;
    static final int MAX_TAG = 60;
    static final int MAX_TAGS = 30;
    static final int MAX_KEY_POINTS = 50;
    static final int MAX_OPTIONS = 50;
    static final int MAX_ID = 200;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.+#-]*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    /** Weights written as percentages come back as 0.99999…: a rounding margin, as the quiz grader has. */
    private static final double MARGIN = 0.001;

    private DraftRules() {
    }

    static Set<QuestionType> optionTypes() {
        return EnumSet.of(QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.SHORT_ANSWER,
                QuestionType.MATCHING);
    }

    static QuestionType typeOf(String name) {
        return name == null ? null : QuestionType.fromFileName(name.trim().toLowerCase(Locale.ROOT))
                .filter(TYPES::contains).orElse(null);
    }

    /** Every rule the draft breaks; empty when it can be saved. */
    static List<FieldProblem> check(QuestionDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        QuestionType type = typeOf(d.type());
        if (d.type() == null || d.type().isBlank()) {
            problems.add(FieldProblem.of("type", Rule.REQUIRED));
        } else if (type == null) {
            problems.add(FieldProblem.of("type", Rule.UNKNOWN_TYPE,
                    String.join(", ", TYPES.stream().map(QuestionType::fileName).toList())));
        }
        if (d.externalId() != null && !d.externalId().isBlank()
                && (d.externalId().length() > MAX_ID || !ID.matcher(d.externalId()).matches())) {
            problems.add(FieldProblem.of("externalId", Rule.ID_FORM));
        }
        line(problems, "title", d.title(), MAX_TITLE);
        tags(problems, d.tags());
        demos(problems, d.demoIds());
        texts(problems, d, type);
        if (type != null) {
            answerKey(problems, d, type);
        }
        return problems;
    }

    private static void tags(List<FieldProblem> problems, List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            problems.add(FieldProblem.of("tags", Rule.TOO_MANY, MAX_TAGS));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            String field = "tags[" + i + "]";
            if (tag == null || tag.isBlank()) {
                problems.add(FieldProblem.of(field, Rule.REQUIRED));
            } else if (tag.length() > MAX_TAG || !TAG.matcher(tag).matches()) {
                problems.add(FieldProblem.of(field, Rule.TAG_FORM));
            } else if (!seen.add(tag.toLowerCase(Locale.ROOT))) {
                problems.add(FieldProblem.of(field, Rule.DUPLICATE));
            }
        }
    }

    private static void demos(List<FieldProblem> problems, List<String> demoIds) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < demoIds.size(); i++) {
            String id = demoIds.get(i);
            String field = "demoIds[" + i + "]";
            if (id == null || DemoCatalog.byId(id).isEmpty()) {
                problems.add(FieldProblem.of(field, Rule.UNKNOWN_DEMO, String.valueOf(id)));
            } else if (!seen.add(id)) {
                problems.add(FieldProblem.of(field, Rule.DUPLICATE));
            }
        }
    }

    private static void texts(List<FieldProblem> problems, QuestionDraft d, QuestionType type) {
        if (d.texts().isEmpty() || d.texts().values().stream().allMatch(java.util.Objects::isNull)) {
            problems.add(FieldProblem.of("texts", Rule.REQUIRED));
            return;
        }
        for (var e : d.texts().entrySet()) {
            String lang = e.getKey();
            String at = "texts." + lang;
            if (!LANGUAGES.contains(lang)) {
                problems.add(FieldProblem.of(at, Rule.UNKNOWN_LANGUAGE));
                continue;
            }
            QuestionDraft.DraftText t = e.getValue();
            if (t == null) {
                problems.add(FieldProblem.of(at, Rule.REQUIRED));
                continue;
            }
            if (blank(t.prompt())) {
                problems.add(FieldProblem.of(at + ".prompt", Rule.REQUIRED));
            } else {
                text(problems, at + ".prompt", t.prompt(), MAX_TEXT);
                if (type == QuestionType.CLOZE) {
                    gaps(problems, at + ".prompt", t.prompt());
                }
            }
            if (type == QuestionType.FLASHCARD && blank(t.answer())) {
                problems.add(FieldProblem.of(at + ".answer", Rule.REQUIRED));
            } else {
                text(problems, at + ".answer", t.answer(), MAX_TEXT);
            }
            text(problems, at + ".accurateNote", t.accurateNote(), MAX_TEXT);
            text(problems, at + ".generalFeedback", t.generalFeedback(), MAX_TEXT);
            if (t.keyPoints().size() > MAX_KEY_POINTS) {
                problems.add(FieldProblem.of(at + ".keyPoints", Rule.TOO_MANY, MAX_KEY_POINTS));
            }
            for (int i = 0; i < t.keyPoints().size(); i++) {
                if (blank(t.keyPoints().get(i))) {
                    problems.add(FieldProblem.of(at + ".keyPoints[" + i + "]", Rule.REQUIRED));
                } else {
                    line(problems, at + ".keyPoints[" + i + "]", t.keyPoints().get(i), MAX_LINE);
                }
            }
            if (type != null) {
                options(problems, at, t.options(), type);
            }
        }
        String original = d.originalLanguage();
        if (original != null && !original.isBlank() && (!LANGUAGES.contains(original) || !d.texts().containsKey(original))) {
            problems.add(FieldProblem.of("originalLanguage", Rule.ORIGINAL_NOT_WRITTEN));
        }
    }

    /** A cloze prompt's gaps, in the bank's syntax ({@code {1:SHORTANSWER:=Paris}}): each problem names its gap. */
    private static void gaps(List<FieldProblem> problems, String field, String prompt) {
        try {
            ClozeParser.parse(prompt);
        } catch (ClozeException e) {
            e.problems().forEach(p -> problems.add(FieldProblem.of(field, Rule.CLOZE_GAP, p)));
        }
    }

    /** The number of gaps of a cloze prompt, or -1 when it does not parse (reported elsewhere). */
    private static int gapCount(QuestionDraft.DraftText t) {
        if (t == null || blank(t.prompt())) {
            return -1;
        }
        try {
            return ClozeParser.parse(t.prompt()).gaps().size();
        } catch (ClozeException e) {
            return -1;
        }
    }

    private static void options(List<FieldProblem> problems, String at, List<QuestionDraft.DraftOption> options,
                                QuestionType type) {
        String field = at + ".options";
        if (!optionTypes().contains(type)) {
            if (!options.isEmpty()) {
                problems.add(FieldProblem.of(field, Rule.NOT_FOR_TYPE));
            }
            return;
        }
        int fewest = type == QuestionType.SHORT_ANSWER ? 1 : 2;
        if (options.size() < fewest) {
            problems.add(FieldProblem.of(field, Rule.TOO_FEW, fewest));
        } else if (options.size() > MAX_OPTIONS) {
            problems.add(FieldProblem.of(field, Rule.TOO_MANY, MAX_OPTIONS));
        }
        int full = 0;
        double positive = 0;
        for (int i = 0; i < options.size(); i++) {
            QuestionDraft.DraftOption o = options.get(i);
            String of = field + "[" + i + "]";
            if (o == null) {
                problems.add(FieldProblem.of(of, Rule.REQUIRED));
                continue;
            }
            if (blank(o.text())) {
                problems.add(FieldProblem.of(of + ".text", Rule.REQUIRED));
            } else {
                line(problems, of + ".text", o.text(), MAX_LINE);
            }
            if (type == QuestionType.MATCHING) {
                if (blank(o.match())) {
                    problems.add(FieldProblem.of(of + ".match", Rule.REQUIRED));
                } else {
                    line(problems, of + ".match", o.match(), MAX_LINE);
                }
            } else if (o.match() != null && !o.match().isBlank()) {
                problems.add(FieldProblem.of(of + ".match", Rule.NOT_FOR_TYPE));
            }
            line(problems, of + ".feedback", o.feedback(), MAX_LINE);
            double fraction = fraction(type, o);
            if (!Double.isFinite(fraction) || fraction < -1 || fraction > 1) {
                problems.add(FieldProblem.of(of + ".fraction", Rule.FRACTION_RANGE));
                continue;
            }
            if (fraction >= 1 - MARGIN) {
                full++;
            }
            if (fraction > 0) {
                positive += fraction;
            }
        }
        if (type == QuestionType.SINGLE_CHOICE && options.size() >= fewest) {
            if (full == 0) {
                problems.add(FieldProblem.of(field, Rule.NO_FULL_CHOICE));
            } else if (full > 1) {
                problems.add(FieldProblem.of(field, Rule.ONE_FULL_CHOICE));
            }
        }
        if (type == QuestionType.MULTIPLE_CHOICE && options.size() >= fewest && Math.abs(positive - 1) > MARGIN * 10) {
            problems.add(FieldProblem.of(field, Rule.POSITIVE_SUM, percent(positive)));
        }
    }

    /** A choice without a credit is worth nothing; an accepted answer or a pair without one is worth it all. */
    static double fraction(QuestionType type, QuestionDraft.DraftOption o) {
        if (o.fraction() != null) {
            return o.fraction();
        }
        return type == QuestionType.SHORT_ANSWER || type == QuestionType.MATCHING ? 1 : 0;
    }

    private static void answerKey(List<FieldProblem> problems, QuestionDraft d, QuestionType type) {
        if (type == QuestionType.TRUE_FALSE) {
            if (d.correct() == null) {
                problems.add(FieldProblem.of("correct", Rule.REQUIRED));
            }
        } else if (d.correct() != null) {
            problems.add(FieldProblem.of("correct", Rule.NOT_FOR_TYPE));
        }
        if (type == QuestionType.NUMERICAL) {
            numerical(problems, d);
        } else {
            for (var e : Map.of("value", nn(d.value()), "tolerance", nn(d.tolerance()), "min", nn(d.min()),
                    "max", nn(d.max())).entrySet()) {
                if (e.getValue()) {
                    problems.add(FieldProblem.of(e.getKey(), Rule.NOT_FOR_TYPE));
                }
            }
        }
        if (type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE || type == QuestionType.MATCHING) {
            sameInBothLanguages(problems, d, type);
        }
        if (type == QuestionType.CLOZE) {
            // a learner who switches language mid-card answers the same gaps
            int en = gapCount(d.texts().get("en"));
            int ru = gapCount(d.texts().get("ru"));
            if (en >= 0 && ru >= 0 && en != ru) {
                problems.add(FieldProblem.of("texts.en.prompt", Rule.CLOZE_GAP_COUNT, "ru", ru));
            }
        }
    }

    private static boolean nn(Object o) {
        return o != null;
    }

    private static void numerical(List<FieldProblem> problems, QuestionDraft d) {
        boolean value = d.value() != null;
        boolean range = d.min() != null || d.max() != null;
        if (value && range) {
            problems.add(FieldProblem.of("value", Rule.NUMBER_OR_RANGE));
            return;
        }
        if (!value && !range) {
            problems.add(FieldProblem.of("value", Rule.REQUIRED));
            return;
        }
        if (value) {
            finite(problems, "value", d.value());
            if (d.tolerance() != null) {
                if (finite(problems, "tolerance", d.tolerance()) && d.tolerance() < 0) {
                    problems.add(FieldProblem.of("tolerance", Rule.NEGATIVE));
                }
            }
            return;
        }
        if (d.tolerance() != null) {
            problems.add(FieldProblem.of("tolerance", Rule.NOT_FOR_TYPE));
        }
        if (d.min() == null) {
            problems.add(FieldProblem.of("min", Rule.REQUIRED));
        }
        if (d.max() == null) {
            problems.add(FieldProblem.of("max", Rule.REQUIRED));
        }
        if (d.min() != null && d.max() != null && finite(problems, "min", d.min()) & finite(problems, "max", d.max())
                && d.max() < d.min()) {
            problems.add(FieldProblem.of("max", Rule.RANGE_ORDER));
        }
    }

    private static boolean finite(List<FieldProblem> problems, String field, double v) {
        if (!Double.isFinite(v)) {
            problems.add(FieldProblem.of(field, Rule.NOT_FINITE));
            return false;
        }
        return true;
    }

    /** Choices and pairs are graded by position: both languages need as many, each worth the same. */
    private static void sameInBothLanguages(List<FieldProblem> problems, QuestionDraft d, QuestionType type) {
        QuestionDraft.DraftText ru = d.texts().get("ru");
        QuestionDraft.DraftText en = d.texts().get("en");
        if (ru == null || en == null) {
            return;
        }
        if (ru.options().size() != en.options().size()) {
            problems.add(FieldProblem.of("texts.en.options", Rule.LANGUAGES_DIFFER, "ru"));
            return;
        }
        for (int i = 0; i < en.options().size(); i++) {
            QuestionDraft.DraftOption r = ru.options().get(i);
            QuestionDraft.DraftOption e = en.options().get(i);
            if (r != null && e != null && Math.abs(fraction(type, r) - fraction(type, e)) > MARGIN) {
                problems.add(FieldProblem.of("texts.en.options[" + i + "].fraction", Rule.LANGUAGES_DIFFER, "ru"));
            }
        }
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.indexOf('\0') >= 0) {
            problems.add(FieldProblem.of(field, Rule.NUL));
        } else if (value.length() > max) {
            problems.add(FieldProblem.of(field, Rule.TOO_LONG, max));
        }
    }

    private static void line(List<FieldProblem> problems, String field, String value, int max) {
        text(problems, field, value, max);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /**
     * The content the bank stores for an accepted draft. What the editor does not show (the source, follow-ups,
     * common wrong answers) is kept from {@code previous}, the stored content (null for a new question).
     */
    static QuestionContent content(QuestionDraft d, String externalId, QuestionContent previous) {
        QuestionType type = typeOf(d.type());
        Map<String, QuestionContent.Text> texts = new LinkedHashMap<>();
        List<QuestionContent.Option> options = new ArrayList<>();
        for (String lang : LANGUAGES) {
            QuestionDraft.DraftText t = d.texts().get(lang);
            if (t == null) {
                continue;
            }
            List<QuestionContent.WrongAnswer> wrong = previous != null && previous.texts().containsKey(lang)
                    ? previous.texts().get(lang).wrongAnswers() : List.of();
            texts.put(lang, new QuestionContent.Text(md(t.prompt()), md(t.answer()),
                    t.keyPoints().stream().map(String::strip).toList(), md(t.accurateNote()),
                    md(t.generalFeedback()), wrong));
            if (optionTypes().contains(type)) {
                for (int i = 0; i < t.options().size(); i++) {
                    QuestionDraft.DraftOption o = t.options().get(i);
                    options.add(new QuestionContent.Option(lang, i, o.text().strip(),
                            type == QuestionType.MATCHING ? o.match().strip() : null, fraction(type, o),
                            orNull(o.feedback())));
                }
            }
        }
        String original = d.originalLanguage() != null && texts.containsKey(d.originalLanguage())
                ? d.originalLanguage()
                : previous != null && texts.containsKey(previous.originalLanguage()) ? previous.originalLanguage()
                : texts.keySet().iterator().next();
        Double min = null;
        Double max = null;
        if (type == QuestionType.NUMERICAL) {
            double tolerance = d.tolerance() == null ? 0 : d.tolerance();
            min = d.value() != null ? d.value() - tolerance : d.min();
            max = d.value() != null ? d.value() + tolerance : d.max();
        }
        return new QuestionContent(externalId, type, d.tags().stream().map(String::strip).toList(), d.demoIds(),
                previous == null ? null : previous.source(), original,
                type == QuestionType.TRUE_FALSE ? d.correct() : null, min, max, texts, options, 0,
                previous == null ? List.of() : previous.followUps(), orNull(d.title()));
    }

    /** Markdown as written, with the browser's line ends made plain; leading spaces mean something there. */
    private static String md(String s) {
        return s == null || s.isBlank() ? null : s.replace("\r\n", "\n").stripTrailing();
    }

    private static String orNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
