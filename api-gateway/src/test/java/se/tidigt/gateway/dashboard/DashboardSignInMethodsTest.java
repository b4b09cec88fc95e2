package se.tidigt.gateway.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.TestDatabase;
import se.tidigt.gateway.support.TestIdentityProvider;
import se.tidigt.gateway.support.Tokens;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page offers the ways in the deployment has. With bearer tokens for the API and neither
 * demo users nor the dashboard's OIDC client, the application starts and serves the API, and the page
 * says what to set; with both demo users and the client, both are offered.
 * (Only the provider: IdentityProviderSignInApiTest; only the demo users: DashboardSessionApiTest.)
 */
class DashboardSignInMethodsTest {

    @Test
    void with_only_bearer_tokens_it_starts_and_the_sign_in_page_says_what_to_set() {
        try (ConfigurableApplicationContext app = start("--tidigt.demo-users=false")) {
            Api.Response login = Api.anonymous(port(app)).get("/login");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body()).contains("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TIDIGT_CLIENT_ID")
                    .doesNotContain("name=\"password\"").doesNotContain("/oauth2/authorization/tidigt");
            assertThat(Api.anonymous(port(app)).with("Authorization", "Bearer " + Tokens.forRole("a", "CITY_ANALYST", null))
                    .get("/api/v1/stats/city").status()).as("the API with a bearer token").isEqualTo(200);
        }
    }

    @Test
    void with_demo_users_and_the_client_the_page_offers_both() {
        String provider = TestIdentityProvider.baseUri();
        try (ConfigurableApplicationContext app = start("--tidigt.demo-users=true",
                "--spring.security.oauth2.client.registration.tidigt.client-id=tidigt-dashboard",
                "--spring.security.oauth2.client.registration.tidigt.authorization-grant-type=authorization_code",
                "--spring.security.oauth2.client.registration.tidigt.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                "--spring.security.oauth2.client.registration.tidigt.scope=openid",
                "--spring.security.oauth2.client.provider.tidigt.authorization-uri=" + provider + "/authorize",
                "--spring.security.oauth2.client.provider.tidigt.token-uri=" + provider + "/token",
                "--spring.security.oauth2.client.provider.tidigt.jwk-set-uri=" + provider + "/jwks")) {
            Api page = Api.anonymous(port(app));
            assertThat(page.with("Accept", "text/html").get("/").header("Location")).endsWith("/login");
            assertThat(page.get("/login").body()).contains("name=\"password\"").contains("href=\"/oauth2/authorization/tidigt\"");
            assertThat(page.get("/oauth2/authorization/tidigt").header("Location"))
                    .startsWith(provider + "/authorize?").contains("code_challenge_method=S256");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server.port=0", "--spring.datasource.url=" + TestDatabase.freshDatabase(),
                "--spring.datasource.username=postgres", "--tidigt.demo-data=false",
                "--tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children",
                "--tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIdentityProvider.baseUri() + "/jwks",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Tokens.ISSUER));
        TidigtApplication.disableAxonUpdateChecker();
        return new SpringApplicationBuilder(TidigtApplication.class).run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
