package io.demodeck.quiz;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes typed answers comparable: case, accents (and the Russian ё), punctuation and runs of whitespace
 * do not count. "Clone(2)!" and "clone 2" become the same text.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue; // accents; ё decomposes to е + a mark
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(c);
                space = false;
            } else {
                space = true; // punctuation and whitespace separate words
            }
        }
        return Normalizer.normalize(sb.toString(), Normalizer.Form.NFC);
    }
}
