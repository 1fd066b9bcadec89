package io.demodeck.importer.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demodeck.bank.DeckContent;
import io.demodeck.importer.json.DeckJson;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Everything the deck model holds, versioned, with the deck's files in base64: the lossless export. Written as a
 * stream, one file at a time, so a deck with many megabytes of media never sits in memory as one string.
 */
final class JsonExporter {

    private JsonExporter() {
    }

    /** @param mapper the application's mapper: writes the deck model as every JSON response does */
    static void write(DeckContent deck, MediaSource media, OutputStream out, ObjectMapper mapper) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the caller owns the response stream
            json.writeStartObject();
            json.writeStringField("format", DeckJson.FORMAT);
            json.writeNumberField("version", DeckJson.VERSION);
            json.writeFieldName("deck");
            mapper.writeValue(json, deck);
            json.writeArrayFieldStart("media");
            media.forEach(file -> {
                json.writeStartObject();
                json.writeStringField("name", file.name());
                json.writeStringField("contentType", file.contentType());
                json.writeFieldName("data");
                json.writeBinary(file.data());
                json.writeEndObject();
                json.flush();
            });
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
