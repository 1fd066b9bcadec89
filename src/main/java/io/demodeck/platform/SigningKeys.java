package io.demodeck.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair that signs and verifies API tokens. Configured keys win ({@code SMALLRYE_JWT_SIGN_KEY[_LOCATION]}
 * and {@code MP_JWT_VERIFY_PUBLICKEY[_LOCATION]}: every replica must be given the same pair); otherwise a pair is
 * generated at first start and kept in the data folder, so a restart keeps issued tokens valid.
 */
public final class SigningKeys {

    static final String SIGN_LOCATION = "smallrye.jwt.sign.key.location";
    static final String VERIFY_LOCATION = "mp.jwt.verify.publickey.location";

    private SigningKeys() {
    }

    /** Returns false when keys are configured, true when the data-folder pair is used. */
    public static boolean useDataFolderKeysUnlessConfigured(Path dataDir) {
        if (configured("smallrye.jwt.sign.key") || configured(SIGN_LOCATION)
                || configured("mp.jwt.verify.publickey") || configured(VERIFY_LOCATION)) {
            return false;
        }
        Path privateKey = dataDir.resolve("jwt-private.pem");
        Path publicKey = dataDir.resolve("jwt-public.pem");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                Files.createDirectories(dataDir);
                KeyPair pair = generate();
                writePrivate(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the API signing keys in " + dataDir, e);
        }
        System.setProperty(SIGN_LOCATION, privateKey.toUri().toString());
        System.setProperty(VERIFY_LOCATION, publicKey.toUri().toString());
        return true;
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        Files.writeString(file, pem);
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static boolean configured(String property) {
        String env = property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return System.getProperty(property) != null || (System.getenv(env) != null && !System.getenv(env).isBlank());
    }
}
