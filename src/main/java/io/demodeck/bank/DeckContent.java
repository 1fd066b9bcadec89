package io.demodeck.bank;

import java.util.List;
import java.util.Map;

/**
 * A deck as a file describes it, before it is stored: what every parser (bank files, imports)
 * produces and {@link DeckWriter} writes.
 *
 * @param texts per language: title and description
 */
public record DeckContent(String externalId, String originalLanguage, String source,
                          Map<String, Text> texts, List<QuestionContent> questions) {

    public DeckContent {
        texts = Map.copyOf(texts);
        questions = List.copyOf(questions);
    }

    public record Text(String title, String description) {
    }
}
