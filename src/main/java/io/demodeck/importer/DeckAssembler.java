package io.demodeck.importer;

import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the questions of one import, keeps their ids unique, and builds the deck. */
public final class DeckAssembler {

    private final String deckId;
    private final String language;
    private final String source;
    private final ImportLog log;
    private final List<QuestionContent> questions = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<String, Integer> repeats = new HashMap<>();
    private String title;

    public DeckAssembler(String deckId, String language, String title, String source, ImportLog log) {
        this.deckId = deckId;
        this.language = language;
        this.title = title;
        this.source = source;
        this.log = log;
    }

    public String language() {
        return language;
    }

    public String deckId() {
        return deckId;
    }

    public void title(String title) {
        if (title != null && !title.isBlank()) {
            this.title = title.strip();
        }
    }

    /**
     * Adds a question in the deck's language. An explicit id seen twice is an error; a content id seen twice
     * (the same prompt twice) gets a numbered suffix so both questions are kept.
     *
     * @param explicitId the source's own id, or null to derive one from the prompt
     * @return the question's id in the deck, or null when it was left out
     */
    public String add(String explicitId, QuestionType type, List<String> tags, String prompt, String answer,
             String generalFeedback, Boolean correctBoolean, Double min, Double max, List<Opt> options, int line,
             String ref) {
        return add(explicitId, type, tags, prompt, answer, generalFeedback, correctBoolean, min, max, options, line, ref,
                null);
    }

    /** @param title the source's name for the question (GIFT ::name::, Moodle &lt;name&gt;), or null */
    public String add(String explicitId, QuestionType type, List<String> tags, String prompt, String answer,
             String generalFeedback, Boolean correctBoolean, Double min, Double max, List<Opt> options, int line,
             String ref, String title) {
        String id;
        if (explicitId != null && !explicitId.isBlank()) {
            id = ImportText.stableId(explicitId);
            if (!ids.add(id)) {
                if (ref != null) {
                    log.skip(ref, ProblemCode.ID_USED_EARLIER, explicitId);
                } else {
                    log.skip(line, ProblemCode.ID_USED_EARLIER, explicitId);
                }
                return null;
            }
        } else {
            String base = ImportText.contentId(prompt == null ? "" : prompt);
            id = base;
            while (!ids.add(id)) {
                int n = repeats.merge(base, 1, Integer::sum) + 1;
                id = base + "-" + n;
            }
        }
        List<QuestionContent.Option> opts = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Opt o = options.get(i);
            opts.add(new QuestionContent.Option(language, i, o.text(), o.matchText(), o.fraction(), o.feedback()));
        }
        var text = new QuestionContent.Text(prompt, blankToNull(answer), List.of(), null, blankToNull(generalFeedback));
        questions.add(new QuestionContent(id, type, normalizeTags(tags), List.of(), null, language, correctBoolean,
                min, max, Map.of(language, text), opts, line, questionTitle(title)));
        return id;
    }

    static List<String> normalizeTags(List<String> tags) {
        List<String> result = new ArrayList<>();
        for (String t : tags) {
            String v = t.strip().toLowerCase(java.util.Locale.ROOT).replace(',', ' ').replaceAll("\\s+", "-");
            if (!v.isEmpty() && !result.contains(v)) {
                result.add(v);
            }
        }
        return result;
    }

    /** One line, at most what the column holds. */
    private static String questionTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip().replaceAll("\\s+", " ");
        return t.length() > 255 ? t.substring(0, 254) + "…" : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public int size() {
        return questions.size();
    }

    /**
     * A text file's deck.
     *
     * @param lastLine where reading ended: a file without a single question is reported there
     */
    public ParsedImport build(List<MediaFile> media, int lastLine) {
        if (questions.isEmpty() && !log.hasErrors()) {
            log.error(Math.max(1, lastLine), ProblemCode.NO_QUESTION_IN_FILE);
        }
        return assemble(media, null);
    }

    /**
     * A package's deck.
     *
     * @param where   the part of the package that holds the questions, named when it holds none
     * @param history the package's own review history, null when it has none or it is not kept
     */
    public ParsedImport build(List<MediaFile> media, String where, ImportedHistory history) {
        if (questions.isEmpty() && !log.hasErrors()) {
            log.error(where, ProblemCode.NO_QUESTION_IN_PACKAGE);
        }
        return assemble(media, history);
    }

    private ParsedImport assemble(List<MediaFile> media, ImportedHistory history) {
        if (questions.isEmpty()) {
            return ParsedImport.rejected(log);
        }
        Map<String, DeckContent.Text> texts = new LinkedHashMap<>();
        texts.put(language, new DeckContent.Text(title, null));
        return new ParsedImport(new DeckContent(deckId, language, source, texts, questions), log.problems(),
                log.skipped(), media, history);
    }

    /** An option before it gets its language and position. */
    public record Opt(String text, String matchText, double fraction, String feedback) {
    }
}
