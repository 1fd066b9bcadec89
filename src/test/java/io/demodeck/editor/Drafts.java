package io.demodeck.editor;

import io.demodeck.editor.QuestionDraft.DraftOption;
import io.demodeck.editor.QuestionDraft.DraftText;

import java.util.List;
import java.util.Map;

/** Valid drafts of every type the editor writes, in English, Russian or both. */
final class Drafts {

    private Drafts() {
    }

    static DraftText text(String prompt, String answer, DraftOption... options) {
        return new DraftText(prompt, answer, List.of(), null, null, List.of(options));
    }

    static DraftOption choice(String text, double fraction) {
        return new DraftOption(text, null, fraction, null);
    }

    static QuestionDraft of(String type, Map<String, DraftText> texts) {
        return new QuestionDraft(type, null, null, List.of(), List.of(), null, null, null, null, null, null, texts);
    }

    static QuestionDraft flashcard() {
        return new QuestionDraft("flashcard", null, "Threads vs goroutines", List.of("go", "threads"),
                List.of("thread-anatomy"), "en", null, null, null, null, null, Map.of(
                "en", new DraftText("What does a goroutine cost?", "About **2 KiB** of stack to start.",
                        List.of("2 KiB stack", "grows on demand"), "Stacks grow by copying.", "See the demo.", List.of()),
                "ru", new DraftText("Сколько стоит горутина?", "Около **2 КиБ** стека на старте.",
                        List.of("стек 2 КиБ"), null, null, List.of())));
    }

    static QuestionDraft singleChoice() {
        return of("single_choice", Map.of(
                "en", text("Which is cheapest to create?", null, new DraftOption("A goroutine", null, 1.0, "Yes: a small stack."),
                        new DraftOption("An OS thread", null, 0.0, "No: a kernel object and a big stack."),
                        new DraftOption("A process", null, -0.5, "No.")),
                "ru", text("Что создать дешевле всего?", null, new DraftOption("Горутину", null, 1.0, "Да."),
                        new DraftOption("Поток ОС", null, 0.0, null), new DraftOption("Процесс", null, -0.5, null))));
    }

    static QuestionDraft multipleChoice() {
        return of("multiple_choice", Map.of("en", text("Which are scheduled by the Go runtime?", null,
                choice("goroutines", 0.5), choice("timers", 0.5), choice("processes", -1))));
    }

    static QuestionDraft trueFalse() {
        return new QuestionDraft("true_false", null, null, List.of(), List.of(), "ru", false, null, null, null, null,
                Map.of("ru", text("Горутина — это поток ОС.", "Нет: много горутин на одном потоке.")));
    }

    static QuestionDraft shortAnswer() {
        return of("short_answer", Map.of("en", text("Which keyword starts a goroutine?", null,
                new DraftOption("go", null, null, null), new DraftOption("go statement", null, 1.0, "close enough"))));
    }

    static QuestionDraft numericalWithTolerance() {
        return new QuestionDraft("numerical", null, null, List.of(), List.of(), null, null, 2048.0, 1024.0, null, null,
                Map.of("en", text("Initial goroutine stack in bytes?", null)));
    }

    static QuestionDraft numericalRange() {
        return new QuestionDraft("numerical", null, null, List.of(), List.of(), null, null, null, null, 1.0, 8.0,
                Map.of("en", text("Kilobytes of a goroutine's first stack (range)?", null)));
    }

    static QuestionDraft matching() {
        return of("matching", Map.of("en", text("Match each to its scheduler", null,
                new DraftOption("goroutine", "Go runtime", null, null), new DraftOption("thread", "kernel", null, null))));
    }

    static QuestionDraft essay() {
        return of("essay", Map.of("en", text("Explain M:N scheduling.", null)));
    }

    static QuestionDraft description() {
        return of("description", Map.of("en", text("The next questions are about **stacks**.", null)));
    }

    /** Two gaps in each language: a typed one and a choice. */
    static QuestionDraft cloze() {
        return of("cloze", Map.of(
                "en", text("Go starts a goroutine with {1:SHORTANSWER:=go} and waits for it with "
                        + "{1:MULTICHOICE:=sync.WaitGroup~time.Sleep#Sleeping is guessing}.", "A WaitGroup counts the goroutines."),
                "ru", text("Горутину запускают словом {1:SHORTANSWER:=go}, а ждут её с помощью "
                        + "{1:MULTICHOICE:=sync.WaitGroup~time.Sleep}.", null)));
    }

    static List<QuestionDraft> everyType() {
        return List.of(flashcard(), singleChoice(), multipleChoice(), trueFalse(), shortAnswer(),
                numericalWithTolerance(), numericalRange(), matching(), essay(), description(), cloze());
    }
}
