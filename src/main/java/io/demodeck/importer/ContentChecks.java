package io.demodeck.importer;

import io.demodeck.bank.DeckIds;
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
            problems.add(new ImportProblem(ImportProblem.ERROR, 0, "deck", "the deck id '" + deck.externalId()
                    + "' must be lower-case letters, digits and '-' (at most 100)"));
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
            String problem = problem(q, ids);
            if (problem == null) {
                kept.add(q);
                continue;
            }
            int line = q == null ? 0 : q.line();
            problems.add(new ImportProblem(ImportProblem.ERROR, line, line > 0 ? null : "question " + (i + 1),
                    problem + " — the question is skipped"));
            skipped++;
        }
        if (kept.isEmpty()) {
            // every question was reported above; a deck without any is reported here
            if (deck.questions().isEmpty()) {
                problems.add(new ImportProblem(ImportProblem.ERROR, 0, "deck", "the deck has no questions"));
            }
            return new ParsedImport(null, problems, skipped, List.of());
        }
        List<MediaFile> media = new ArrayList<>();
        for (MediaFile m : parsed.media()) {
            if (m.name() == null || m.name().isEmpty() || m.name().length() > MAX_MEDIA_NAME || m.name().indexOf('\0') >= 0) {
                problems.add(new ImportProblem(ImportProblem.WARNING, 0, "media", "the file name '" + m.name()
                        + "' is empty, longer than " + MAX_MEDIA_NAME + " characters or contains NUL: the file is not stored"));
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

    private static String problem(QuestionContent q, Set<String> ids) {
        if (q == null || q.type() == null) {
            return "the question has no type";
        }
        if (q.externalId() == null || q.externalId().isBlank() || q.externalId().length() > 200) {
            return "the question id must be 1 to 200 characters";
        }
        if (!ids.add(q.externalId())) {
            return "the id '" + q.externalId() + "' is used twice";
        }
        if (q.texts().isEmpty()) {
            return "the question has no text";
        }
        for (var e : q.texts().entrySet()) {
            if (!BankMarkdownParser.LANGUAGES.contains(e.getKey())) {
                return "language '" + e.getKey() + "' is not one of " + BankMarkdownParser.LANGUAGES;
            }
            if (e.getValue() == null || e.getValue().prompt() == null || e.getValue().prompt().isBlank()) {
                return "the question has no prompt in '" + e.getKey() + "'";
            }
            if (e.getValue().wrongAnswers().stream().anyMatch(w -> w == null || w.claim() == null || w.claim().isBlank()
                    || w.why() == null || w.why().isBlank() || hasNul(w.claim()) || hasNul(w.why()))) {
                return "a common wrong answer in '" + e.getKey() + "' needs both a claim and why it is wrong (and no NUL)";
            }
        }
        if (q.originalLanguage() == null || !q.texts().containsKey(q.originalLanguage())) {
            return "the question's original language has no text";
        }
        if (q.type() == io.demodeck.bank.QuestionType.CLOZE) {
            // the grading key is read from the prompt: one that does not parse could never be answered
            for (var e : q.texts().entrySet()) {
                try {
                    io.demodeck.quiz.cloze.ClozeParser.parse(e.getValue().prompt());
                } catch (io.demodeck.quiz.cloze.ClozeException ex) {
                    return "the cloze text in '" + e.getKey() + "': " + ex.getMessage();
                }
            }
        }
        Set<String> positions = new HashSet<>();
        for (QuestionContent.Option o : q.options()) {
            if (o == null || o.text() == null || o.lang() == null || !q.texts().containsKey(o.lang())) {
                return "an option has no text or a language without a prompt";
            }
            if (!Double.isFinite(o.fraction()) || o.fraction() < -1 || o.fraction() > 1) {
                return "an option's credit must be between -100% and 100%";
            }
            if (!positions.add(o.lang() + ":" + o.position())) {
                return "two options share a position";
            }
        }
        if (q.correctMin() != null && (!Double.isFinite(q.correctMin()) || q.correctMax() == null
                || !Double.isFinite(q.correctMax()) || q.correctMin() > q.correctMax())) {
            return "the numerical range is not min <= max";
        }
        if (q.followUps().stream().anyMatch(f -> f == null || f.isBlank() || hasNul(f))) {
            return "a follow-up id is empty";
        }
        if (q.tags().stream().anyMatch(t -> t == null)) {
            return "a tag is empty";
        }
        if (containsNul(q)) {
            return "the question contains a NUL character (\\0), which cannot be stored: remove it";
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
