package io.demodeck.bank;

import java.util.List;

/** A parsed deck, or the problems that stop it from loading (never both). */
public record ParseResult(DeckContent deck, List<ParseProblem> problems) {

    public ParseResult {
        problems = List.copyOf(problems);
    }

    public static ParseResult ok(DeckContent deck) {
        return new ParseResult(deck, List.of());
    }

    public static ParseResult failed(List<ParseProblem> problems) {
        return new ParseResult(null, problems);
    }

    public boolean isOk() {
        return problems.isEmpty();
    }
}
