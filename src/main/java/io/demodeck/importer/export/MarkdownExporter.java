package io.demodeck.importer.export;

import io.demodeck.deck.DeckIds;
import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.quiz.QuestionType;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * DemoDeck Markdown, the {@code questions/} format: a bank deck exports to a file the bank loads back unchanged.
 * What the format cannot say (weights, per-choice feedback, descriptions) is listed in the warnings.
 */
final class MarkdownExporter {

    private static final Pattern ID = DeckIds.PATTERN; // the bank format's ids follow the deck id rule

    private MarkdownExporter() {
    }

    static List<String> write(DeckContent deck, List<String> media, Writer out) throws IOException {
        List<String> warnings = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        sb.append("# deck: ").append(deck.externalId()).append('\n');
        Map<String, DeckContent.Text> texts = new TreeMap<>(deck.texts());
        texts.forEach((lang, t) -> sb.append("title.").append(lang).append(": ").append(oneLine(t.title())).append('\n'));
        texts.forEach((lang, t) -> {
            if (t.description() != null && !t.description().isBlank()) {
                sb.append("description.").append(lang).append(": ").append(oneLine(t.description())).append('\n');
            }
        });
        sb.append("language: ").append(deck.originalLanguage()).append('\n');
        if (deck.source() != null && !deck.source().isBlank()) {
            sb.append("source: ").append(oneLine(deck.source())).append('\n');
        }
        for (QuestionContent q : deck.questions()) {
            out.append(sb); // one question at a time: the file is never whole in memory
            sb.setLength(0);
            if (q.type() == QuestionType.DESCRIPTION) {
                warnings.add(q.externalId() + ": descriptions have no place in the questions/ format and are left out");
                continue;
            }
            question(sb, q, warnings);
        }
        out.append(sb);
        TextMedia.warn(media, warnings);
        return warnings;
    }

    private static void question(StringBuilder sb, QuestionContent q, List<String> warnings) {
        String id = q.externalId();
        if (!ID.matcher(id).matches()) {
            String mapped = io.demodeck.importer.ImportText.contentId(id).replace("h-", "q-");
            warnings.add(id + ": the id is written as '" + mapped + "' (the questions/ format allows a-z, 0-9 and '-')");
            id = mapped;
        }
        sb.append("\n## ").append(id).append('\n');
        sb.append("type: ").append(q.type().fileName()).append('\n');
        if (!q.tags().isEmpty()) {
            sb.append("tags: ").append(String.join(", ", q.tags())).append('\n');
        }
        if (!q.demoIds().isEmpty()) {
            sb.append("demos: ").append(String.join(", ", q.demoIds())).append('\n');
        }
        if (!q.followUps().isEmpty()) {
            sb.append("follow-ups: ").append(String.join(", ", q.followUps())).append('\n');
        }
        if (q.source() != null && !q.source().isBlank()) {
            sb.append("source: ").append(oneLine(q.source())).append('\n');
        }
        if (q.type() == QuestionType.TRUE_FALSE && q.correctBoolean() != null) {
            sb.append("correct: ").append(q.correctBoolean()).append('\n');
        }
        if (q.type() == QuestionType.NUMERICAL && q.correctMin() != null) {
            if (q.correctMin().equals(q.correctMax())) {
                sb.append("correct: ").append(q.correctMin()).append('\n');
            } else {
                sb.append("range: ").append(q.correctMin()).append("..").append(q.correctMax()).append('\n');
            }
        }
        boolean lossy = false;
        for (var e : new TreeMap<>(q.texts()).entrySet()) {
            String lang = e.getKey();
            QuestionContent.Text t = e.getValue();
            section(sb, lang, "prompt", t.prompt());
            String answer = t.answer() != null ? t.answer() : t.generalFeedback();
            lossy |= t.answer() == null || t.generalFeedback() != null && t.answer() != null;
            section(sb, lang, "answer", answer == null ? "—" : answer);
            if (!t.keyPoints().isEmpty()) {
                StringBuilder kp = new StringBuilder();
                t.keyPoints().forEach(k -> kp.append("- ").append(oneLine(k)).append('\n'));
                section(sb, lang, "key points", kp.toString());
            }
            if ((q.type() == QuestionType.FLASHCARD || q.type() == QuestionType.ESSAY)
                    && (t.keyPoints().size() < 2 || t.keyPoints().size() > 5)) {
                warnings.add(q.externalId() + ": the questions/ format wants 2 to 5 key points for a "
                        + q.type().fileName() + " (" + t.keyPoints().size() + " here); add them before loading the file");
            }
            if (t.accurateNote() != null && !t.accurateNote().isBlank()) {
                section(sb, lang, "accurate answer adds", t.accurateNote());
            }
            if (!t.wrongAnswers().isEmpty()) {
                StringBuilder wrong = new StringBuilder();
                t.wrongAnswers().forEach(w -> wrong.append("- ").append(oneLine(w.claim())).append(" => ")
                        .append(oneLine(w.why())).append('\n'));
                section(sb, lang, "common wrong answers", wrong.toString());
            }
            List<QuestionContent.Option> options = q.options().stream().filter(o -> o.lang().equals(lang)).toList();
            StringBuilder items = new StringBuilder();
            String part = switch (q.type()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    options.forEach(o -> items.append("- [").append(o.fraction() > 0 ? "x" : " ").append("] ")
                            .append(oneLine(o.text())).append('\n'));
                    yield "choices";
                }
                case SHORT_ANSWER -> {
                    options.stream().filter(o -> o.fraction() > 0)
                            .forEach(o -> items.append("- ").append(oneLine(o.text())).append('\n'));
                    yield "accepted";
                }
                case MATCHING -> {
                    options.stream().filter(o -> !o.text().isBlank())
                            .forEach(o -> items.append("- ").append(oneLine(o.text())).append(" -> ")
                                    .append(oneLine(o.matchText())).append('\n'));
                    yield "pairs";
                }
                default -> null;
            };
            if (part != null) {
                section(sb, lang, part, items.toString());
            }
            lossy |= options.stream().anyMatch(o -> o.feedback() != null || o.fraction() < 0
                    || o.fraction() > 0 && o.fraction() < 1 && q.type() != QuestionType.MULTIPLE_CHOICE)
                    || q.type() != QuestionType.SHORT_ANSWER && q.type() != QuestionType.SINGLE_CHOICE
                    && q.type() != QuestionType.MULTIPLE_CHOICE && q.type() != QuestionType.MATCHING && !options.isEmpty();
        }
        if (lossy) {
            warnings.add(q.externalId() + ": weights, per-answer feedback or general feedback are simplified "
                    + "(the questions/ format has none); use JSON for a lossless copy");
        }
    }

    private static void section(StringBuilder sb, String lang, String part, String body) {
        sb.append("\n### ").append(lang).append(": ").append(part).append('\n').append(body.strip()).append('\n');
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
