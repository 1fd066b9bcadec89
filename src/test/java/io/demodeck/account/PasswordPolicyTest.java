package io.demodeck.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void shortSpacesOnlyAndCommonPasswordsAreRefused() {
        assertEquals("at least 10 characters", PasswordPolicy.problem("12345678", "anna"));
        assertEquals("must not be only spaces", PasswordPolicy.problem(" ".repeat(12), "anna"));
        assertEquals("required", PasswordPolicy.problem("", "anna"));
        for (String common : new String[] {"1234567890", "qwertyuiop", "Password123", "iloveyou2024", " 1q2w3e4r5t ",
                "QWERTY123456", "йцукенгшщз", "aaaaaaaaaa"}) {
            assertTrue(String.valueOf(PasswordPolicy.problem(common, "anna")).startsWith("too common"), common);
        }
        assertTrue(String.valueOf(PasswordPolicy.problem("Anna.Karenina", "anna.karenina")).startsWith("too common"),
                "the username itself");
    }

    @Test
    void theLimitCountsUtf8BytesAsBcryptDoes() {
        String cyrillic36 = "жёлтый".repeat(6); // 36 letters, 2 bytes each
        assertEquals(36, cyrillic36.length());
        assertNull(PasswordPolicy.problem(cyrillic36, "anna"), "72 bytes is the most bcrypt keeps");
        assertNotNull(PasswordPolicy.problem(cyrillic36 + "я", "anna"), "37 Cyrillic letters are 74 bytes");
        assertNull(PasswordPolicy.problem("a".repeat(71) + "b", "anna"));
        assertNotNull(PasswordPolicy.problem("a".repeat(72) + "b", "anna"));
        assertNull(PasswordPolicy.problem("Кот в сапогах", "anna"), "10 characters, counted as characters, not bytes");
    }

    @Test
    void aReasonablePassphraseIsAccepted() {
        assertNull(PasswordPolicy.problem("correct horse battery", "anna"));
        assertNull(PasswordPolicy.problem("teach-me-please", "anna"));
    }

    @Test
    void theBundledListIsLargeAndHasLongEntries() {
        assertTrue(PasswordPolicy.isCommon("password1234"));
        assertTrue(PasswordPolicy.isCommon("1q2w3e4r5t6y"));
        assertTrue(PasswordPolicy.isCommon("football2001"));
    }
}
