package io.demodeck.interview;

/** A small deck for the interview tests on a class deck (the API test and the browser test). */
public final class InterviewFixtures {

    /** Three quiz questions, two tagged "beta"; imported by an instructor into a private deck of theirs. */
    public static final String CLASS_GIFT = """
            // [id:c1] [tag:alpha]
            ::One::Which is one?{=one ~two ~three}

            // [id:c2] [tag:beta]
            ::Two::Which is two?{=two ~one}

            // [id:c3] [tag:beta]
            ::Three::Which is three?{=three ~four}
            """;

    private InterviewFixtures() {
    }
}
