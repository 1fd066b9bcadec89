package io.demodeck.importer.anki;

import io.demodeck.importer.ProblemCode;

import io.demodeck.quiz.QuestionType;
import io.demodeck.importer.DeckAssembler;
import io.demodeck.importer.HtmlText;
import io.demodeck.importer.ImportLog;
import io.demodeck.quiz.cloze.Cloze;
import io.demodeck.quiz.cloze.ClozeWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an Anki note (text file row or package note) into questions: Basic and reversed notes into flashcards, cloze notes into cloze questions. */
final class AnkiNotes {

    enum Kind { BASIC, REVERSED, OPTIONAL_REVERSED, CLOZE }

    // the text ends at the first "::" (then the hint) or "}}", as Anki reads it; the hint ends at "}}" and never
    // spans another "{{"; neither part is backtracked into. So many "{{c1::" without "}}" cost linear time, where
    // each used to scan (and try every split of) the next 10,000 characters
    private static final Pattern CLOZE = Pattern.compile(
            "\\{\\{c(\\d{1,3})::((?:[^:}]|:(?!:)|}(?!})){0,10000}+)(?:::((?:[^{}]|\\{(?!\\{)|}(?!})){0,1000}+))?}}");
    // a name stops at the next '[': many "[sound:" without "]" would make each one scan to the end (quadratic)
    private static final Pattern SOUND = Pattern.compile("\\[sound:([^\\]\\[]+)]");

    private AnkiNotes() {
    }

    static boolean hasCloze(String field) {
        return CLOZE.matcher(field).find();
    }

    static Kind kindOf(String notetypeName, int templates, boolean cloze) {
        if (cloze) {
            return Kind.CLOZE;
        }
        String n = notetypeName == null ? "" : notetypeName.toLowerCase(Locale.ROOT);
        if (n.contains("optional reverse") || n.contains("type in") && n.contains("reverse")) {
            return Kind.OPTIONAL_REVERSED;
        }
        if (n.contains("reverse") || templates >= 2) {
            return Kind.REVERSED;
        }
        if (n.contains("cloze")) {
            return Kind.CLOZE;
        }
        return Kind.BASIC;
    }

    /**
     * @param guid   the note's GUID (the stable id); null derives one from the front
     * @param media  maps a media file name to its URL, null when the file is not in the import
     * @param ref    "note 123" or null; line 0 then
     * @return the ids of the questions made, by Anki card ordinal: 0 the card of the front (or of deletion c1),
     *         1 the reverse card (or deletion c2), and so on
     */
    static Map<Integer, String> add(DeckAssembler deck, ImportLog log, Kind kind, String guid, List<String> fields,
                                    List<String> tags, UnaryOperator<String> media, int line, String ref) {
        return add(deck, log, kind, guid, fields, tags, media, line, ref, true);
    }

    /** @param html false when the fields are plain text (#html:false): they show as written */
    static Map<Integer, String> add(DeckAssembler deck, ImportLog log, Kind kind, String guid, List<String> fields,
                                    List<String> tags, UnaryOperator<String> media, int line, String ref, boolean html) {
        // encode first, so the suffixes of reverse and cloze cards stay readable
        guid = guid == null || guid.isBlank() ? null : io.demodeck.importer.ImportText.stableId(guid);
        List<String> f = fields.stream().map(v -> html ? text(v, media) : HtmlText.plainToMarkdown(v)).toList();
        String front = f.isEmpty() ? "" : f.get(0);
        String back = f.size() > 1 ? f.get(1) : "";
        if (kind == Kind.CLOZE) {
            return cloze(deck, log, guid, fields, tags, html ? media : null, line, ref);
        }
        if (front.isBlank()) {
            skip(log, line, ref, ProblemCode.ANKI_FRONT_EMPTY);
            return Map.of();
        }
        if (back.isBlank() && f.size() < 2) {
            skip(log, line, ref, ProblemCode.ANKI_ONE_FIELD);
            return Map.of();
        }
        String extra = f.size() > 2 && kind != Kind.OPTIONAL_REVERSED
                ? String.join("\n\n", f.subList(2, f.size()).stream().filter(s -> !s.isBlank()).toList()) : "";
        String answer = extra.isBlank() ? back : back + "\n\n" + extra;
        Map<Integer, String> made = new HashMap<>();
        putIfMade(made, 0, deck.add(guid, QuestionType.FLASHCARD, tags, front, answer, null, null, null, null, List.of(),
                line, ref));
        boolean reverse = kind == Kind.REVERSED
                || kind == Kind.OPTIONAL_REVERSED && f.size() > 2 && !f.get(2).isBlank();
        if (reverse) {
            // the reverse card is its own question: learners progress on each direction separately
            putIfMade(made, 1, deck.add(guid == null ? null : guid + "-reverse", QuestionType.FLASHCARD, tags, back,
                    front, null, null, null, null, List.of(), line, ref));
        }
        return made;
    }

    private static void putIfMade(Map<Integer, String> made, int ordinal, String id) {
        if (id != null) {
            made.put(ordinal, id);
        }
    }

    /**
     * A cloze note becomes one cloze question: every deletion ({{c1::answer::hint}}) a short-answer gap, the hint
     * shown after it in brackets. Anki makes one card per cN; here the note is learnt as one question, and the review
     * history of each of its cards is carried over to it.
     */
    private static Map<Integer, String> cloze(DeckAssembler deck, ImportLog log, String guid, List<String> fields,
                                              List<String> tags, UnaryOperator<String> media, int line, String ref) {
        String raw = fields.isEmpty() ? "" : fields.get(0);
        TreeSet<Integer> ordinals = new TreeSet<>();
        List<String[]> deletions = new ArrayList<>();
        Matcher m = CLOZE.matcher(raw);
        StringBuilder marked = new StringBuilder();
        while (m.find()) {
            ordinals.add(Integer.parseInt(m.group(1)));
            deletions.add(new String[] {m.group(2), m.group(3)});
            m.appendReplacement(marked, Matcher.quoteReplacement(GAP_OPEN + String.valueOf(deletions.size() - 1) + GAP_CLOSE));
        }
        m.appendTail(marked);
        if (ordinals.isEmpty()) {
            skip(log, line, ref, ProblemCode.ANKI_CLOZE_NO_DELETION);
            return Map.of();
        }
        String text = text(marked.toString(), media);
        Matcher p = GAP_MARK.matcher(text);
        StringBuilder prompt = new StringBuilder();
        boolean[] placed = new boolean[deletions.size()];
        int from = 0;
        while (p.find()) {
            int index = Integer.parseInt(p.group(1));
            if (index >= deletions.size() || placed[index]) {
                continue;
            }
            placed[index] = true;
            String answer = media == null ? deletions.get(index)[0].strip() : HtmlText.toPlain(deletions.get(index)[0]);
            if (answer == null || answer.isBlank()) {
                skip(log, line, ref, ProblemCode.ANKI_CLOZE_DELETION_EMPTY, index + 1);
                return Map.of();
            }
            String hint = deletions.get(index)[1];
            hint = hint == null ? null : media == null ? hint.strip() : HtmlText.toPlain(hint);
            prompt.append(text, from, p.start()).append(ClozeWriter.gap(new Cloze.Gap(index + 1, 1, Cloze.Kind.SHORT_ANSWER,
                    false, Cloze.Layout.INLINE, false, List.of(new Cloze.Answer(answer, 1, null))), java.util.function.Function.identity()));
            if (hint != null && !hint.isBlank()) {
                prompt.append(" (").append(HtmlText.escapePlain(hint, false)).append(')');
            }
            from = p.end();
        }
        prompt.append(text.substring(from));
        for (int i = 0; i < placed.length; i++) {
            if (!placed[i]) {
                skip(log, line, ref, ProblemCode.ANKI_CLOZE_DELETION_IN_REMOVED_MARKUP, i + 1);
                return Map.of();
            }
        }
        try {
            io.demodeck.quiz.cloze.ClozeParser.parse(prompt.toString()); // what every reader of the question will do
        } catch (io.demodeck.quiz.cloze.ClozeException e) {
            skip(log, line, ref, ProblemCode.ANKI_CLOZE_INVALID, e.coded());
            return Map.of();
        }
        String extra = fields.size() > 1 ? text(fields.get(1), media) : "";
        Map<Integer, String> made = new HashMap<>();
        String id = deck.add(guid, QuestionType.CLOZE, tags, prompt.toString().strip(), extra.isBlank() ? null : extra,
                null, null, null, null, List.of(), line, ref);
        // Anki numbers a cloze note's cards from 0: deletion cN is card ordinal N-1; every one is this question
        ordinals.forEach(ord -> putIfMade(made, ord - 1, id));
        return made;
    }

    private static final char GAP_OPEN = '\uE050';
    private static final char GAP_CLOSE = '\uE051';
    private static final Pattern GAP_MARK = Pattern.compile(GAP_OPEN + "(\\d{1,6})" + GAP_CLOSE);

    /**
     * A field's HTML as Markdown; [sound:x] becomes a link to the stored file. A null {@code media} means
     * plain-text fields (#html:false): kept as written, the revealed cloze deletion marked in Markdown.
     */
    static String text(String field, UnaryOperator<String> media) {
        if (media == null) {
            // the revealed deletion's <b> is ours, the rest is text as written
            String[] parts = field.strip().split("</?b>", -1);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                sb.append(i > 0 ? "**" : "").append(HtmlText.escapePlain(parts[i], i == 0));
            }
            return sb.toString().strip();
        }
        List<String> sounds = new ArrayList<>();
        Matcher s = SOUND.matcher(field);
        StringBuilder sb = new StringBuilder();
        while (s.find()) {
            sounds.add(s.group(1));
            // a private-use placeholder survives the HTML clean untouched
            s.appendReplacement(sb, "\uE020" + (sounds.size() - 1) + "\uE021");
        }
        s.appendTail(sb);
        String md = HtmlText.toMarkdown(sb.toString(), media);
        if (sounds.isEmpty()) {
            return md;
        }
        Matcher p = Pattern.compile("\uE020(\\d+)\uE021").matcher(md);
        return p.replaceAll(r -> {
            String name = sounds.get(Integer.parseInt(r.group(1)));
            String url = media.apply(name);
            return Matcher.quoteReplacement(url == null ? "" : "[" + name.replaceAll("([\\[\\]*_`])", "\\\\$1") + "](" + url + ")");
        });
    }

    private static void skip(ImportLog log, int line, String ref, ProblemCode code, Object... args) {
        if (ref != null) {
            log.skip(ref, code, args);
        } else {
            log.skip(line, code, args);
        }
    }

    static List<String> splitTags(String tags) {
        List<String> result = new ArrayList<>();
        if (tags != null) {
            for (String t : tags.strip().split("\\s+")) {
                if (!t.isBlank()) {
                    result.add(t);
                }
            }
        }
        return result;
    }
}
