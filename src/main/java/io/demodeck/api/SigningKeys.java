package io.demodeck.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The key pair that signs access tokens. Keys given by configuration win ({@code smallrye.jwt.sign.key.location}
 * together with {@code mp.jwt.verify.publickey.location}); otherwise a pair is generated at first start and kept
 * in {@code api_signing_key}, so every replica signs and verifies with the same key. The first replica's insert
 * wins ({@code on conflict do nothing}) and everyone, that replica included, then uses the stored row.
 * Loaded at startup: token verification runs on the event loop, where the database must not be touched.
 */
@ApplicationScoped
public class SigningKeys {

    private static final String ALGORITHM = "RS256";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    Optional<String> signKeyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> verifyKeyLocation;

    private record StoredKey(String keyId, KeyPair pair) {
    }

    private volatile StoredKey stored;

    void onStart(@Observes StartupEvent event) {
        if (!configured()) {
            databaseKey();
        }
    }

    /** True when both key locations are configured; one without the other is a deployment mistake. */
    boolean configured() {
        if (signKeyLocation.isPresent() != verifyKeyLocation.isPresent()) {
            throw new IllegalStateException("Configure both smallrye.jwt.sign.key.location and "
                    + "mp.jwt.verify.publickey.location, or neither (then the key pair lives in the database)");
        }
        return signKeyLocation.isPresent();
    }

    /** The public half of the database-held pair (only used when no keys are configured). */
    PublicKey verificationKey() {
        return databaseKey().pair().getPublic();
    }

    String sign(JwtClaimsBuilder claims) {
        if (configured()) {
            return claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign();
        }
        StoredKey key = databaseKey();
        return claims.jws().keyId(key.keyId()).sign(key.pair().getPrivate());
    }

    private StoredKey databaseKey() {
        StoredKey key = stored;
        if (key == null) {
            synchronized (this) {
                if (stored == null) {
                    stored = loadOrCreate();
                }
                key = stored;
            }
        }
        return key;
    }

    private StoredKey loadOrCreate() {
        try (Connection c = dataSource.getConnection()) {
            Optional<StoredKey> existing = read(c);
            if (existing.isPresent()) {
                return existing.get();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into api_signing_key (id, key_id, algorithm, private_key, public_key)
                    values (1, ?, ?, ?, ?) on conflict (id) do nothing""")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, ALGORITHM);
                ps.setString(3, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                ps.setString(4, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                if (ps.executeUpdate() == 1) {
                    Log.info("Generated the access-token signing key (table api_signing_key)");
                }
            }
            return read(c).orElseThrow();
        } catch (SQLException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the access-token signing key: " + e.getMessage(), e);
        }
    }

    private static Optional<StoredKey> read(Connection c) throws SQLException, GeneralSecurityException {
        try (PreparedStatement ps = c.prepareStatement("select key_id, private_key, public_key from api_signing_key where id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return Optional.of(new StoredKey(rs.getString(1), new KeyPair(
                    rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString(3)))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(rs.getString(2)))))));
        }
    }
}
