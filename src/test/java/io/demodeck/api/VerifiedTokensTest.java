package io.demodeck.api;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedTokensTest {

    /** Verifies by looking the token up; counts how often it was asked. */
    static final class CountingParser extends DefaultJWTParser {
        final Map<String, Long> expiryOf = new HashMap<>();
        int verifications;

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications++;
            Long exp = expiryOf.get(token);
            if (exp == null) {
                throw new ParseException("bad signature");
            }
            return new Token(token, exp);
        }
    }

    record Token(String raw, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "anna";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp", "raw");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) (claimName.equals("exp") ? (Object) exp : raw);
        }
    }

    private final VerifiedTokens tokens = new VerifiedTokens();
    private final CountingParser parser = new CountingParser();

    VerifiedTokensTest() {
        tokens.useParser(parser);
    }

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() throws Exception {
        parser.expiryOf.put("good", Instant.now().getEpochSecond() + 600);
        JsonWebToken first = tokens.parse("good");
        assertSame(first, tokens.parse("good"));
        assertEquals(1, parser.verifications);
    }

    @Test
    void anyOtherStringIsVerifiedAndATamperedOneRefused() throws Exception {
        parser.expiryOf.put("good", Instant.now().getEpochSecond() + 600);
        tokens.parse("good");
        assertThrows(ParseException.class, () -> tokens.parse("good!"));
        assertThrows(ParseException.class, () -> tokens.parse("good!"), "a refused token is never remembered");
        assertEquals(3, parser.verifications);
    }

    @Test
    void anExpiredTokenIsNeverServedFromMemory() throws Exception {
        parser.expiryOf.put("old", Instant.now().getEpochSecond() - 1);
        tokens.parse("old");
        tokens.parse("old");
        assertEquals(2, parser.verifications, "verified again each time: the verifier decides about expired tokens");
    }

    @Test
    void memoryIsBoundedAndATokenInUseStaysRemembered() throws Exception {
        long exp = Instant.now().getEpochSecond() + 600;
        parser.expiryOf.put("in-use", exp);
        tokens.parse("in-use");
        int total = 2 * VerifiedTokens.MAX_TOKENS;
        for (int i = 0; i < total; i++) {
            parser.expiryOf.put("t" + i, exp);
            tokens.parse("t" + i);
            if (i % 100 == 0) {
                tokens.parse("in-use"); // a mobile app's token, sent with every request
            }
        }
        int afterFirstPass = parser.verifications;
        assertEquals(total + 1, afterFirstPass, "the token in use was verified once");
        for (int i = 0; i < total; i++) {
            tokens.parse("t" + i);
        }
        int verifiedAgain = parser.verifications - afterFirstPass;
        assertTrue(verifiedAgain >= total - VerifiedTokens.MAX_TOKENS,
                "at most " + VerifiedTokens.MAX_TOKENS + " tokens are remembered; " + verifiedAgain + " of " + total
                        + " had to be verified again");
    }
}
