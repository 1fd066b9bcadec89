package io.demodeck.importer;

import io.demodeck.deck.DeckIds;
import io.demodeck.bank.BankMarkdownParser;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The last gate before the database, for every format: whatever a parser (or a hand-edited JSON file) produced,
 * a question that would break a constraint is reported and left out, so no input ends in a 500 or half a deck.
 */
final class ContentChecks {

    private static final java.util.regex.Pattern DECK_ID = DeckIds.PATTERN;

    private ContentChecks() {
    }

    static ParsedImport check(ParsedImport parsed) {
        if (parsed.deck() == null) {
            return parsed;
        }
        DeckContent deck = parsed.deck();
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        int skipped = parsed.skipped();
        if (deck.externalId() == null || !DECK_ID.matcher(deck.externalId()).matches()) {
            problems.add(ImportProblem.of(ImportProblem.ERROR, 0, "deck", null, ProblemCode.DECK_ID_FORM,
                    String.valueOf(deck.externalId())));
            return new ParsedImport(null, problems, skipped, List.of());
        }
        // Set.of(…).contains(null) throws: a JSON deck without "originalLanguage" must not
        String language = deck.originalLanguage() != null && BankMarkdownParser.LANGUAGES.contains(deck.originalLanguage())
                ? deck.originalLanguage() : "en";
        Map<String, DeckContent.Text> texts = new LinkedHashMap<>();
        deck.texts().forEach((lang, t) -> {
            if (BankMarkdownParser.LANGUAGES.contains(lang) && t != null && t.title() != null && !t.title().isBlank()) {
                texts.put(lang, new DeckContent.Text(cut(withoutNul(t.title()), 300), withoutNul(t.description())));
            }
        });
        if (texts.isEmpty()) {
            texts.put(language, new DeckContent.Text(deck.externalId(), null));
        }
        List<QuestionContent> kept = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < deck.questions().size(); i++) {
            QuestionContent q = deck.questions().get(i);
            Found problem = problem(q, ids);
            if (problem == null) {
                kept.add(q);
                continue;
            }
            int line = q == null ? 0 : q.line();
            problems.add(ImportProblem.of(ImportProblem.ERROR, line, line > 0 ? null : "question " + (i + 1),
                    ImportProblem.QUESTION_SKIPPED, problem.code(), problem.args()));
            skipped++;
        }
        if (kept.isEmpty()) {
            // every question was reported above; a deck without any is reported here
            if (deck.questions().isEmpty()) {
                problems.add(ImportProblem.of(ImportProblem.ERROR, 0, "deck", null, ProblemCode.NO_QUESTIONS));
            }
            return new ParsedImport(null, problems, skipped, List.of());
        }
        List<MediaFile> media = new ArrayList<>();
        for (MediaFile m : parsed.media()) {
            if (m.name() == null || m.name().isEmpty() || m.name().length() > MAX_MEDIA_NAME || m.name().indexOf('\0') >= 0) {
                problems.add(ImportProblem.of(ImportProblem.WARNING, 0, "media", null, ProblemCode.MEDIA_NAME_UNUSABLE,
                        String.valueOf(m.name()), MAX_MEDIA_NAME));
            } else {
                media.add(m);
            }
        }
        // answers on a question left out here have no card to go to
        ImportedHistory history = parsed.history() == null ? null : parsed.history().onlyFor(
                kept.stream().map(QuestionContent::externalId).collect(Collectors.toSet()));
        return new ParsedImport(new DeckContent(deck.externalId(), language, withoutNul(deck.source()), texts, kept),
                problems, skipped, media, history);
    }

    /** The media table's name column. */
    static final int MAX_MEDIA_NAME = 255;

    /** PostgreSQL text cannot hold NUL: in a title or a source it is dropped, in a question it is reported. */
    private static String withoutNul(String s) {
        return s == null ? null : s.replace("\0", "");
    }

    private static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    /** What is wrong with a question, as its code and values. */
    private record Found(ProblemCode code, Object... args) {
    }

    private static Found problem(QuestionContent q, Set<String> ids) {
        if (q == null || q.type() == null) {
            return new Found(ProblemCode.QUESTION_NO_TYPE);
        }
        if (q.externalId() == null || q.externalId().isBlank() || q.externalId().length() > 200) {
            return new Found(ProblemCode.QUESTION_ID_LENGTH, 200);
        }
        if (!ids.add(q.externalId())) {
            return new Found(ProblemCode.ID_USED_TWICE, q.externalId());
        }
        if (q.texts().isEmpty()) {
            return new Found(ProblemCode.QUESTION_NO_TEXT);
        }
        for (var e : q.texts().entrySet()) {
            if (!BankMarkdownParser.LANGUAGES.contains(e.getKey())) {
                return new Found(ProblemCode.LANGUAGE_UNKNOWN, String.valueOf(e.getKey()),
                        String.join(", ", BankMarkdownParser.LANGUAGES));
            }
            if (e.getValue() == null || e.getValue().prompt() == null || e.getValue().prompt().isBlank()) {
                return new Found(ProblemCode.QUESTION_NO_PROMPT, e.getKey());
            }
            if (e.getValue().wrongAnswers().stream().anyMatch(w -> w == null || w.claim() == null || w.claim().isBlank()
                    || w.why() == null || w.why().isBlank() || hasNul(w.claim()) || hasNul(w.why()))) {
                return new Found(ProblemCode.WRONG_ANSWER_INCOMPLETE, e.getKey());
            }
        }
        if (q.originalLanguage() == null || !q.texts().containsKey(q.originalLanguage())) {
            return new Found(ProblemCode.ORIGINAL_LANGUAGE_NO_TEXT);
        }
        if (q.type() == io.demodeck.quiz.QuestionType.CLOZE) {
            // the grading key is read from the prompt: one that does not parse could never be answered
            for (var e : q.texts().entrySet()) {
                try {
                    io.demodeck.quiz.cloze.ClozeParser.parse(e.getValue().prompt());
                } catch (io.demodeck.quiz.cloze.ClozeException ex) {
                    return new Found(ProblemCode.CLOZE_TEXT_INVALID, e.getKey(), ex.coded());
                }
            }
        }
        Set<String> positions = new HashSet<>();
        for (QuestionContent.Option o : q.options()) {
            if (o == null || o.text() == null || o.lang() == null || !q.texts().containsKey(o.lang())) {
                return new Found(ProblemCode.OPTION_INCOMPLETE);
            }
            if (!Double.isFinite(o.fraction()) || o.fraction() < -1 || o.fraction() > 1) {
                return new Found(ProblemCode.OPTION_CREDIT_RANGE);
            }
            if (!positions.add(o.lang() + ":" + o.position())) {
                return new Found(ProblemCode.OPTIONS_SHARE_POSITION);
            }
        }
        if (q.correctMin() != null && (!Double.isFinite(q.correctMin()) || q.correctMax() == null
                || !Double.isFinite(q.correctMax()) || q.correctMin() > q.correctMax())) {
            return new Found(ProblemCode.RANGE_ORDER);
        }
        if (q.followUps().stream().anyMatch(f -> f == null || f.isBlank() || hasNul(f))) {
            return new Found(ProblemCode.FOLLOW_UP_EMPTY);
        }
        if (q.tags().stream().anyMatch(t -> t == null)) {
            return new Found(ProblemCode.TAG_EMPTY);
        }
        if (containsNul(q)) {
            return new Found(ProblemCode.QUESTION_HAS_NUL);
        }
        return null;
    }

    private static boolean containsNul(QuestionContent q) {
        if (hasNul(q.externalId()) || hasNul(q.source()) || q.tags().stream().anyMatch(ContentChecks::hasNul)
                || q.demoIds().stream().anyMatch(ContentChecks::hasNul)) {
            return true;
        }
        for (QuestionContent.Text t : q.texts().values()) {
            if (hasNul(t.prompt()) || hasNul(t.answer()) || hasNul(t.accurateNote()) || hasNul(t.generalFeedback())
                    || t.keyPoints().stream().anyMatch(ContentChecks::hasNul)) {
                return true;
            }
        }
        return q.options().stream().anyMatch(o -> hasNul(o.text()) || hasNul(o.matchText()) || hasNul(o.feedback()));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
