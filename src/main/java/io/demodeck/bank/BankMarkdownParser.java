package io.demodeck.bank;

import io.demodeck.deck.DeckIds;
import io.demodeck.platform.Sha256;
import io.demodeck.quiz.QuestionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bank's Markdown files (format in {@code questions/README.md}): DemoDeck Markdown, which starts
 * with {@code # deck: <id>}, and plain Markdown, where each {@code ##} heading is a flashcard. Collects every
 * problem with its line instead of stopping at the first, so an author can fix a file in one pass.
 */
public final class BankMarkdownParser {

    public static final Set<String> LANGUAGES = Set.of("ru", "en");
    static final Pattern ID = DeckIds.PATTERN; // question ids follow the deck id rule
    private static final Pattern DECK_LINE = Pattern.compile("#\\s+deck:\\s*(\\S*)\\s*");
    private static final Pattern SECTION = Pattern.compile("###\\s+([a-zA-Z-]+)\\s*:\\s*(.+?)\\s*");
    private static final Pattern META = Pattern.compile("([a-zA-Z][a-zA-Z0-9_.-]*)\\s*:\\s*(.*)");
    private static final Pattern CHOICE = Pattern.compile("-\\s+\\[([ xX])]\\s+(.+)");
    private static final Pattern RANGE = Pattern.compile("\\s*(-?[0-9.eE+-]+)\\s*\\.\\.\\s*(-?[0-9.eE+-]+)\\s*");
    private static final Set<String> PARTS = Set.of("prompt", "answer", "key points", "accurate answer adds",
            "choices", "accepted", "pairs", "common wrong answers");
    private static final Set<String> META_KEYS = Set.of("type", "tags", "demos", "follow-ups", "source", "correct",
            "tolerance", "range");
    /** Separates what a candidate says from why it is wrong in a '- claim => why' item. */
    static final String WRONG_ANSWER_SEPARATOR = "=>";

    public ParseResult parse(String fileName, String text) {
        List<String> lines = lines(text);
        int first = firstNonBlank(lines);
        if (first >= 0 && lines.get(first).startsWith("# deck:")) {
            return new DeckFile(lines, first).parse();
        }
        return parsePlain(fileName, lines);
    }

    static List<String> lines(String text) {
        String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return List.of(normalized.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------
    // Plain Markdown: each ## heading is a question, its body the answer.

    private ParseResult parsePlain(String fileName, List<String> lines) {
        List<ParseProblem> problems = new ArrayList<>();
        String title = null;
        List<QuestionContent> questions = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        String heading = null;
        int headingLine = 0;
        StringBuilder body = new StringBuilder();
        boolean inFence = false;
        String language = guessLanguage(String.join("\n", lines));
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            boolean isHeading = line != null && !inFence && line.startsWith("## ");
            if (line == null || isHeading) {
                if (heading != null) {
                    addPlainQuestion(heading, headingLine, body.toString().strip(), language, ids, questions, problems);
                }
                if (line == null) {
                    break;
                }
                heading = line.substring(3).strip();
                headingLine = i + 1;
                body.setLength(0);
                continue;
            }
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            }
            if (heading == null) {
                if (title == null && !inFence && line.startsWith("# ")) {
                    title = line.substring(2).strip();
                }
            } else {
                body.append(line).append('\n');
            }
        }
        if (questions.isEmpty() && problems.isEmpty()) {
            // reported where the search for a heading ended
            problems.add(new ParseProblem(lines.size(), "no '## ' heading found: a plain Markdown deck needs one per question",
                    "md_no_heading", List.of()));
        }
        if (!problems.isEmpty()) {
            return ParseResult.failed(problems);
        }
        String deckId = slug(fileName);
        String deckTitle = title != null ? title : fileName.replaceFirst("\\.md$", "");
        return ParseResult.ok(new DeckContent(deckId, language, fileName,
                Map.of(language, new DeckContent.Text(deckTitle, null)), questions));
    }

    private static void addPlainQuestion(String heading, int line, String body, String language, Set<String> ids,
                                         List<QuestionContent> questions, List<ParseProblem> problems) {
        if (heading.isEmpty()) {
            problems.add(new ParseProblem(line, "empty '## ' heading: write the question after '## '", "md_empty_heading",
                    List.of()));
            return;
        }
        if (body.isEmpty()) {
            problems.add(new ParseProblem(line, "question '" + heading + "' has no answer below its heading",
                    "md_heading_no_answer", List.of(heading)));
            return;
        }
        String id = "h-" + Sha256.hex(normalizeSpace(heading).toLowerCase(Locale.ROOT)).substring(0, 16);
        if (!ids.add(id)) {
            problems.add(new ParseProblem(line, "the heading '" + heading + "' appears twice", "md_heading_twice",
                    List.of(heading)));
            return;
        }
        var text = new QuestionContent.Text(heading, body, List.of(), null, null);
        questions.add(new QuestionContent(id, QuestionType.FLASHCARD, List.of(), List.of(), null, language,
                null, null, null, Map.of(language, text), List.of(), line));
    }

    /** ru or en, from the share of Cyrillic letters; importers use it when no language is given. */
    public static String guessLanguage(String text) {
        long cyrillic = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC).count();
        long latin = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        return cyrillic > latin / 4 ? "ru" : "en";
    }

    public static String slug(String fileName) {
        String base = fileName.replaceFirst("(?i)\\.md$", "").toLowerCase(Locale.ROOT);
        String slug = base.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "deck";
        }
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    // ---------------------------------------------------------------------------------------------
    // DemoDeck Markdown

    /** One pass over a DemoDeck file; problems are collected, not thrown. */
    private static final class DeckFile {
        private final List<String> lines;
        private int pos;
        private final List<ParseProblem> problems = new ArrayList<>();
        /** Follow-ups are checked once every id of the deck is known. */
        private final List<FollowUpRef> followUpRefs = new ArrayList<>();

        private record FollowUpRef(String from, String to, int line) {
        }

        DeckFile(List<String> lines, int first) {
            this.lines = lines;
            this.pos = first;
        }

        ParseResult parse() {
            int deckLine = pos + 1;
            Matcher m = DECK_LINE.matcher(lines.get(pos).strip());
            String deckId = m.matches() ? m.group(1) : "";
            if (!ID.matcher(deckId).matches()) {
                problem(deckLine, "md_deck_id_form", "the deck id '" + deckId + "' must be lower-case letters, digits and '-' (at most 100)",
                        deckId);
            }
            pos++;
            Map<String, String> titles = new LinkedHashMap<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            String language = "ru";
            String source = null;
            for (; pos < lines.size() && !isQuestionHeading(lines.get(pos)); pos++) {
                String line = lines.get(pos);
                if (line.isBlank()) {
                    continue;
                }
                Matcher meta = META.matcher(line.strip());
                if (!meta.matches()) {
                    problem(pos + 1, "md_deck_header_line", "expected 'key: value' in the deck header, found '" + abbreviate(line) + "'",
                            abbreviate(line));
                    continue;
                }
                String key = meta.group(1).toLowerCase(Locale.ROOT);
                String value = meta.group(2).strip();
                if (key.startsWith("title.") && languageKey(key, pos + 1)) {
                    titles.put(key.substring(6), value);
                } else if (key.startsWith("description.") && languageKey(key, pos + 1)) {
                    descriptions.put(key.substring(12), value);
                } else if (key.equals("language")) {
                    if (LANGUAGES.contains(value)) {
                        language = value;
                    } else {
                        problem(pos + 1, "md_language_unknown", "language '" + value + "' is not one of " + LANGUAGES, value,
                                String.join(", ", LANGUAGES));
                    }
                } else if (key.equals("source")) {
                    source = value;
                } else if (!key.startsWith("title.") && !key.startsWith("description.")) {
                    problem(pos + 1, "md_deck_header_key", "unknown deck header key '" + key
                            + "' (expected title.<lang>, description.<lang>, language, source)", key);
                }
            }
            if (titles.isEmpty()) {
                problem(deckLine, "md_deck_no_title", "the deck needs a title: add a line 'title.ru: …' or 'title.en: …'");
            }
            List<QuestionContent> questions = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            while (pos < lines.size()) {
                QuestionContent q = question(language, ids);
                if (q != null) {
                    questions.add(q);
                }
            }
            for (FollowUpRef ref : followUpRefs) {
                if (ref.to().equals(ref.from())) {
                    problem(ref.line(), "md_follow_up_itself", "question '" + ref.from() + "' names itself as a follow-up", ref.from());
                } else if (!ids.contains(ref.to())) {
                    problem(ref.line(), "md_follow_up_unknown", "follow-up '" + ref.to() + "' of question '" + ref.from()
                            + "' is not a question id of this deck", ref.to(), ref.from());
                }
            }
            if (questions.isEmpty() && problems.isEmpty()) {
                problem(deckLine, "md_deck_no_questions", "the deck has no questions: add a '## <id>' section");
            }
            if (!problems.isEmpty()) {
                return ParseResult.failed(problems);
            }
            Map<String, DeckContent.Text> texts = new LinkedHashMap<>();
            titles.forEach((lang, title) -> texts.put(lang, new DeckContent.Text(title, descriptions.get(lang))));
            return ParseResult.ok(new DeckContent(deckId, language, source, texts, questions));
        }

        private boolean languageKey(String key, int line) {
            String lang = key.substring(key.indexOf('.') + 1);
            if (!LANGUAGES.contains(lang)) {
                problem(line, "md_key_language_unknown", "'" + key + "': language '" + lang + "' is not one of " + LANGUAGES, key,
                        lang, String.join(", ", LANGUAGES));
                return false;
            }
            return true;
        }

        /** Parses from a '## id' line up to the next one; returns null when the question has errors. */
        private QuestionContent question(String deckLanguage, Set<String> ids) {
            int start = pos + 1;
            String id = lines.get(pos).substring(3).strip();
            int problemsBefore = problems.size();
            if (!ID.matcher(id).matches()) {
                problem(start, "md_question_id_form", "the question id '" + id + "' must be lower-case letters, digits and '-' (at most 100)",
                        id);
            } else if (!ids.add(id)) {
                problem(start, "md_question_id_twice", "the question id '" + id + "' is used twice in this deck", id);
            }
            pos++;
            Map<String, String> meta = new LinkedHashMap<>();
            Map<String, Integer> metaLines = new LinkedHashMap<>();
            for (; pos < lines.size() && !isQuestionHeading(lines.get(pos)) && !lines.get(pos).startsWith("###"); pos++) {
                String line = lines.get(pos);
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = META.matcher(line.strip());
                if (!m.matches()) {
                    problem(pos + 1, "md_question_meta_line", "expected 'key: value' before the first '### ' section, found '"
                            + abbreviate(line) + "'", abbreviate(line));
                    continue;
                }
                String key = m.group(1).toLowerCase(Locale.ROOT);
                if (meta.put(key, m.group(2).strip()) != null) {
                    problem(pos + 1, "md_key_twice", "'" + key + "' is given twice", key);
                }
                metaLines.put(key, pos + 1);
            }
            // sections: lang -> part -> (line, body)
            Map<String, Map<String, Section>> sections = new LinkedHashMap<>();
            while (pos < lines.size() && !isQuestionHeading(lines.get(pos))) {
                String line = lines.get(pos);
                int sectionLine = pos + 1;
                Matcher m = SECTION.matcher(line.strip());
                pos++;
                if (!m.matches()) {
                    problem(sectionLine, "md_section_heading", "expected '### <lang>: <part>', found '" + abbreviate(line) + "'",
                            abbreviate(line));
                    skipSectionBody();
                    continue;
                }
                String lang = m.group(1).toLowerCase(Locale.ROOT);
                String part = normalizeSpace(m.group(2).toLowerCase(Locale.ROOT));
                String body = sectionBody();
                int lead = leadingBlank;
                if (!LANGUAGES.contains(lang)) {
                    problem(sectionLine, "md_language_unknown", "language '" + lang + "' is not one of " + LANGUAGES, lang,
                            String.join(", ", LANGUAGES));
                } else if (!PARTS.contains(part)) {
                    problem(sectionLine, "md_section_unknown", "unknown section '" + part + "' (expected one of " + PARTS + ")", part,
                            String.join(", ", PARTS));
                } else if (sections.computeIfAbsent(lang, k -> new LinkedHashMap<>())
                        .put(part, new Section(sectionLine, body, lead)) != null) {
                    problem(sectionLine, "md_section_twice", "section '" + lang + ": " + part + "' is given twice", lang + ": " + part);
                } else if (body.isBlank()) {
                    problem(sectionLine, "md_section_empty", "section '" + lang + ": " + part + "' is empty", lang + ": " + part);
                }
            }
            QuestionContent built = build(id, start, meta, metaLines, sections, deckLanguage);
            return problems.size() == problemsBefore ? built : null;
        }

        private QuestionContent build(String id, int start, Map<String, String> meta, Map<String, Integer> metaLines,
                                      Map<String, Map<String, Section>> sections, String deckLanguage) {
            for (String key : meta.keySet()) {
                if (!META_KEYS.contains(key)) {
                    problem(metaLines.get(key), "md_key_unknown", "unknown key '" + key
                            + "' (expected type, tags, demos, follow-ups, source, correct, tolerance, range)", key);
                }
            }
            List<String> followUps = csv(meta.get("follow-ups"));
            for (String target : followUps) {
                if (!ID.matcher(target).matches()) {
                    problem(metaLines.get("follow-ups"), "md_follow_up_form", "follow-up '" + target
                            + "' is not a question id (lower-case letters, digits and '-')", target);
                } else {
                    followUpRefs.add(new FollowUpRef(id, target, metaLines.get("follow-ups")));
                }
            }
            String typeName = meta.get("type");
            QuestionType type = typeName == null ? null : QuestionType.fromFileName(typeName.toLowerCase(Locale.ROOT)).orElse(null);
            if (typeName == null) {
                problem(start, "md_no_type", "question '" + id + "' has no 'type:' line", id);
                return null;
            }
            if (type == null || type == QuestionType.DESCRIPTION) {
                problem(metaLines.get("type"), "md_type_unknown", "unknown type '" + typeName + "' (expected flashcard, single_choice, "
                        + "multiple_choice, true_false, short_answer, numerical, matching, essay, cloze)", typeName);
                return null;
            }
            if (sections.isEmpty()) {
                problem(start, "md_no_prompt", "question '" + id + "' has no '### <lang>: prompt' section", id);
                return null;
            }
            Boolean correctBoolean = null;
            Double min = null;
            Double max = null;
            switch (type) {
                case TRUE_FALSE -> {
                    String c = meta.get("correct");
                    if (c == null || !(c.equalsIgnoreCase("true") || c.equalsIgnoreCase("false"))) {
                        problem(metaLines.getOrDefault("correct", start), "md_true_false_correct",
                                "a true_false question needs 'correct: true' or 'correct: false'");
                    } else {
                        correctBoolean = Boolean.parseBoolean(c.toLowerCase(Locale.ROOT));
                    }
                }
                case NUMERICAL -> {
                    double[] bounds = numericBounds(meta, metaLines, start);
                    if (bounds != null) {
                        min = bounds[0];
                        max = bounds[1];
                    }
                }
                default -> {
                    for (String key : List.of("correct", "tolerance", "range")) {
                        if (meta.containsKey(key)) {
                            problem(metaLines.get(key), "md_key_not_for_type", "'" + key + "' applies only to true_false or numerical questions",
                                    key);
                        }
                    }
                }
            }
            Map<String, QuestionContent.Text> texts = new LinkedHashMap<>();
            List<QuestionContent.Option> options = new ArrayList<>();
            List<List<Boolean>> rightPatterns = new ArrayList<>();
            List<Integer> optionCounts = new ArrayList<>();
            for (var entry : sections.entrySet()) {
                String lang = entry.getKey();
                Map<String, Section> parts = entry.getValue();
                Section prompt = parts.get("prompt");
                Section answer = parts.get("answer");
                if (prompt == null) {
                    problem(start, "md_no_prompt_in", "question '" + id + "' has no '### " + lang + ": prompt' section", id, lang);
                }
                if (answer == null) {
                    problem(start, "md_no_answer_in", "question '" + id + "' has no '### " + lang + ": answer' section", id, lang);
                }
                List<String> keyPoints = List.of();
                Section kp = parts.get("key points");
                if (kp != null) {
                    keyPoints = listItems(kp);
                }
                if (type == QuestionType.FLASHCARD || type == QuestionType.ESSAY) {
                    if (keyPoints.size() < 2 || keyPoints.size() > 5) {
                        problem(kp != null ? kp.line : start, "md_key_points_count", "a " + type.fileName() + " needs 2 to 5 key points in '### "
                                + lang + ": key points' (found " + keyPoints.size() + ")", type.fileName(), lang,
                                keyPoints.size());
                    }
                }
                String quizPart = switch (type) {
                    case SINGLE_CHOICE, MULTIPLE_CHOICE -> "choices";
                    case SHORT_ANSWER -> "accepted";
                    case MATCHING -> "pairs";
                    default -> null;
                };
                for (String p : List.of("choices", "accepted", "pairs")) {
                    if (parts.containsKey(p) && !p.equals(quizPart)) {
                        problem(parts.get(p).line, "md_section_not_for_type", "section '" + p + "' does not belong to a " + type.fileName()
                                + " question", p, type.fileName());
                    }
                }
                if (quizPart != null) {
                    Section s = parts.get(quizPart);
                    if (s == null) {
                        problem(start, "md_quiz_part_missing", "a " + type.fileName() + " question needs '### " + lang + ": " + quizPart + "'",
                                type.fileName(), lang + ": " + quizPart);
                    } else {
                        List<QuestionContent.Option> langOptions = options(type, lang, s);
                        options.addAll(langOptions);
                        optionCounts.add(langOptions.size());
                        rightPatterns.add(langOptions.stream().map(o -> o.fraction() > 0).toList());
                    }
                }
                Section note = parts.get("accurate answer adds");
                Section wrong = parts.get("common wrong answers");
                List<QuestionContent.WrongAnswer> wrongAnswers = wrong == null ? List.of() : wrongAnswers(wrong);
                if (type == QuestionType.CLOZE && prompt != null) {
                    try {
                        io.demodeck.quiz.cloze.ClozeParser.parse(prompt.body);
                    } catch (io.demodeck.quiz.cloze.ClozeException e) {
                        problem(prompt.line, "md_cloze_invalid", "the cloze prompt of '" + id + "' in " + lang + ": " + e.getMessage(), id,
                                lang, e.coded());
                    }
                }
                if (prompt != null && answer != null) {
                    texts.put(lang, new QuestionContent.Text(prompt.body, answer.body, keyPoints,
                            note == null ? null : note.body, null, wrongAnswers));
                }
            }
            if (optionCounts.stream().distinct().count() > 1) {
                problem(start, "md_items_per_language", "question '" + id + "' has a different number of items per language "
                        + optionCounts, id, String.valueOf(optionCounts));
            } else if (rightPatterns.stream().distinct().count() > 1) {
                problem(start, "md_right_choices_differ", "question '" + id + "' marks different choices as right in different languages",
                        id);
            }
            String original = texts.containsKey(deckLanguage) ? deckLanguage
                    : texts.keySet().stream().findFirst().orElse(deckLanguage);
            return new QuestionContent(id, type, csv(meta.get("tags")), csv(meta.get("demos")), meta.get("source"),
                    original, correctBoolean, min, max, texts, options, start, followUps);
        }

        private double[] numericBounds(Map<String, String> meta, Map<String, Integer> metaLines, int start) {
            String correct = meta.get("correct");
            String range = meta.get("range");
            if ((correct == null) == (range == null)) {
                problem(start, "md_numerical_needs_answer",
                        "a numerical question needs either 'correct: <number>' (with optional 'tolerance:') or 'range: <min>..<max>'");
                return null;
            }
            if (range != null) {
                Matcher m = RANGE.matcher(range);
                Double lo = m.matches() ? number(m.group(1)) : null;
                Double hi = m.matches() ? number(m.group(2)) : null;
                if (lo == null || hi == null || lo > hi) {
                    problem(metaLines.get("range"), "md_range_form", "range '" + range + "' must be '<min>..<max>' with min <= max", range);
                    return null;
                }
                return new double[] {lo, hi};
            }
            Double value = number(correct);
            if (value == null) {
                problem(metaLines.get("correct"), "md_correct_not_a_number", "correct '" + correct + "' is not a number", correct);
                return null;
            }
            double tolerance = 0;
            if (meta.containsKey("tolerance")) {
                Double t = number(meta.get("tolerance"));
                if (t == null || t < 0) {
                    problem(metaLines.get("tolerance"), "md_tolerance_form", "tolerance '" + meta.get("tolerance") + "' must be a number >= 0",
                            meta.get("tolerance"));
                    return null;
                }
                tolerance = t;
            }
            return new double[] {value - tolerance, value + tolerance};
        }

        private List<QuestionContent.Option> options(QuestionType type, String lang, Section s) {
            List<QuestionContent.Option> result = new ArrayList<>();
            String[] bodyLines = s.body.split("\n");
            int rights = 0;
            for (int i = 0; i < bodyLines.length; i++) {
                String line = bodyLines[i].strip();
                int lineNo = s.line + 1 + i + s.leadingBlank;
                if (line.isEmpty()) {
                    continue;
                }
                switch (type) {
                    case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                        Matcher m = CHOICE.matcher(line);
                        if (!m.matches()) {
                            problem(lineNo, "md_choice_line", "expected '- [x] right choice' or '- [ ] wrong choice', found '" + abbreviate(line)
                                    + "'", abbreviate(line));
                            continue;
                        }
                        boolean right = !m.group(1).isBlank();
                        rights += right ? 1 : 0;
                        result.add(new QuestionContent.Option(lang, result.size(), m.group(2).strip(), null, right ? 1 : 0, null));
                    }
                    case SHORT_ANSWER -> {
                        if (!line.startsWith("- ") || line.substring(2).isBlank()) {
                            problem(lineNo, "md_accepted_line", "expected '- accepted answer', found '" + abbreviate(line) + "'", abbreviate(line));
                            continue;
                        }
                        result.add(new QuestionContent.Option(lang, result.size(), line.substring(2).strip(), null, 1, null));
                    }
                    case MATCHING -> {
                        int arrow = line.indexOf("->");
                        if (!line.startsWith("- ") || arrow < 0 || line.substring(2, arrow).isBlank()
                                || line.substring(arrow + 2).isBlank()) {
                            problem(lineNo, "md_pair_line", "expected '- left -> right', found '" + abbreviate(line) + "'", abbreviate(line));
                            continue;
                        }
                        result.add(new QuestionContent.Option(lang, result.size(), line.substring(2, arrow).strip(),
                                line.substring(arrow + 2).strip(), 1, null));
                    }
                    default -> throw new IllegalStateException(type.name());
                }
            }
            switch (type) {
                case SINGLE_CHOICE -> {
                    if (result.size() < 2 || rights != 1) {
                        problem(s.line, "md_single_choice_form", "a single_choice question needs at least 2 choices and exactly one '[x]' (found "
                                + result.size() + " choices, " + rights + " marked)", result.size(), rights);
                    }
                }
                case MULTIPLE_CHOICE -> {
                    if (result.size() < 2 || rights < 1) {
                        problem(s.line, "md_multiple_choice_form", "a multiple_choice question needs at least 2 choices and at least one '[x]'");
                    }
                    // each right choice carries an equal share of the credit, as in Moodle
                    int share = rights;
                    result.replaceAll(o -> o.fraction() > 0
                            ? new QuestionContent.Option(o.lang(), o.position(), o.text(), null, 1.0 / share, null) : o);
                }
                case MATCHING -> {
                    if (result.size() < 2) {
                        problem(s.line, "md_matching_form", "a matching question needs at least 2 pairs");
                    }
                }
                default -> {
                }
            }
            return result;
        }

        /** '- what the candidate says => why it is wrong', one item per line. */
        private List<QuestionContent.WrongAnswer> wrongAnswers(Section s) {
            List<QuestionContent.WrongAnswer> items = new ArrayList<>();
            String[] bodyLines = s.body.split("\n");
            for (int i = 0; i < bodyLines.length; i++) {
                String line = bodyLines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                int sep = line.indexOf(WRONG_ANSWER_SEPARATOR);
                if (!line.startsWith("- ") || sep < 0 || line.substring(2, sep).isBlank()
                        || line.substring(sep + WRONG_ANSWER_SEPARATOR.length()).isBlank()) {
                    problem(s.line + 1 + i + s.leadingBlank, "md_wrong_answer_line", "expected '- what candidates say => why it is wrong', found '"
                            + abbreviate(line) + "'", abbreviate(line));
                    continue;
                }
                items.add(new QuestionContent.WrongAnswer(line.substring(2, sep).strip(),
                        line.substring(sep + WRONG_ANSWER_SEPARATOR.length()).strip()));
            }
            return items;
        }

        private List<String> listItems(Section s) {
            List<String> items = new ArrayList<>();
            String[] bodyLines = s.body.split("\n");
            for (int i = 0; i < bodyLines.length; i++) {
                String line = bodyLines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (!line.startsWith("- ") || line.substring(2).isBlank()) {
                    problem(s.line + 1 + i + s.leadingBlank, "md_list_item_line", "expected a '- ' list item, found '" + abbreviate(line) + "'",
                            abbreviate(line));
                    continue;
                }
                items.add(line.substring(2).strip());
            }
            return items;
        }

        /** Reads lines up to the next '###' or '##' heading outside code fences; trims blank lines around. */
        private String sectionBody() {
            int from = pos;
            boolean inFence = false;
            for (; pos < lines.size(); pos++) {
                String line = lines.get(pos);
                if (line.strip().startsWith("```")) {
                    inFence = !inFence;
                }
                if (!inFence && (isQuestionHeading(line) || line.startsWith("###"))) {
                    break;
                }
            }
            List<String> body = lines.subList(from, pos);
            int a = 0;
            int b = body.size();
            while (a < b && body.get(a).isBlank()) {
                a++;
            }
            while (b > a && body.get(b - 1).isBlank()) {
                b--;
            }
            leadingBlank = a;
            return String.join("\n", body.subList(a, b));
        }

        private int leadingBlank;

        private void skipSectionBody() {
            sectionBody();
        }

        /** A '### lang: part' section: its heading line, its trimmed body, and blank lines trimmed above it. */
        private record Section(int line, String body, int leadingBlank) {
        }

        /** @param code the problem's key in the import messages, which take {@code args} in this order */
        private void problem(int line, String code, String message, Object... args) {
            problems.add(new ParseProblem(line, message, code, Arrays.asList(args)));
        }
    }

    private static boolean isQuestionHeading(String line) {
        return line.startsWith("## ");
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> csv(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            String v = item.strip().toLowerCase(Locale.ROOT);
            if (!v.isEmpty() && !items.contains(v)) {
                items.add(v);
            }
        }
        return items;
    }

    static String normalizeSpace(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String abbreviate(String line) {
        String s = line.strip();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

}
