package se.tidigt.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Mints JWTs as the city's identity provider would, signed with the tests' own key
 * ({@code src/test/resources/jwt}); the test application trusts that key
 * ({@link TestIdentityProvider}) and {@link #ISSUER}.
 */
public final class Tokens {
    public static final String ISSUER = "https://idp.test/realms/tidigt";
    public static final String KEY_ID = "tidigt-test-key";
    private static final PrivateKey KEY = load();

    private Tokens() {
    }

    /** A token with a {@code roles} claim; district may be null. */
    public static String forRole(String user, String role, String district) {
        return sign(claims -> {
            claims.claim("preferred_username", user).claim("roles", List.of(role));
            return district == null ? claims : claims.claim("district", district);
        });
    }

    /** A valid token (issuer, an hour's life) with what {@code more} adds or changes. */
    public static String sign(UnaryOperator<JWTClaimsSet.Builder> more) {
        return signWith(KEY, more);
    }

    /** Signed with a key nobody trusts. */
    public static String signedByStranger(UnaryOperator<JWTClaimsSet.Builder> more) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return signWith(generator.generateKeyPair().getPrivate(), more);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signWith(PrivateKey key, UnaryOperator<JWTClaimsSet.Builder> more) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("subject-" + now.toEpochMilli())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), more.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load() {
        try (InputStream in = Tokens.class.getResourceAsStream("/jwt/test-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the tests' JWT key", e);
        }
    }
}
