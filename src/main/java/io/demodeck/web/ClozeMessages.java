package io.demodeck.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of cloze questions (issue 17), namespace {@code cloze:} (Russian: messages/cloze_ru.properties). A bundle
 * of its own: eight more methods in {@link Messages} made Quarkus generate an unverifiable resolver (VerifyError in
 * Messages_Bundle_resolve_0 at start).
 */
@MessageBundle(value = "cloze", locale = "en")
public interface ClozeMessages {

    @Message("Cloze (fill in the gaps)")
    String type();

    @Message("Fill in the gaps")
    String instruction();

    @Message("Gap {number}")
    String gap_label(int number);

    @Message("right")
    String right();

    @Message("partly right")
    String partly();

    @Message("wrong")
    String wrong();

    @Message("Gaps right: {right} of {total}.")
    String summary(int right, int total);

    @Message("All gaps right suggests Good, some right Hard, none right Again.")
    String rating_rule();
}
