package se.tidigt.gateway.security;

import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/**
 * Bearer tokens from the identity provider, as Keycloak and others issue them: each role works as its
 * demo user does, and a token that is expired, early, wrongly signed or from another issuer is 401.
 */
class ProductionIdentityApiTest extends ApiTest {
    private static final String HV = "/api/v1/districts/hasselby-vallingby";

    @Test
    void a_district_worker_with_a_token_records_and_reads_cases_of_their_district() {
        var worker = bearer(Tokens.forRole("anna.worker", "DISTRICT_WORKER", "hasselby-vallingby"));
        var raised = worker.post(HV + "/cases", concern(daysAgo(2)));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String caseId = raised.json().get("caseId").asText();
        assertThat(worker.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(hv().get("/api/v1/cases/" + caseId).status()).as("the demo admin of the same district").isEqualTo(200);
        assertProblem(bearer(Tokens.forRole("bo.worker", "DISTRICT_WORKER", "farsta")).get("/api/v1/cases/" + caseId), 404);
    }

    @Test
    void keycloak_realm_roles_are_read_and_other_realm_roles_ignored() {
        String token = Tokens.sign(c -> c.claim("preferred_username", "kc.admin")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "uma_authorization", "DISTRICT_ADMIN")))
                .claim("district", "hasselby-vallingby"));
        assertThat(bearer(token).get(HV + "/deadlines").status()).isEqualTo(200);
    }

    @Test
    void the_user_id_is_preferred_username_else_the_subject() {
        Map<String, Object> plan = Map.of("workModel", "VALLINGBY_TEAM", "districts", List.of("farsta", "bromma"),
                "firstWaveStart", "2031-01-01", "waves", 2, "monthsPerWave", 6, "design", "STEPPED_WEDGE", "seed", 7);
        String named = Tokens.forRole("eva.analyst", "CITY_ANALYST", null);
        String unnamed = Tokens.sign(c -> c.subject("7f3c2a").claim("roles", List.of("CITY_ANALYST")));
        assertThat(bearer(named).post("/api/v1/rollout-plans", plan).json().get("createdBy").asText()).isEqualTo("eva.analyst");
        assertThat(bearer(unnamed).post("/api/v1/rollout-plans", plan).json().get("createdBy").asText()).isEqualTo("7f3c2a");
    }

    @Test
    void each_role_reaches_what_its_demo_user_reaches() {
        assertThat(bearer(Tokens.forRole("a", "CITY_ANALYST", null)).get("/api/v1/stats/city").status()).isEqualTo(200);
        assertThat(bearer(Tokens.forRole("p", "PLATFORM_ADMIN", null)).get("/api/v1/admin/projections").status()).isEqualTo(200);
        assertThat(bearer(Tokens.forRole("r", "AUDITOR", null)).get("/api/v1/stats/rollout-effect?replicates=99").status())
                .isEqualTo(200);
        assertProblem(bearer(Tokens.forRole("a", "CITY_ANALYST", null)).get("/api/v1/admin/projections"), 403);
    }

    @Test
    void a_district_role_without_a_known_district_of_today_may_do_nothing() {
        assertProblem(bearer(Tokens.forRole("w", "DISTRICT_WORKER", null)).get(HV + "/deadlines"), 403);
        assertProblem(bearer(Tokens.forRole("w", "DISTRICT_WORKER", "atlantis")).get("/api/v1/districts"), 403);
        assertProblem(bearer(Tokens.forRole("w", "DISTRICT_ADMIN", "rinkeby-kista")).get("/api/v1/districts/jarva/deadlines"), 403);
        assertProblem(bearer(Tokens.forRole("w", "DISTRICT_WORKER", null)).post(HV + "/cases", concern(daysAgo(1))), 403);
    }

    @Test
    void a_token_without_a_tidigt_role_or_with_two_is_refused() {
        assertProblem(bearer(Tokens.sign(c -> c.claim("roles", List.of("offline_access")))).get("/api/v1/districts"), 403);
        assertProblem(bearer(Tokens.sign(c -> c.claim("roles", List.of("AUDITOR", "PLATFORM_ADMIN"))))
                .get("/api/v1/admin/projections"), 403);
    }

    @Test
    void expired_early_foreign_and_wrongly_signed_tokens_are_401_problems() {
        Instant now = Instant.now();
        String expired = Tokens.sign(c -> c.claim("roles", List.of("PLATFORM_ADMIN"))
                .issueTime(Date.from(now.minus(Duration.ofHours(3)))).expirationTime(Date.from(now.minus(Duration.ofHours(2)))));
        String early = Tokens.sign(c -> c.claim("roles", List.of("PLATFORM_ADMIN"))
                .notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))));
        String foreign = Tokens.sign(c -> c.claim("roles", List.of("PLATFORM_ADMIN")).issuer("https://evil.test/realms/x"));
        String stranger = Tokens.signedByStranger(c -> c.claim("roles", List.of("PLATFORM_ADMIN")));
        for (String token : List.of(expired, early, foreign, stranger, "not-a-jwt")) {
            var answer = bearer(token).get("/api/v1/admin/projections");
            assertProblem(answer, 401);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(bearer(Tokens.forRole("p", "PLATFORM_ADMIN", null)).get("/api/v1/admin/projections").status())
                .as("the same request with a good token").isEqualTo(200);
    }
}
