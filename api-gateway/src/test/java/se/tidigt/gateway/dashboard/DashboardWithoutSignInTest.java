package se.tidigt.gateway.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.TestDatabase;
import se.tidigt.gateway.support.TestIdentityProvider;
import se.tidigt.gateway.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment with bearer tokens for the API and neither demo users nor the dashboard's OIDC client
 * starts and serves the API; its sign-in page says that the page's sign-in is not configured and what to set.
 */
class DashboardWithoutSignInTest {

    @Test
    void with_only_bearer_tokens_it_starts_and_the_sign_in_page_says_what_to_set() {
        TidigtApplication.disableAxonUpdateChecker();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TidigtApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabase.freshDatabase(),
                "--spring.datasource.username=postgres", "--tidigt.demo-data=false", "--tidigt.demo-users=false",
                "--tidigt.pseudonym-key=test-pseudonym-key-for-synthetic-children",
                "--tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIdentityProvider.baseUri() + "/jwks",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + Tokens.ISSUER)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Api.Response login = Api.anonymous(port).get("/login");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body()).contains("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TIDIGT_CLIENT_ID")
                    .doesNotContain("name=\"password\"").doesNotContain("/oauth2/authorization/tidigt");
            assertThat(Api.anonymous(port).with("Authorization", "Bearer " + Tokens.forRole("a", "CITY_ANALYST", null))
                    .get("/api/v1/stats/city").status()).as("the API with a bearer token").isEqualTo(200);
        }
    }
}
