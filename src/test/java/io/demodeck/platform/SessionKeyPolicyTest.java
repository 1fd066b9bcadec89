package io.demodeck.platform;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionKeyPolicyTest {

    @Test
    void theOldComposeDefaultAndOtherPlaceholdersAreRefused() {
        for (String key : new String[]{"change-me-to-32-or-more-random-characters", "change-me",
                "CHANGE-ME-please-this-is-long-enough-for-the-length-rule", "changeme" + "x".repeat(40),
                "replace-me-with-a-real-secret-of-at-least-32-chars"}) {
            String problem = SessionKeyPolicy.problem(key).orElseThrow(() -> new AssertionError("accepted: " + key));
            assertTrue(problem.contains("placeholder"), problem);
        }
    }

    @Test
    void aKeyShorterThan32CharactersIsRefused() {
        String problem = SessionKeyPolicy.problem("Xk3-9fQ_p2LmZ7rT0vBn4wYc8").orElseThrow();
        assertTrue(problem.contains("25 characters"), problem);
        assertTrue(SessionKeyPolicy.problem("a".repeat(40)).isPresent(), "one character repeated");
    }

    @Test
    void generatedKeysAreAccepted() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[36]; // what `openssl rand -base64 48` and the embedded mode make, give or take
            random.nextBytes(bytes);
            String key = Base64.getEncoder().encodeToString(bytes);
            assertEquals(java.util.Optional.empty(), SessionKeyPolicy.problem(key), key);
        }
    }

    @Test
    void theRefusalSaysWhatIsWrongAndHowToFixIt() {
        String message = SessionKeyPolicy.refusal(SessionKeyCheck.SETTING,
                SessionKeyPolicy.problem("change-me-to-32-or-more-random-characters").orElseThrow());
        assertTrue(message.contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), message);
        assertTrue(message.contains("openssl rand -base64 48"), message);
    }
}
