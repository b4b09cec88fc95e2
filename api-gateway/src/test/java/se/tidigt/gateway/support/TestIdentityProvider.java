package se.tidigt.gateway.support;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity provider as the application sees it in production: a JWK Set served over HTTP and an
 * issuer, set through Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 * The keys are the tests' ({@link Tokens}); the server lives as long as the test JVM. Its token endpoint
 * redeems the codes a test hands out ({@link #authorizationCode}), checking PKCE, for the dashboard's sign-in.
 */
public class TestIdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final Map<String, Grant> CODES = new ConcurrentHashMap<>();
    private static String baseUri;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tidigt-test-identity-provider", Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", Tokens.ISSUER)));
    }

    static String jwkSetUri() {
        return baseUri() + "/jwks";
    }

    /** Where the provider answers: {@code /jwks}, and {@code /token} for the dashboard's sign-in. */
    public static synchronized String baseUri() {
        if (baseUri == null) {
            try {
                byte[] keys = new JWKSet(publicKey()).toString(true).getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/jwks", exchange -> answer(exchange, 200, keys));
                server.createContext("/token", TestIdentityProvider::token);
                server.start();
                baseUri = "http://127.0.0.1:" + server.getAddress().getPort();
            } catch (IOException e) {
                throw new IllegalStateException("Could not serve the tests' identity provider", e);
            }
        }
        return baseUri;
    }

    /**
     * What the provider's sign-in would hand the browser: a one-time code for this ID token, redeemable at
     * {@code /token} only with the PKCE verifier whose S256 challenge the authorization request carried.
     */
    public static String authorizationCode(String codeChallenge, String idToken) {
        String code = UUID.randomUUID().toString();
        CODES.put(code, new Grant(codeChallenge, idToken));
        return code;
    }

    private record Grant(String codeChallenge, String idToken) {
    }

    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] nameValue = pair.split("=", 2);
            form.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        Grant grant = CODES.remove(form.getOrDefault("code", ""));
        boolean valid = grant != null && "authorization_code".equals(form.get("grant_type"))
                && form.get("code_verifier") != null && grant.codeChallenge().equals(s256(form.get("code_verifier")));
        String body = valid
                ? "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"scope\":\"openid profile\",\"id_token\":\"" + grant.idToken() + "\"}"
                : "{\"error\":\"invalid_grant\"}";
        answer(exchange, valid ? 200 : 400, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static JWK publicKey() throws IOException {
        try (InputStream in = TestIdentityProvider.class.getResourceAsStream("/jwt/test-public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return new RSAKey.Builder(key).keyID(Tokens.KEY_ID).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
