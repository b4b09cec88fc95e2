package se.tidigt.gateway.support;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The identity provider as the application sees it in production: a JWK Set served over HTTP and an
 * issuer, set through Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 * The keys are the tests' ({@link Tokens}); the server lives as long as the test JVM.
 */
public class TestIdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static String jwkSetUri;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tidigt-test-identity-provider", Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", Tokens.ISSUER)));
    }

    static synchronized String jwkSetUri() {
        if (jwkSetUri == null) {
            try {
                byte[] keys = new JWKSet(publicKey()).toString(true).getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/jwks", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, keys.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(keys);
                    }
                });
                server.start();
                jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
            } catch (IOException e) {
                throw new IllegalStateException("Could not serve the tests' JWK Set", e);
            }
        }
        return jwkSetUri;
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
