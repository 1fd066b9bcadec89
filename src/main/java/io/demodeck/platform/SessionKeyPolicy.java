package io.demodeck.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a configured session key may encrypt sign-in cookies. Whoever knows the key can forge a session for any
 * account, so a key copied from an example or too short to resist guessing is refused.
 */
public final class SessionKeyPolicy {

    public static final int MIN_LENGTH = 32;
    static final String HOW_TO_GENERATE = "generate one with `openssl rand -base64 48`";

    /** Fragments of the placeholders found in examples, this project's old compose file among them. */
    private static final List<String> PLACEHOLDERS = List.of(
            "change-me", "changeme", "change_me", "replace-me", "replaceme", "your-secret", "your-key", "example",
            "placeholder", "secret-key", "0123456789", "password");

    private SessionKeyPolicy() {
    }

    /** Why the key must not be used, or empty when it is fine. */
    public static Optional<String> problem(String key) {
        String lower = key.strip().toLowerCase(Locale.ROOT);
        for (String placeholder : PLACEHOLDERS) {
            if (lower.contains(placeholder)) {
                return Optional.of("it contains the placeholder text \"" + placeholder + "\"");
            }
        }
        if (key.strip().length() < MIN_LENGTH) {
            return Optional.of("it has " + key.strip().length() + " characters, fewer than " + MIN_LENGTH);
        }
        if (lower.chars().distinct().count() < 8) {
            return Optional.of("it repeats too few different characters");
        }
        return Optional.empty();
    }

    /** The message an operator sees when the app refuses to start. */
    public static String refusal(String setting, String problem) {
        return "DemoDeck refuses to start: the session key (" + setting + ") is not safe, " + problem
                + ". Anyone who knows it can forge a sign-in cookie for any account; " + HOW_TO_GENERATE
                + " and set the same value on every replica.";
    }
}
