package io.demodeck.review.scheduler;

/** The four answer buttons; {@link #grade()} is the FSRS grade G (1..4) stored in {@code review_log.rating}. */
public enum Rating {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private static final Rating[] BY_GRADE = values();

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    public int grade() {
        return grade;
    }

    public static Rating fromGrade(int grade) {
        if (grade < 1 || grade > 4) {
            throw new IllegalArgumentException("unknown rating " + grade + " (allowed 1..4)");
        }
        return BY_GRADE[grade - 1];
    }
}
