package io.demodeck.quiz;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of question it is; quiz types can be graded automatically. */
public enum QuestionType {
    FLASHCARD(false),
    SINGLE_CHOICE(true),
    MULTIPLE_CHOICE(true),
    TRUE_FALSE(true),
    SHORT_ANSWER(true),
    NUMERICAL(true),
    MATCHING(true),
    ESSAY(false),
    /** Text without a question (GIFT/Moodle "description"); shown, never scheduled. */
    DESCRIPTION(false),
    /** Moodle's cloze ("embedded answers"): the prompt holds the text with its gaps, the key is read from it. */
    CLOZE(true);

    private final boolean autoGraded;

    QuestionType(boolean autoGraded) {
        this.autoGraded = autoGraded;
    }

    public boolean autoGraded() {
        return autoGraded;
    }

    /** The lower-case name used in bank files and the API: {@code single_choice}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QuestionType> fromFileName(String name) {
        return Arrays.stream(values()).filter(t -> t.fileName().equals(name)).findFirst();
    }
}
