package io.demodeck.importer;

import io.demodeck.quiz.QuestionType;
import io.demodeck.web.Languages;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Import problems in a language: the parsers report a {@link ProblemCode} with its values, and this says it through
 * the {@code imp} bundle, for the report page ({@code ui.lang}), the API (the language the client asked for) and the
 * audit record (English). Quoted values are inserted as written.
 */
public final class ImportTexts {

    /** The places a parser names in words; any other place is a name in the file (a JSON path, a ZIP entry). */
    private static final Pattern PLACE = Pattern.compile(
            "(question|note|notetype|card|media|ZIP entry) (-?\\d+)|the entry after (.+)|start of the archive|deck|media",
            Pattern.DOTALL);

    /** The bundle's messages by key: a problem's code names its method, the method's parameters its values. */
    private static final Map<String, Method> MESSAGES = Arrays.stream(ImpMessages.class.getMethods())
            .collect(Collectors.toUnmodifiableMap(Method::getName, Function.identity()));

    private ImportTexts() {
    }

    static ImpMessages messages(String lang) {
        return MessageBundles.get(ImpMessages.class, Localized.Literal.of("ru".equals(lang) ? "ru" : "en"));
    }

    /** A problem's text in {@code lang}: {@code {p.text(inject:ui.lang)}}. */
    @TemplateExtension
    static String text(ImportProblem p, String lang) {
        ProblemCode code = ProblemCode.byKey(p.code());
        if (code == null) {
            // recorded before problems had codes: the English text it was recorded with
            return p.message() != null ? p.message() : p.code();
        }
        ImpMessages m = messages(lang);
        String said = say(m, code.key(), p.args());
        String about = switch (code.subject()) {
            case NONE -> null;
            case GIFT_QUESTION -> p.arg("question") == null ? null : m.about_gift_question(p.arg("question"));
            case MOODLE_QUESTION -> p.arg("question") == null ? m.about_moodle_question(p.arg("type"))
                    : m.about_moodle_named_question(p.arg("type"), p.arg("question"));
        };
        if (about != null) {
            said = about + ": " + said;
        }
        if (ImportProblem.QUESTION_SKIPPED.equals(p.leftOut())) {
            said += " — " + m.skipped();
        } else if (ImportProblem.ROW_LEFT_OUT.equals(p.leftOut())) {
            said += "; " + m.left_out();
        }
        return ImportProblem.readable(said, ImportProblem.MAX_MESSAGE);
    }

    /** A problem of a cloze text (its {@code cloze_…} message) in {@code lang}: for the editor, which checks gaps too. */
    public static String cloze(io.demodeck.quiz.cloze.ClozeException.Problem p, String lang) {
        return say(messages(lang), p.key(), p.args());
    }

    /** Calls the message named {@code key} with the values of its parameters, matched by name. */
    private static String say(ImpMessages m, String key, Map<String, Object> args) {
        Method method = MESSAGES.get(key);
        if (method == null) {
            return key; // a key of a newer or older version: still names the problem
        }
        Parameter[] params = method.getParameters();
        Object[] values = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Object v = args.get(params[i].getName());
            if (params[i].getType() == long.class) {
                values[i] = v instanceof Number n ? n.longValue() : v == null ? 0L : Long.parseLong(String.valueOf(v));
            } else if (v instanceof List<?> parts) {
                // the problems of a cloze text, each said by its own message, as the cloze parser lists them
                values[i] = parts.stream().map(part -> part instanceof Map<?, ?> coded
                        ? say(m, String.valueOf(coded.get("key")), argsOf(coded.get("args")))
                        : String.valueOf(part)).collect(Collectors.joining("; "));
            } else {
                values[i] = v == null ? "" : String.valueOf(v);
            }
        }
        try {
            return (String) method.invoke(m, values);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the message " + key + " cannot be said", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> argsOf(Object args) {
        return args instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Every problem with its text in {@code lang}. */
    public static List<ImportProblem> inLanguage(List<ImportProblem> problems, String lang) {
        return problems.stream().map(p -> p.withMessage(text(p, lang))).toList();
    }

    /** The report with its problems said in {@code lang}. */
    public static ImportReport inLanguage(ImportReport r, String lang) {
        return new ImportReport(r.importId(), r.fileName(), r.sha256(), r.format(), r.dryRun(), r.outcome(), r.deck(),
                r.deckId(), r.questions(), r.countsByType(), r.counts(), r.mediaFiles(), inLanguage(r.problems(), lang),
                r.history());
    }

    /** A problem with its place, as one line of the API's 422 ({@code line 3: …}, {@code строка 3: …}). */
    static String placed(ImportProblem p, String lang) {
        ImpMessages m = messages(lang);
        String text = text(p, lang);
        return p.line() > 0 ? m.at_line(p.line(), text) : p.ref() != null ? m.at_ref(importRef(p.ref(), lang), text) : text;
    }

    /**
     * The language of an API answer: the most preferred supported one of Accept-Language as the client sent it (pages
     * replace the header by the visitor's choice, which the API does not use), else English, the language the API's
     * problem texts have always had.
     */
    static String apiLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && Languages.isSupported(primary)) {
                    return primary;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header no client would send on purpose: the default
        }
        return "en";
    }

    /** Where a problem is when it has no line: {@code {p.ref.importRef(inject:ui.lang)}}. */
    @TemplateExtension
    static String importRef(String ref, String lang) {
        if (ref == null || !"ru".equals(lang)) {
            return ref;
        }
        Matcher place = PLACE.matcher(ref);
        if (!place.matches()) {
            return ref; // a JSON path or a ZIP entry: a name in the file, shown as code
        }
        ImpMessages m = messages(lang);
        if (place.group(1) != null) {
            String n = place.group(2);
            return switch (place.group(1)) {
                case "question" -> m.ref_question(n);
                case "note" -> m.ref_note(n);
                case "notetype" -> m.ref_note_type(n);
                case "card" -> m.ref_card(n);
                case "media" -> m.ref_media_entry(n);
                default -> m.ref_zip_entry(n);
            };
        }
        if (place.group(3) != null) {
            return m.ref_entry_after(importRef(place.group(3), lang));
        }
        return switch (ref) {
            case "deck" -> m.ref_deck();
            case "media" -> m.ref_media();
            default -> m.ref_archive_start();
        };
    }

    /** Whether a place is a name in the file (a JSON path, a ZIP entry) rather than words. */
    @TemplateExtension
    static boolean importRefIsName(String ref, String lang) {
        return ref != null && !PLACE.matcher(ref).matches();
    }

    /** The type of a {@code single_choice} count, for the question-type badge; null when unknown. */
    @TemplateExtension
    static QuestionType questionType(String fileName) {
        return QuestionType.fromFileName(fileName).orElse(null);
    }
}
