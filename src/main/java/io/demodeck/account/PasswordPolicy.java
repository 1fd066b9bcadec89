package io.demodeck.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@value #MIN_CHARACTERS} characters, at most {@value #MAX_BYTES} bytes
 * of UTF-8 (bcrypt ignores everything after its 72nd byte, so 36 Cyrillic letters would otherwise sign in to a
 * longer password), not only spaces, not one of the common passwords bundled in the jar, not the username.
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 10;
    public static final int MAX_BYTES = 72;
    private static final String LIST = "/account/common-passwords.txt";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Null when the password is acceptable, else what is wrong with it (in English, for problem+json). */
    public static String problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return "required";
        }
        if (password.isBlank()) {
            return "must not be only spaces";
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return "at least " + MIN_CHARACTERS + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "at most " + MAX_BYTES + " bytes (72 Latin letters, 36 Cyrillic letters)";
        }
        String normalized = normalize(password);
        if (COMMON.contains(normalized) || (username != null && normalized.equals(normalize(username)))) {
            return "too common: choose a password others do not use";
        }
        return null;
    }

    static boolean isCommon(String password) {
        return COMMON.contains(normalize(password));
    }

    private static String normalize(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing " + LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(normalize(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
