package io.demodeck.interview;

import io.demodeck.quiz.TextNormalizer;
import io.demodeck.quiz.Typos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores a typed interview answer by the key points of the question it covers. Plain Java, no framework.
 *
 * <p>The rule, meant to be fair to a candidate who says the right thing in their own words:
 * <ol>
 *   <li>Both texts are normalised ({@link TextNormalizer}: case, accents, ё, punctuation do not count) and split into
 *       words. Function words ("the", "with", "и", "для", …; {@link #STOP_WORDS}) and one-letter words are dropped;
 *       what is left of a key point are its significant words.</li>
 *   <li>Each word is reduced to a stem by cutting one common ending: Russian case and number endings ("ядра", "ядром"
 *       and "ядро" are "ядр"), English -s, -es, -ed, -er, -ing, -ly, -able, -ment ("schedules", "scheduled", "scheduler" are "schedul"; "growable" is "grow"). The stem
 *       keeps at least three letters.</li>
 *   <li>An answer word matches a key-point word when their stems are equal, when one stem of at least five letters
 *       begins the other ("preempt" / "preemption", "cheap" / "cheaper"), or, for stems of five letters or more, when
 *       they are one typo apart ({@link Typos}: one insertion, deletion, substitution or swap; two from ten letters).
 *       Words with digits must be equal: "1.14" is not "1.19".</li>
 *   <li>A key point is hit when more than half of its significant words are matched somewhere in the answer (all of
 *       them for a point of one or two words). Word order and negation are not checked: this measures coverage, it
 *       does not judge truth, which is why the result page shows the model answer beside the learner's.</li>
 *   <li>The score is the share of key points hit, 0..1.</li>
 * </ol>
 */
public final class KeyPointScorer {

    /** The key points hit, in order, and the share of them. */
    public record Coverage(List<Boolean> hits, double score) {

        public Coverage {
            hits = List.copyOf(hits);
        }

        public int hitCount() {
            return (int) hits.stream().filter(h -> h).count();
        }
    }

    static final Set<String> STOP_WORDS = Set.of(
            // English
            "the", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "is",
            "are", "be", "it", "its", "as", "that", "this", "not", "no", "only", "than", "then", "so", "via", "each",
            "a", "one", "has", "have", "does", "do", "can", "but", "which", "what", "when", "while", "there",
            // Russian
            "и", "в", "во", "на", "не", "по", "с", "со", "к", "ко", "о", "об", "от", "до", "из", "за", "для", "что",
            "это", "как", "а", "но", "или", "же", "ли", "бы", "у", "при", "без", "его", "её", "ее", "их", "то", "так",
            "только", "чем", "через", "когда", "где", "есть", "все", "всё", "один", "одна", "одно");

    /** Russian endings, longest first, so that "ами" is cut before "и". */
    private static final List<String> RU_ENDINGS = List.of(
            "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ой", "ей", "ом", "ем", "ам", "ям",
            "ах", "ях", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ов", "ев", "ть", "ет", "ют", "ит",
            "ат", "ят", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й");

    private static final List<String> EN_ENDINGS = List.of("able", "ible", "ment", "ing", "ies", "es", "ed", "er", "ly", "s");

    private static final int MIN_STEM = 3;
    private static final int PREFIX_STEM = 5;
    private static final int TWO_TYPOS_FROM = 10;

    private KeyPointScorer() {
    }

    /** How many of {@code keyPoints} (plain text or Markdown) the typed answer covers. */
    public static Coverage score(String typed, List<String> keyPoints) {
        List<String> answer = stems(typed);
        List<Boolean> hits = new ArrayList<>();
        for (String point : keyPoints) {
            List<String> words = stems(point);
            long found = words.stream().filter(w -> answer.stream().anyMatch(a -> matches(a, w))).count();
            hits.add(!words.isEmpty() && found * 2 > words.size());
        }
        double score = keyPoints.isEmpty() ? 0 : (double) hits.stream().filter(h -> h).count() / keyPoints.size();
        return new Coverage(hits, score);
    }

    /** The significant words of a text, each as its stem. */
    static List<String> stems(String text) {
        String normalized = TextNormalizer.normalize(text == null ? "" : text.replace('`', ' ').replace('*', ' '));
        if (normalized.isEmpty()) {
            return List.of();
        }
        List<String> stems = new ArrayList<>();
        for (String word : normalized.split(" ")) {
            if (word.length() < 2 && !hasDigit(word) || STOP_WORDS.contains(word)) {
                continue;
            }
            stems.add(stem(word));
        }
        return stems;
    }

    static String stem(String word) {
        if (hasDigit(word)) {
            return word;
        }
        List<String> endings = isCyrillic(word) ? RU_ENDINGS : EN_ENDINGS;
        for (String ending : endings) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    static boolean matches(String answerStem, String pointStem) {
        if (answerStem.equals(pointStem)) {
            return true;
        }
        if (hasDigit(answerStem) || hasDigit(pointStem)) {
            return false;
        }
        String shorter = answerStem.length() <= pointStem.length() ? answerStem : pointStem;
        String longer = shorter == answerStem ? pointStem : answerStem;
        if (shorter.length() >= PREFIX_STEM && longer.startsWith(shorter)) {
            return true;
        }
        if (shorter.length() < PREFIX_STEM || longer.length() - shorter.length() > 2) {
            return false;
        }
        int allowed = shorter.length() >= TWO_TYPOS_FROM ? 2 : 1;
        return Typos.distance(answerStem, pointStem) <= allowed;
    }

    private static boolean hasDigit(String word) {
        return word.chars().anyMatch(Character::isDigit);
    }

    private static boolean isCyrillic(String word) {
        return word.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }
}
