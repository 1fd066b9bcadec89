package io.demodeck.importer;

import io.demodeck.bank.DeckContent;
import io.demodeck.bank.QuestionContent;
import io.demodeck.importer.export.Exported;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: fixture files and lookups in a parsed deck. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/importer/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes an export writes to its response. */
    public static byte[] written(Exported exported) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exported.body().writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The question whose prompt (in its original language) contains the text. */
    public static QuestionContent byPrompt(DeckContent deck, String part) {
        return deck.questions().stream()
                .filter(q -> q.texts().get(q.originalLanguage()).prompt().contains(part))
                .findFirst().orElseThrow(() -> new AssertionError("no question with '" + part + "' in " + deck.questions()));
    }

    public static QuestionContent.Text text(QuestionContent q) {
        return q.texts().get(q.originalLanguage());
    }
}
