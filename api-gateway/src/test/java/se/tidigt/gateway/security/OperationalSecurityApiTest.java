package se.tidigt.gateway.security;

import org.junit.jupiter.api.Test;
import se.tidigt.gateway.support.ApiTest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.ProblemAssertions.assertProblem;

/** Metrics behind the platform admin (their content: OperationsApiTest), probes open, headers on every answer, CORS closed, guessing slowed down. */
class OperationalSecurityApiTest extends ApiTest {

    @Test
    void operational_detail_needs_the_platform_admin_and_the_health_probes_are_open() {
        assertProblem(anonymous().get("/actuator/prometheus"), 401);
        assertProblem(as("analyst").get("/actuator/prometheus"), 403);
        assertProblem(hv().get("/actuator/metrics"), 403);
        assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void every_answer_carries_the_security_headers_refusals_and_unknown_paths_too() {
        for (var answer : java.util.List.of(hv().get("/api/v1/districts"), anonymous().get("/api/v1/districts"),
                anonymous().get("/no-such-page"), anonymous().get("/actuator/health"))) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            // Kept by no cache at all, except an answer revalidated by its ETag (the districts, the statistics):
            // the reader's own browser may keep it, and must ask again before each use; no shared cache may.
            assertThat(answer.header("Cache-Control")).satisfiesAnyOf(c -> assertThat(c).contains("no-store"),
                    c -> assertThat(c).contains("private").contains("no-cache"));
        }
        assertThat(anonymous().get("/no-such-page").header("Cache-Control")).contains("no-store");
        assertThat(hv().get("/api/v1/districts").header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void a_browser_on_another_origin_is_not_let_in_by_default() {
        var preflight = anonymous().with("Origin", "https://evil.example").with("Access-Control-Request-Method", "POST")
                .options("/api/v1/districts/hasselby-vallingby/cases");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        var read = hv().with("Origin", "https://evil.example").get("/api/v1/districts");
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void after_five_failed_sign_ins_a_demo_user_is_paused_even_with_the_right_password() {
        String user = "sodermalm-admin";
        for (int i = 0; i < SignInThrottle.ALLOWED_FAILURES; i++) {
            assertProblem(anonymous().with("Authorization", basic(user, "guess-" + i)).get("/api/v1/districts"), 401);
        }
        var paused = anonymous().with("Authorization", basic(user, "demo")).get("/api/v1/districts");
        assertProblem(paused, 429);
        assertThat(Integer.parseInt(paused.header("Retry-After"))).isBetween(1, 60);
        assertThat(as("farsta-admin").get("/api/v1/districts").status()).as("other users are not paused").isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
