package io.demodeck.importer.fuzz;

import io.demodeck.quiz.cloze.Cloze;
import io.demodeck.quiz.cloze.ClozeException;
import io.demodeck.quiz.cloze.ClozeGrader;
import io.demodeck.quiz.cloze.ClozeParser;
import io.demodeck.quiz.cloze.ClozeView;
import io.demodeck.quiz.cloze.ClozeWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mutated cloze texts: the parser either reads them or refuses them with a {@link ClozeException} that names the
 * problem; nothing else is ever thrown. What it reads writes back to the same question, renders and grades.
 */
class ClozeFuzzTest {

    private static final long SEED = 20261205L;
    private static final int RUNS = 3000;

    private static final List<String> SEEDS = List.of(
            "The capital of France is {1:SHORTANSWER:=Paris#Right~%50%paris#Case~*#No}.",
            "Pick {2:MULTICHOICE_VS:=a#yes~b#no~%50%c} and {1:MRH:%50%x~%50%y~z#not z} and {3:NM:=23.8:0.1~%50%23.8:2#near}",
            "**Bold** {:SAC:=Java\\}\\#\\~\\\\} `code {1:SA:=in code}` [link](http://x/{1:SA:=y})",
            "{1:MULTICHOICE}", "{1:NUMERICAL:=zero}", "no gaps at all");
    private static final List<String> TOKENS = List.of("{", "}", "~", "#", "=", "%", "%50%", "%-100%", "\\", ":", "{1:",
            "{1:SA:", "{1:MC:", "{:MR:", "{99999:NM:", "SHORTANSWER", "MULTICHOICE_HS", "\n", "&#35;", "<b>", "*", "\uE030");

    @Test
    void mutatedClozeTextIsReadOrRefusedWithAClearProblem() {
        Mutator mutator = new Mutator(TOKENS);
        List<byte[]> seeds = SEEDS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        int read = 0;
        for (int i = 0; i < RUNS; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            Mutator.Mutation m = mutator.mutate(seed, random, seeds);
            String text = new String(m.data(), StandardCharsets.UTF_8);
            try {
                Cloze cloze = ClozeParser.parse(text, random.nextBoolean(), s -> s);
                read++;
                String written = ClozeWriter.write(cloze);
                Cloze again = ClozeParser.parse(written);
                if (!again.gaps().equals(cloze.gaps())) {
                    failures.add(i + " (" + m.description() + "): written back differently: " + written);
                }
                ClozeView.of(cloze, i);
                ClozeWriter.blanksHtml(cloze);
                List<List<String>> answers = new ArrayList<>();
                cloze.gaps().forEach(g -> answers.add(List.of(String.valueOf(random.nextInt(4)), "x")));
                ClozeGrader.grade(cloze, answers);
            } catch (ClozeException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    failures.add(i + " (" + m.description() + "): a problem without words");
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(i + " (" + m.description() + "): " + e + " for " + abbreviate(text));
            }
        }
        assertEquals(List.of(), failures.stream().limit(20).toList(), "read " + read + " of " + RUNS);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
