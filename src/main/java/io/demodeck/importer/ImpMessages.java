package io.demodeck.importer;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the import report that are not the problems' own texts: {@code {imp:...}}, Russian in {@code messages/imp_ru.properties}. */
@MessageBundle(value = "imp", locale = "en")
public interface ImpMessages {

    @Message("error")
    String severity_error();

    @Message("warning")
    String severity_warning();

    @Message("question {n}")
    String ref_question(String n);

    @Message("note {id}")
    String ref_note(String id);

    @Message("deck")
    String ref_deck();

    @Message("media")
    String ref_media();

    @Message("the question is skipped")
    String skipped();

    @Message("{n} more problems are not listed")
    String more_problems(String n);

    @Message("the deck has no questions")
    String no_questions();

    @Message("the file ends here without a single question")
    String no_question_in_file();

    @Message("the package contains no questions")
    String no_question_in_package();

    @Message("the term separator and the row separator must differ")
    String separators_differ();

    @Message("no term separator in '{row}': check the 'between term and definition' setting")
    String no_term_separator(String row);
}
