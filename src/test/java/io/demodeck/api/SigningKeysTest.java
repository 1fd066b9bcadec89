package io.demodeck.api;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeysTest {

    private static SigningKeys keys(Optional<String> sign, Optional<String> verify) {
        SigningKeys keys = new SigningKeys();
        keys.signKeyLocation = sign;
        keys.verifyKeyLocation = verify;
        return keys;
    }

    @Test
    void configuredKeysNeedBothLocations() {
        assertFalse(keys(Optional.empty(), Optional.empty()).configured());
        assertTrue(keys(Optional.of("file:/k/private.pem"), Optional.of("file:/k/public.pem")).configured());
        assertThrows(IllegalStateException.class,
                () -> keys(Optional.of("file:/k/private.pem"), Optional.empty()).configured());
        assertThrows(IllegalStateException.class,
                () -> keys(Optional.empty(), Optional.of("file:/k/public.pem")).configured());
    }
}
