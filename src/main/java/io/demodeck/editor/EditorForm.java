package io.demodeck.editor;

import io.demodeck.quiz.QuestionType;
import io.demodeck.demo.DemoCatalog;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The editor's HTML form: what the browser posts (rows of choices arrive as lists of the same name, empty rows
 * included), read into a {@link QuestionDraft}, and the form as the page shows it again, each field with its error.
 */
public class EditorForm {

    @RestForm
    public String type;
    @RestForm
    public String version;
    @RestForm
    public String action;
    @RestForm
    public String title;
    @RestForm
    public String tags;
    @RestForm
    public List<String> demoIds;
    @RestForm
    public String originalLanguage;
    @RestForm
    public String correct;
    @RestForm
    public String value;
    @RestForm
    public String tolerance;
    @RestForm
    public String min;
    @RestForm
    public String max;
    @RestForm("texts.en.prompt")
    public String enPrompt;
    @RestForm("texts.en.answer")
    public String enAnswer;
    @RestForm("texts.en.keyPoints")
    public String enKeyPoints;
    @RestForm("texts.en.accurateNote")
    public String enAccurate;
    @RestForm("texts.en.generalFeedback")
    public String enFeedback;
    @RestForm("texts.en.options.text")
    public List<String> enOptText;
    @RestForm("texts.en.options.match")
    public List<String> enOptMatch;
    @RestForm("texts.en.options.fraction")
    public List<String> enOptFraction;
    @RestForm("texts.en.options.feedback")
    public List<String> enOptFeedback;
    @RestForm("texts.ru.prompt")
    public String ruPrompt;
    @RestForm("texts.ru.answer")
    public String ruAnswer;
    @RestForm("texts.ru.keyPoints")
    public String ruKeyPoints;
    @RestForm("texts.ru.accurateNote")
    public String ruAccurate;
    @RestForm("texts.ru.generalFeedback")
    public String ruFeedback;
    @RestForm("texts.ru.options.text")
    public List<String> ruOptText;
    @RestForm("texts.ru.options.match")
    public List<String> ruOptMatch;
    @RestForm("texts.ru.options.fraction")
    public List<String> ruOptFraction;
    @RestForm("texts.ru.options.feedback")
    public List<String> ruOptFeedback;

    /** A field as the page shows it: its form name, element id, value and error (null when fine). */
    public record Field(String name, String id, String value, String error) {
        public String describedBy() {
            return error == null ? null : id + "-error";
        }
    }

    public record OptionRow(int number, Field text, Field match, Field fraction, Field feedback) {
    }

    public record LangSection(String lang, Field prompt, Field answer, Field keyPoints, Field accurateNote,
                              Field generalFeedback, Field options, List<OptionRow> rows) {
    }

    public record DemoChoice(String id, String title, boolean checked) {
    }

    /** Everything the form page shows. */
    public record View(String type, String version, Field title, Field tags, Field originalLanguage, Field correct,
                       Field value, Field tolerance, Field min, Field max, Field demos, List<DemoChoice> demoChoices,
                       List<LangSection> langs, List<String> errors, boolean hasPlacedErrors) {
        public QuestionType questionType() {
            return DraftRules.typeOf(type);
        }

        public boolean usesOptions() {
            return DraftRules.optionTypes().contains(questionType());
        }

        public boolean matching() {
            return questionType() == QuestionType.MATCHING;
        }

        public boolean numerical() {
            return questionType() == QuestionType.NUMERICAL;
        }

        public boolean trueFalse() {
            return questionType() == QuestionType.TRUE_FALSE;
        }

        public boolean choices() {
            return questionType() == QuestionType.SINGLE_CHOICE || questionType() == QuestionType.MULTIPLE_CHOICE;
        }

        public boolean shortAnswer() {
            return questionType() == QuestionType.SHORT_ANSWER;
        }

        public boolean cloze() {
            return questionType() == QuestionType.CLOZE;
        }

        /** The gap syntax for the cloze hint: given as data, since braces in a message would be read as Qute. */
        public String clozeTypedExample() {
            return "{1:SHORTANSWER:=Paris}";
        }

        public String clozeChoiceExample() {
            return "{1:MULTICHOICE:=Rome~Milan~Turin}";
        }

        public String clozeNumberExample() {
            return "{1:NUMERICAL:=23.8:0.1}";
        }
    }

    /** The draft the form describes, and the numbers it could not read (as field problems). */
    record Read(QuestionDraft draft, List<FieldProblem> unreadable) {
    }

    Read read() {
        List<FieldProblem> unreadable = new ArrayList<>();
        Map<String, QuestionDraft.DraftText> texts = new TreeMap<>();
        text("en", enPrompt, enAnswer, enKeyPoints, enAccurate, enFeedback, enOptText, enOptMatch, enOptFraction,
                enOptFeedback, texts, unreadable);
        text("ru", ruPrompt, ruAnswer, ruKeyPoints, ruAccurate, ruFeedback, ruOptText, ruOptMatch, ruOptFraction,
                ruOptFeedback, texts, unreadable);
        List<String> tagList = tags == null ? List.of()
                : Arrays.stream(tags.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
        Boolean right = "true".equals(correct) ? Boolean.TRUE : "false".equals(correct) ? Boolean.FALSE : null;
        QuestionDraft draft = new QuestionDraft(type, null, blankToNull(title), tagList,
                demoIds == null ? List.of() : demoIds.stream().filter(d -> !d.isBlank()).toList(),
                blankToNull(originalLanguage), right, number(value, "value", unreadable),
                number(tolerance, "tolerance", unreadable), number(min, "min", unreadable), number(max, "max", unreadable),
                texts);
        return new Read(draft, unreadable);
    }

    private static void text(String lang, String prompt, String answer, String keyPoints, String accurate,
                             String feedback, List<String> optText, List<String> optMatch, List<String> optFraction,
                             List<String> optFeedback, Map<String, QuestionDraft.DraftText> texts,
                             List<FieldProblem> unreadable) {
        List<QuestionDraft.DraftOption> options = new ArrayList<>();
        int rows = optText == null ? 0 : optText.size();
        for (int i = 0; i < rows; i++) {
            String t = at(optText, i);
            String m = at(optMatch, i);
            String f = at(optFraction, i);
            String fb = at(optFeedback, i);
            if (blank(t) && blank(m) && blank(f) && blank(fb)) {
                continue; // an empty row
            }
            Double percent = number(f, "texts." + lang + ".options[" + options.size() + "].fraction", unreadable);
            options.add(new QuestionDraft.DraftOption(t, blankToNull(m), percent == null ? null : percent / 100,
                    blankToNull(fb)));
        }
        List<String> points = keyPoints == null ? List.of()
                : keyPoints.lines().filter(l -> !l.isBlank()).map(String::strip).toList();
        if (blank(prompt) && blank(answer) && points.isEmpty() && blank(accurate) && blank(feedback) && options.isEmpty()) {
            return; // a language left empty: the question is not written in it
        }
        texts.put(lang, new QuestionDraft.DraftText(prompt, blankToNull(answer), points, blankToNull(accurate),
                blankToNull(feedback), options));
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() ? list.get(i) : null;
    }

    private static Double number(String s, String field, List<FieldProblem> unreadable) {
        if (blank(s)) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.strip().replace(',', '.').replace("%", "").strip());
            if (!Double.isFinite(d)) {
                unreadable.add(FieldProblem.of(field, FieldProblem.Rule.NOT_FINITE));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            unreadable.add(FieldProblem.of(field, FieldProblem.Rule.NOT_FINITE));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }

    // --- the form as the page shows it ---------------------------------------------------------------

    /** The form for a draft (stored, or as the editor posted it) with each problem beside its field. */
    static View view(QuestionDraft d, String version, List<FieldProblem> problems, String lang) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String key = p.field().replaceAll("^(tags|demoIds)\\[\\d+]$", "$1")
                    .replaceAll("^(texts\\.\\w+\\.keyPoints)\\[\\d+]$", "$1");
            errors.merge(key, p.message(lang), (a, b) -> a.equals(b) ? a : a + " " + b);
        }
        List<String> unplaced = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        QuestionType type = DraftRules.typeOf(d.type());
        List<LangSection> langs = new ArrayList<>();
        for (String l : List.of("en", "ru")) {
            QuestionDraft.DraftText t = d.texts().get(l);
            String at = "texts." + l;
            List<OptionRow> rows = new ArrayList<>();
            List<QuestionDraft.DraftOption> options = t == null ? List.of() : t.options();
            int count = Math.max(options.size() + 2, 4);
            for (int i = 0; i < count; i++) {
                QuestionDraft.DraftOption o = i < options.size() ? options.get(i) : null;
                String row = at + ".options[" + i + "]";
                rows.add(new OptionRow(i + 1,
                        field(at + ".options.text", row + ".text", o == null ? null : o.text(), errors, placed),
                        field(at + ".options.match", row + ".match", o == null ? null : o.match(), errors, placed),
                        field(at + ".options.fraction", row + ".fraction", o == null || o.fraction() == null ? null
                                : percent(o.fraction()), errors, placed),
                        field(at + ".options.feedback", row + ".feedback", o == null ? null : o.feedback(), errors, placed)));
            }
            langs.add(new LangSection(l,
                    field(at + ".prompt", at + ".prompt", t == null ? null : t.prompt(), errors, placed),
                    field(at + ".answer", at + ".answer", t == null ? null : t.answer(), errors, placed),
                    field(at + ".keyPoints", at + ".keyPoints", t == null ? null : String.join("\n", t.keyPoints()), errors, placed),
                    field(at + ".accurateNote", at + ".accurateNote", t == null ? null : t.accurateNote(), errors, placed),
                    field(at + ".generalFeedback", at + ".generalFeedback", t == null ? null : t.generalFeedback(), errors, placed),
                    field(at + ".options", at + ".options", null, errors, placed), rows));
        }
        List<DemoChoice> demos = Arrays.stream(DemoCatalog.values())
                .map(c -> new DemoChoice(c.id(), c.title(lang), d.demoIds().contains(c.id()))).toList();
        View view = new View(type == null ? d.type() : type.fileName(), version,
                field("title", "title", d.title(), errors, placed),
                field("tags", "tags", String.join(", ", d.tags()), errors, placed),
                field("originalLanguage", "originalLanguage", d.originalLanguage(), errors, placed),
                field("correct", "correct", d.correct() == null ? null : d.correct().toString(), errors, placed),
                field("value", "value", num(d.value()), errors, placed),
                field("tolerance", "tolerance", num(d.tolerance()), errors, placed),
                field("min", "min", num(d.min()), errors, placed),
                field("max", "max", num(d.max()), errors, placed),
                field("demoIds", "demoIds", null, errors, placed), demos, langs, unplaced, !errors.isEmpty());
        errors.forEach((k, v) -> {
            if (!placed.contains(k)) {
                unplaced.add(k + ": " + v);
            }
        });
        return view;
    }

    private static Field field(String name, String path, String value, Map<String, String> errors, List<String> placed) {
        String error = errors.get(path);
        if (error != null) {
            placed.add(path);
        }
        return new Field(name, "f-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", ""), value, error);
    }

    private static String num(Double d) {
        if (d == null) {
            return null;
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }

    private static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    static String normalType(String type) {
        QuestionType t = DraftRules.typeOf(type);
        return t == null ? null : t.fileName().toLowerCase(Locale.ROOT);
    }
}
