package io.demodeck.quiz;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionOrderTest {

    @Test
    void theSameShowingGetsTheSameOrderAndANewShowingUsuallyAnother() {
        long seed = OptionOrder.seed(7, 42, 3);
        assertEquals(OptionOrder.shuffled(5, seed), OptionOrder.shuffled(5, OptionOrder.seed(7, 42, 3)), "a reload shows the same order");
        Set<List<Integer>> orders = new HashSet<>();
        for (int reps = 0; reps < 20; reps++) {
            orders.add(OptionOrder.shuffled(5, OptionOrder.seed(7, 42, reps)));
        }
        assertTrue(orders.size() > 10, "the next showings are shuffled anew: " + orders);
        assertNotEquals(OptionOrder.seed(7, 42, 3), OptionOrder.seed(8, 42, 3), "another learner, another order");
    }

    @Test
    void aRightAnswerWrittenFirstLandsEverywhereAboutEquallyOften() {
        int showings = 4000;
        int[] at = new int[4];
        for (int i = 0; i < showings; i++) {
            List<Integer> order = OptionOrder.shuffled(4, OptionOrder.seed(1, 1000 + i, 0));
            at[order.indexOf(0)]++;
            assertEquals(Set.of(0, 1, 2, 3), new HashSet<>(order), "a permutation");
        }
        for (int position = 0; position < 4; position++) {
            assertTrue(at[position] > showings / 4 * 0.85 && at[position] < showings / 4 * 1.15,
                    "written-first answer shown at position " + (position + 1) + " " + at[position] + " times of " + showings);
        }
    }

    @Test
    void gradingReadsTheWrittenPositionsWhateverTheShownOrder() {
        // GIFT: the right answer written first, the others wrong
        QuizKey key = new QuizKey(QuestionType.SINGLE_CHOICE, List.of(1.0, 0.0, 0.0, 0.0), null, null, null, null, null);
        int firstShownRight = 0;
        for (int showing = 0; showing < 200; showing++) {
            List<Integer> shown = OptionOrder.shuffled(4, OptionOrder.seed(3, 5, showing));
            // the learner picks the option shown at each position; the form sends the written position
            for (int position = 0; position < 4; position++) {
                int sent = shown.get(position);
                boolean right = AnswerChecker.check(key, new QuizResponse(Set.of(sent), null, null, null)).correct();
                assertEquals(sent == 0, right, "showing " + showing + ", picked position " + (position + 1));
                if (right && position == 0) {
                    firstShownRight++;
                }
            }
        }
        assertTrue(firstShownRight < 100, "the right answer is option 1 in only " + firstShownRight + " of 200 showings");
    }
}
