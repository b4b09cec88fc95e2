package se.tidigt.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.util.UriComponentsBuilder;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.TestIdentityProvider;
import se.tidigt.gateway.support.Tokens;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page signing in through the city's identity provider, as in production: no demo users, the OIDC
 * client configured with Spring Boot's own properties. A visitor is sent to the provider with a PKCE
 * challenge; the code comes back, is redeemed with the verifier, and the ID token's claims become the
 * session's actor, whom the API's access rules treat as they treat a bearer token's.
 */
@ContextConfiguration(initializers = IdentityProviderSignInApiTest.DashboardClient.class)
class IdentityProviderSignInApiTest extends ApiTest {
    private static final String CLIENT_ID = "tidigt-dashboard";

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    /** The production shape: demo users off, the realm's public PKCE client, explicit provider endpoints. */
    static class DashboardClient implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String provider = TestIdentityProvider.baseUri();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tidigt-test-dashboard-client", Map.of(
                    "tidigt.demo-users", "false",
                    "spring.security.oauth2.client.registration.tidigt.client-id", CLIENT_ID,
                    "spring.security.oauth2.client.registration.tidigt.client-authentication-method", "none",
                    "spring.security.oauth2.client.registration.tidigt.authorization-grant-type", "authorization_code",
                    "spring.security.oauth2.client.registration.tidigt.redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}",
                    "spring.security.oauth2.client.registration.tidigt.scope", "openid,profile",
                    "spring.security.oauth2.client.provider.tidigt.authorization-uri", provider + "/authorize",
                    "spring.security.oauth2.client.provider.tidigt.token-uri", provider + "/token",
                    "spring.security.oauth2.client.provider.tidigt.jwk-set-uri", provider + "/jwks",
                    "spring.security.oauth2.client.provider.tidigt.user-name-attribute", "sub")));
        }
    }

    @Test
    void a_visitor_is_sent_to_the_identity_provider_with_a_pkce_challenge_state_and_nonce() throws Exception {
        HttpResponse<String> page = send(get("/").header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location(page)).endsWith("/oauth2/authorization/tidigt");

        Map<String, String> request = authorizationRequest();
        assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "redirect_uri");
        assertThat(request.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(request.get("scope")).contains("openid");
    }

    @Test
    void the_sign_in_page_offers_only_the_identity_provider_and_no_password_form() throws Exception {
        HttpResponse<String> login = send(get("/login"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("href=\"/oauth2/authorization/tidigt\"").doesNotContain("name=\"password\"");
        assertThat(anonymous().with("Authorization", "Basic YW5hbHlzdDpkZW1v").get("/api/v1/districts").status())
                .as("no demo user over HTTP Basic either").isEqualTo(401);
    }

    @Test
    void a_district_admin_signed_in_at_the_provider_uses_the_page_and_its_api_calls_by_the_access_rules() throws Exception {
        HttpResponse<String> back = signInAs(c -> c.claim("preferred_username", "oda.oidc")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "DISTRICT_ADMIN"))).claim("district", "farsta"));
        assertThat(location(back)).as("a district user lands on the district's worklist").endsWith("/district");

        JsonNode session = Api.JSON.readTree(send(get("/dashboard/session")).body());
        assertThat(session.path("user").asText()).isEqualTo("oda.oidc");
        assertThat(session.path("role").asText()).isEqualTo("DISTRICT_ADMIN");
        assertThat(session.path("district").asText()).isEqualTo("farsta");
        assertThat(send(get("/api/v1/districts/farsta/cases")).statusCode()).isEqualTo(200);
        assertThat(send(get("/api/v1/districts/bromma/cases")).statusCode()).isEqualTo(403);
        assertThat(send(get("/api/v1/admin/projections")).statusCode()).isEqualTo(403);
    }

    @Test
    void a_district_role_without_a_district_signs_in_but_may_call_nothing() throws Exception {
        signInAs(c -> c.claim("preferred_username", "no.district").claim("roles", List.of("DISTRICT_WORKER")));
        JsonNode session = Api.JSON.readTree(send(get("/dashboard/session")).body());
        assertThat(session.path("user").asText()).isEqualTo("no.district");
        assertThat(session.path("role").asText()).isEqualTo("DISTRICT_WORKER");
        assertThat(session.path("district").textValue()).as("no district in the session").isNull();
        HttpResponse<String> api = send(get("/api/v1/districts"));
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void a_code_redeemed_without_the_matching_pkce_verifier_signs_nobody_in() throws Exception {
        Map<String, String> request = authorizationRequest();
        String idToken = Tokens.sign(c -> c.audience(CLIENT_ID).claim("nonce", request.get("nonce"))
                .claim("preferred_username", "mallory").claim("roles", List.of("PLATFORM_ADMIN")));
        // A code issued for another browser's challenge: this session's verifier does not match it.
        String code = TestIdentityProvider.authorizationCode("A".repeat(43), idToken);
        HttpResponse<String> back = send(get(callback(request, code)));
        assertThat(location(back)).endsWith("/login?provider-error");
        assertThat(send(get("/login?provider-error")).body()).contains("data-show=\"provider-error\"");
        assertThat(send(get("/dashboard/session")).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/v1/admin/projections")).statusCode()).isEqualTo(401);
    }

    /** The provider's side of the round trip: the user signs in there, the browser comes back with a code. */
    private HttpResponse<String> signInAs(UnaryOperator<JWTClaimsSet.Builder> claims) throws Exception {
        Map<String, String> request = authorizationRequest();
        String idToken = Tokens.sign(c -> claims.apply(c.audience(CLIENT_ID).claim("nonce", request.get("nonce"))));
        String code = TestIdentityProvider.authorizationCode(request.get("code_challenge"), idToken);
        HttpResponse<String> back = send(get(callback(request, code)));
        assertThat(back.statusCode()).as(back.headers().map().toString()).isEqualTo(302);
        return back;
    }

    private Map<String, String> authorizationRequest() throws Exception {
        HttpResponse<String> start = send(get("/oauth2/authorization/tidigt"));
        assertThat(start.statusCode()).isEqualTo(302);
        String to = location(start);
        assertThat(to).startsWith(TestIdentityProvider.baseUri() + "/authorize?");
        return UriComponentsBuilder.fromUriString(to).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8)));
    }

    private static String callback(Map<String, String> request, String code) {
        return URI.create(request.get("redirect_uri")).getPath() + "?code=" + code + "&state=" + request.get("state");
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
