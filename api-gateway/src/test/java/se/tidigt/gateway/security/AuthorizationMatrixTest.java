package se.tidigt.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.Tokens;
import se.tidigt.platform.actor.Role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/**
 * Every operation of the served OpenAPI document × every role × own and other district × no
 * credentials, with a body that is invalid and one that is not even JSON: who is refused gets 401 or
 * 403 whatever they sent (a district user 404 for another district's case, as for an unknown one), who
 * is let through gets none of these. An operation added without a line in
 * {@link #EXPECTED} fails this test: decide its rule here and in {@code AccessRules}.
 */
class AuthorizationMatrixTest extends ApiTest {
    private static final String OWN = "hasselby-vallingby";
    private static final String OTHER = "farsta";

    /** Who may call what: the expected table, written apart from the one the application applies. */
    private static final Map<String, Expect> EXPECTED = new LinkedHashMap<>();

    static {
        Expect own = Expect.ownDistrict();
        for (String op : List.of("POST /api/v1/districts/{district}/cases", "GET /api/v1/districts/{district}/cases",
                "POST /api/v1/districts/{district}/cases/search", "GET /api/v1/districts/{district}/deadlines",
                "POST /api/v1/districts/{district}/open-access-support", "GET /api/v1/cases/{caseId}",
                "POST /api/v1/cases/{caseId}/protection-assessment", "POST /api/v1/cases/{caseId}/initial-assessment",
                "POST /api/v1/cases/{caseId}/investigation", "POST /api/v1/cases/{caseId}/investigation/extension",
                "POST /api/v1/cases/{caseId}/investigation/conclusion", "POST /api/v1/cases/{caseId}/offers",
                "POST /api/v1/cases/{caseId}/offers/{offerId}/response", "POST /api/v1/cases/{caseId}/interventions",
                "POST /api/v1/cases/{caseId}/interventions/{offerId}/end", "POST /api/v1/cases/{caseId}/workers",
                "POST /api/v1/cases/{caseId}/collaborations", "POST /api/v1/cases/{caseId}/transfer",
                "POST /api/v1/cases/{caseId}/closure")) {
            EXPECTED.put(op, own);
        }
        EXPECTED.put("POST /api/v1/cases/{caseId}/placements", own);
        EXPECTED.put("POST /api/v1/cases/{caseId}/placements/{placementId}/end", own);
        EXPECTED.put("POST /api/v1/import", Expect.roles(Role.DISTRICT_WORKER, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_ADMIN));
        EXPECTED.put("DELETE /api/v1/cases/{caseId}/personal-data", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/districts", Expect.anyone());
        EXPECTED.put("GET /api/v1/districts/{district}/rollout", Expect.anyone());
        for (String kind : List.of("adoptions", "suspensions", "reinstatements", "funding", "staffing")) {
            EXPECTED.put("POST /api/v1/districts/{district}/rollout/" + kind, Expect.roles(Role.PLATFORM_ADMIN));
        }
        EXPECTED.put("GET /api/v1/work-models", Expect.anyone());
        EXPECTED.put("POST /api/v1/work-models", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("POST /api/v1/rollout-plans", Expect.roles(Role.CITY_ANALYST, Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/rollout-plans/{planId}", Expect.anyone());
        EXPECTED.put("POST /api/v1/rollout-plans/{planId}/approval", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/stats/districts/{district}",
                Expect.ownDistrictOr(Role.CITY_ANALYST, Role.AUDITOR, Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/stats/city", Expect.anyone());
        EXPECTED.put("GET /api/v1/stats/rollout-effect", Expect.roles(Role.CITY_ANALYST, Role.AUDITOR, Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/spread-investigation", Expect.roles(Role.CITY_ANALYST, Role.PLATFORM_ADMIN));
        EXPECTED.put("POST /api/v1/spread-investigation/scenarios", Expect.roles(Role.CITY_ANALYST, Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/spread-investigation/report", Expect.roles(Role.CITY_ANALYST, Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/admin/projections", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("POST /api/v1/admin/projections/{name}/replay", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/admin/weeding/preview", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/admin/weeding/reports", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/admin/demo-data", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("GET /api/v1/admin/projections/{name}/parked", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("POST /api/v1/admin/projections/{name}/parked/{caseId}/retry", Expect.roles(Role.PLATFORM_ADMIN));
        EXPECTED.put("DELETE /api/v1/admin/projections/{name}/parked/{caseId}", Expect.roles(Role.PLATFORM_ADMIN));
        for (String op : List.of("GET /api/v1/audit/cases/{caseId}/history", "GET /api/v1/audit/cases/{caseId}/state",
                "GET /api/v1/audit/cases/{caseId}/verify", "GET /api/v1/audit/cases/{caseId}/export",
                "GET /api/v1/audit/digests/{date}", "GET /api/v1/audit/digests/{date}/verify",
                "GET /api/v1/audit/access-log", "GET /api/v1/audit/access-log/verify",
                "GET /api/v1/audit/streams/{aggregateId}/verify", "GET /api/v1/audit/digests/public-key",
                "POST /api/v1/audit/cases/search")) {
            EXPECTED.put(op, Expect.roles(Role.AUDITOR));
        }
        EXPECTED.put("POST /api/v1/cases/{caseId}/proposals/{proposalId}/decision",
                Expect.ownDistrictIn(Role.DISTRICT_SUPERVISOR, Role.DISTRICT_ADMIN));
        EXPECTED.put("GET /api/v1/districts/{district}/proposals", own);
        EXPECTED.put("GET /api/v1/districts/{district}/delegation", own);
        EXPECTED.put("PUT /api/v1/districts/{district}/delegation", Expect.ownDistrictIn(Role.DISTRICT_ADMIN));
        EXPECTED.put("GET /api/v1/stats/decisions", Expect.anyone());
        EXPECTED.put("GET /api/v1/cases/{caseId}/timeline", own);
        EXPECTED.put("GET /api/v1/cases/{caseId}/next-steps", own);
        EXPECTED.put("GET /api/v1/districts/{district}/caseload", Expect.ownDistrictHidden());
    }

    @Test
    void every_operation_refuses_whom_its_rule_refuses_whatever_the_body() {
        Map<String, String> caseIn = Map.of(OWN, raiseCaseIn(OWN), OTHER, raiseCaseIn(OTHER));
        List<String> operations = servedOperations();
        Set<String> withoutRule = new TreeSet<>(operations);
        withoutRule.removeAll(EXPECTED.keySet());
        assertThat(withoutRule).as("operations without an expected rule: add each to EXPECTED and to AccessRules").isEmpty();

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            for (String district : List.of(OWN, OTHER)) {
                String path = template.replace("{district}", district).replace("{caseId}", caseIn.get(district))
                        .replace("{offerId}", UUID.randomUUID().toString()).replace("{placementId}", UUID.randomUUID().toString()).replace("{planId}", UUID.randomUUID().toString())
                        .replace("{name}", "no-such-projection").replace("{date}", "2026-01-01")
                        .replace("{aggregateId}", caseIn.get(district)).replace("{proposalId}", UUID.randomUUID().toString())
                        + (template.endsWith("/weeding/preview") ? "?year=1999" : "");
                for (Role role : Role.values()) {
                    boolean allowed = EXPECTED.get(operation).allows(role, district.equals(OWN));
                    // Another district's case is, to a district user, a case that does not exist; a case of their own
                    // district that their role may not act on is refused as such (403). Some district resources hide
                    // another district as well (404, as an unknown one).
                    boolean hidden = !allowed && role.isDistrictBound() && EXPECTED.get(operation).inDistrict() && !district.equals(OWN)
                            && (template.startsWith("/api/v1/cases/{caseId}") || EXPECTED.get(operation).hidesOtherDistricts());
                    int refusal = hidden ? 404 : 403;
                    for (String body : method.equals("POST") || method.equals("PUT") ? List.of("{}", "{not json") : List.of("")) {
                        Api.Response answer = send(asRole(role), method, path, body);
                        checked++;
                        boolean refused = answer.status() == 401 || answer.status() == 403 || (hidden && answer.status() == 404);
                        if (allowed == refused || answer.status() >= 500 || (!allowed && answer.status() != refusal)
                                || !hasSecurityHeaders(answer)) {
                            wrong.add(role + " " + method + " " + path + " " + body + " → " + answer.status()
                                    + " (expected " + (allowed ? "through" : refusal) + ")");
                        }
                    }
                }
                Api.Response anonymous = send(anonymous(), method, path, method.equals("GET") || method.equals("DELETE") ? "" : "{}");
                checked++;
                if (anonymous.status() != 401 || !anonymous.contentType().startsWith("application/problem+json")) {
                    wrong.add("anonymous " + method + " " + path + " → " + anonymous.status());
                }
            }
        }
        assertThat(wrong).as("answers against the table").isEmpty();
        assertThat(checked).as("every operation asked of every role in both districts").isGreaterThanOrEqualTo(operations.size() * 12);
    }

    /** Whether the table lets {@code role} through {@code operation}: for tests of the same rules with other tokens. */
    static boolean allows(String operation, Role role, boolean inOwnDistrict) {
        Expect rule = EXPECTED.get(operation);
        if (rule == null) {
            throw new IllegalArgumentException("No rule for " + operation + " in the matrix");
        }
        return rule.allows(role, inOwnDistrict);
    }

    private List<String> servedOperations() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        List<String> operations = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/")) {
                paths.get(path).fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path));
            }
        });
        assertThat(operations).hasSizeGreaterThan(30);
        return operations;
    }

    private Api asRole(Role role) {
        String district = role.isDistrictBound() ? OWN : null;
        return bearer(Tokens.forRole("matrix-" + role.name().toLowerCase(), role.name(), district));
    }

    private String raiseCaseIn(String district) {
        Api user = bearer(Tokens.forRole("matrix-" + district, "DISTRICT_WORKER", district));
        return user.post("/api/v1/districts/" + district + "/cases", concern(daysAgo(3))).json().get("caseId").asText();
    }

    private static Api.Response send(Api api, String method, String path, String body) {
        return switch (method) {
            case "GET" -> api.get(path);
            case "DELETE" -> api.delete(path);
            case "POST" -> api.postRaw(path, body, path.endsWith("/import") ? "application/x-ndjson" : "application/json");
            case "PUT" -> api.sendRaw("PUT", path, body, "application/json");
            default -> throw new IllegalArgumentException("No request for " + method + " " + path + " yet: add one here");
        };
    }

    private static boolean hasSecurityHeaders(Api.Response answer) {
        return "nosniff".equals(answer.header("X-Content-Type-Options")) && "DENY".equals(answer.header("X-Frame-Options"))
                && answer.header("Content-Security-Policy") != null && "no-referrer".equals(answer.header("Referrer-Policy"));
    }

    /** Who an operation lets through: roles anywhere, and the district roles named in their own district. */
    private record Expect(Set<Role> anywhere, Set<Role> inOwnDistrict, boolean hidesOtherDistricts) {
        private static final Set<Role> DISTRICT_ROLES = EnumSet.of(Role.DISTRICT_WORKER, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_ADMIN);

        static Expect anyone() {
            return new Expect(EnumSet.allOf(Role.class), EnumSet.noneOf(Role.class), false);
        }

        static Expect roles(Role... roles) {
            return new Expect(EnumSet.copyOf(List.of(roles)), EnumSet.noneOf(Role.class), false);
        }

        static Expect ownDistrict() {
            return new Expect(EnumSet.noneOf(Role.class), DISTRICT_ROLES, false);
        }

        static Expect ownDistrictOr(Role... roles) {
            return new Expect(EnumSet.copyOf(List.of(roles)), DISTRICT_ROLES, false);
        }

        /** Own district only; another district is, to a district user, one that does not exist (404). */
        static Expect ownDistrictHidden() {
            return new Expect(EnumSet.noneOf(Role.class), DISTRICT_ROLES, true);
        }

        static Expect ownDistrictIn(Role... districtRoles) {
            return new Expect(EnumSet.noneOf(Role.class), EnumSet.copyOf(List.of(districtRoles)), false);
        }

        boolean inDistrict() {
            return !inOwnDistrict.isEmpty();
        }

        boolean allows(Role role, boolean inOwnDistrict) {
            return anywhere.contains(role) || (this.inOwnDistrict.contains(role) && inOwnDistrict);
        }
    }
}
