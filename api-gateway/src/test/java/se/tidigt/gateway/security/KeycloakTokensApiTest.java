package se.tidigt.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.KeycloakAdmin;
import se.tidigt.gateway.support.KeycloakServer;
import se.tidigt.gateway.support.KeycloakSignIn;
import se.tidigt.gateway.support.KeycloakTest;
import se.tidigt.platform.actor.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * API calls with tokens a real Keycloak issued from the production realm (deploy/keycloak), through the
 * realm's dashboard client with a user an operator created: every role is let through and refused as
 * {@link AuthorizationMatrixTest}'s table says, the user recorded is Keycloak's user name, an expired
 * token is refused and a refreshed one accepted, and a token of another realm is refused. The application
 * checks the tokens' audience ({@code spring.security.oauth2.resourceserver.jwt.audiences}) all along.
 */
class KeycloakTokensApiTest extends KeycloakTest {
    private static final String OWN = "hasselby-vallingby";
    private static final String OTHER = "farsta";

    /** One operation for each kind of rule in the matrix, as a request whose body the rule is decided before. */
    private static final List<Call> CALLS = List.of(
            new Call("GET /api/v1/districts", "/api/v1/districts", null),
            new Call("GET /api/v1/districts/{district}/cases", "/api/v1/districts/%s/cases", null),
            new Call("GET /api/v1/stats/districts/{district}", "/api/v1/stats/districts/%s", null),
            new Call("GET /api/v1/stats/rollout-effect", "/api/v1/stats/rollout-effect?replicates=99", null),
            new Call("GET /api/v1/admin/projections", "/api/v1/admin/projections", null),
            new Call("GET /api/v1/audit/access-log", "/api/v1/audit/access-log", null),
            new Call("POST /api/v1/rollout-plans", "/api/v1/rollout-plans", "{}"),
            new Call("POST /api/v1/work-models", "/api/v1/work-models", "{}"));

    private record Call(String operation, String path, String body) {
        Api.Response send(Api api, String district) {
            String to = path.contains("%s") ? path.formatted(district) : path;
            return body == null ? api.get(to) : api.postRaw(to, body, "application/json");
        }
    }

    @Test
    void every_role_signed_in_at_keycloak_is_let_through_and_refused_as_the_access_matrix_says() {
        KeycloakAdmin admin = keycloak().admin();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Role role : Role.values()) {
            KeycloakAdmin.User user = admin.createUser(role.name().toLowerCase().replace('_', '-'), role.name(),
                    role.isDistrictBound() ? OWN : null);
            KeycloakSignIn.Tokens tokens = signIn().as(user);
            JsonNode claims = tokens.accessClaims();
            assertThat(claims.path("preferred_username").asText()).isEqualTo(user.username());
            assertThat(claims.path("sub").asText()).as("the subject, from the realm's basic scope").isNotBlank();
            assertThat(claims.path("exp").asLong()).isGreaterThan(claims.path("iat").asLong());
            assertThat(claims.path("aud").toString()).as("the audience the application checks").contains(API_AUDIENCE);
            assertThat(claims.path("roles").toString()).contains(role.name());
            assertThat(claims.path("district").asText(null)).isEqualTo(role.isDistrictBound() ? OWN : null);

            Instant signedIn = Instant.now();
            for (Call call : CALLS) {
                for (String district : List.of(OWN, OTHER)) {
                    if (Duration.between(signedIn, Instant.now()).toSeconds() > KeycloakServer.ACCESS_TOKEN_SECONDS / 2) {
                        tokens = signIn().refresh(tokens);
                        signedIn = Instant.now();
                    }
                    Api.Response answer = call.send(bearer(tokens.accessToken()), district);
                    checked++;
                    boolean allowed = AuthorizationMatrixTest.allows(call.operation(), role, district.equals(OWN));
                    boolean refused = answer.status() == 401 || answer.status() == 403;
                    if (allowed == refused || answer.status() >= 500 || (!allowed && answer.status() != 403)) {
                        wrong.add(role + " " + call.operation() + " in " + district + " → " + answer.status()
                                + " (expected " + (allowed ? "through" : "403") + ")");
                    }
                }
            }
        }
        assertThat(wrong).as("answers to Keycloak's tokens against the matrix").isEmpty();
        assertThat(checked).isEqualTo(Role.values().length * CALLS.size() * 2);
    }

    @Test
    void what_a_keycloak_user_does_is_recorded_under_their_keycloak_user_name() {
        KeycloakAdmin admin = keycloak().admin();
        KeycloakAdmin.User analyst = admin.createUser("analyst", "CITY_ANALYST", null);
        Map<String, Object> plan = Map.of("workModel", "VALLINGBY_TEAM", "districts", List.of("farsta", "bromma"),
                "firstWaveStart", "2031-01-01", "waves", 2, "monthsPerWave", 6, "design", "STEPPED_WEDGE", "seed", 7);
        Api.Response created = bearer(signIn().as(analyst).accessToken()).post("/api/v1/rollout-plans", plan);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("createdBy").asText()).isEqualTo(analyst.username());

        KeycloakAdmin.User worker = admin.createUser("worker", "DISTRICT_WORKER", OWN);
        Api asWorker = bearer(signIn().as(worker).accessToken());
        Api.Response raised = asWorker.post("/api/v1/districts/" + OWN + "/cases", concern(daysAgo(2)));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        assertThat(asWorker.get("/api/v1/cases/" + raised.json().get("caseId").asText()).status()).isEqualTo(200);
        assertProblem(asWorker.post("/api/v1/districts/" + OTHER + "/cases", concern(daysAgo(2))), 403);
    }

    @Test
    void an_expired_keycloak_token_is_refused_and_the_refreshed_one_accepted() {
        KeycloakAdmin.User analyst = keycloak().admin().createUser("analyst", "CITY_ANALYST", null);
        KeycloakSignIn signIn = signIn();
        KeycloakSignIn.Tokens tokens = signIn.as(analyst);
        assertThat(tokens.expiresIn()).as("the test realm's short access-token lifespan").isEqualTo(KeycloakServer.ACCESS_TOKEN_SECONDS);
        long expiry = tokens.accessClaims().get("exp").asLong();
        Api holder = bearer(tokens.accessToken());
        assertThat(holder.get("/api/v1/stats/city").status()).isEqualTo(200);

        // Accepted until it expires (and the validator's clock skew has passed), then refused for good.
        await().atMost(Duration.ofSeconds(KeycloakServer.ACCESS_TOKEN_SECONDS + 150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> holder.get("/api/v1/stats/city").status() == 401);
        assertThat(Instant.now().getEpochSecond()).as("refused only once expired").isGreaterThanOrEqualTo(expiry);
        Api.Response refused = holder.get("/api/v1/stats/city");
        assertProblem(refused, 401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");

        KeycloakSignIn.Tokens refreshed = signIn.refresh(tokens);
        assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(refreshed.accessClaims().get("exp").asLong()).isGreaterThan(expiry);
        assertThat(refreshed.accessClaims().get("preferred_username").asText()).isEqualTo(analyst.username());
        assertThat(bearer(refreshed.accessToken()).get("/api/v1/stats/city").status()).isEqualTo(200);
    }

    @Test
    void a_token_from_another_realm_of_the_same_keycloak_is_refused() {
        Api.Response answer = bearer(keycloak().admin().adminToken()).get("/api/v1/districts");
        assertProblem(answer, 401);
        assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
    }
}
