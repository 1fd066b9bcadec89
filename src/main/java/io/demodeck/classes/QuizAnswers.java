package io.demodeck.classes;

import io.demodeck.quiz.QuizResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Keeps what a learner answered to an auto-graded question, for the class dashboard's item analysis (first-try
 * correctness, the wrong options chosen most). The same answer form checked again counts once.
 */
@ApplicationScoped
public class QuizAnswers {

    static final int MAX_TYPED = 200;

    @Inject
    EntityManager em;

    public void record(long userId, long questionId, UUID clientReviewId, boolean correct, QuizResponse response) {
        String typed = response.text() == null || response.text().isBlank() ? null : response.text().strip();
        String cut = typed != null && typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED) : typed;
        Integer[] chosen = response.selected().stream().sorted().toArray(Integer[]::new);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into quiz_answer (user_id, question_id, client_review_id, correct, chosen, truth, typed)
                        values (:user, :question, :rid, :correct, cast(:chosen as integer[]), :truth, :typed)
                        on conflict (user_id, client_review_id) do nothing""")
                .setParameter("user", userId).setParameter("question", questionId).setParameter("rid", clientReviewId)
                .setParameter("correct", correct).setParameter("chosen", toArrayLiteral(chosen))
                .setParameter("truth", response.truth()).setParameter("typed", cut).executeUpdate());
    }

    private static String toArrayLiteral(Integer[] values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.append('}').toString();
    }
}
