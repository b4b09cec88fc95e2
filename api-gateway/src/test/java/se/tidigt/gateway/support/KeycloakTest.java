package se.tidigt.gateway.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import se.tidigt.gateway.TidigtApplication;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The application configured for a real Keycloak ({@link KeycloakServer}) exactly as production is, with
 * Spring Boot's own properties: the resource server by the realm's issuer URI (discovery) and its audience,
 * the dashboard's OIDC client {@code tidigt} by the same issuer, and no demo users. The application runs
 * on a random port, over real HTTP, on a fresh database of the tests' PostgreSQL. Every class extending
 * this shares one application context and the one Keycloak.
 */
@SpringBootTest(classes = TidigtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children",
                "tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=",
                "tidigt.demo-users=false", "tidigt.demo-data=false"})
@ContextConfiguration(initializers = {TestDatabase.class, KeycloakTest.RealmSettings.class})
public abstract class KeycloakTest {
    /** The audience the realm's {@code tidigt} scope puts into every access token. */
    public static final String API_AUDIENCE = "tidigt-api";
    private static final Set<Integer> ALLOWED = new HashSet<>();

    static {
        TidigtApplication.disableAxonUpdateChecker();
    }

    @LocalServerPort
    protected int port;

    /** What a deployment sets: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_* and ..._CLIENT_*_TIDIGT_*. */
    static class RealmSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String issuer = KeycloakServer.get().issuer();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tidigt-test-keycloak", Map.of(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
                    "spring.security.oauth2.resourceserver.jwt.audiences", API_AUDIENCE,
                    "spring.security.oauth2.client.registration.tidigt.client-id", KeycloakAdmin.DASHBOARD_CLIENT,
                    "spring.security.oauth2.client.registration.tidigt.client-authentication-method", "none",
                    "spring.security.oauth2.client.registration.tidigt.authorization-grant-type", "authorization_code",
                    "spring.security.oauth2.client.registration.tidigt.redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}",
                    "spring.security.oauth2.client.registration.tidigt.scope", "openid,profile",
                    "spring.security.oauth2.client.provider.tidigt.issuer-uri", issuer)));
        }
    }

    /** The deployment's address, added to the realm's dashboard client as an operator would. */
    @BeforeEach
    void allowThisApplicationInTheRealm() {
        synchronized (ALLOWED) {
            if (ALLOWED.add(port)) {
                keycloak().admin().allowApplicationAt(applicationBase());
            }
        }
    }

    protected static KeycloakServer keycloak() {
        return KeycloakServer.get();
    }

    protected String applicationBase() {
        return "http://127.0.0.1:" + port;
    }

    protected KeycloakSignIn signIn() {
        return new KeycloakSignIn(keycloak(), applicationBase());
    }

    /** As the holder of this bearer token. */
    protected Api bearer(String token) {
        return Api.anonymous(port).with("Authorization", "Bearer " + token);
    }
}
