package io.demodeck.importer.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.demodeck.bank.DeckContent;
import io.demodeck.importer.json.DeckJson;

import java.util.List;

/** Everything the deck model holds, versioned: the lossless export. */
final class JsonExporter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExporter() {
    }

    static Exported export(DeckContent deck) {
        try {
            return new Exported(MAPPER.writeValueAsString(DeckJson.of(deck)), "json", "application/json", List.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a deck always serialises", e);
        }
    }
}
