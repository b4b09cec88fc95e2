package se.tidigt.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import se.tidigt.gateway.support.ApiTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.gateway.support.CaseRequests.concern;
import static se.tidigt.gateway.support.CaseRequests.daysAgo;

/** Health, metrics and the OpenAPI document, as operators and client developers use them. */
@AutoConfigureObservability // Spring Boot turns metrics export off in tests unless asked
class OperationsApiTest extends ApiTest {

    @Test
    void liveness_and_readiness_are_up_with_the_database_checked() {
        JsonNode liveness = anonymous().get("/actuator/health/liveness").json();
        assertThat(liveness.get("status").asText()).isEqualTo("UP");
        var readiness = anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void metrics_are_for_the_platform_admin_only() {
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(as("analyst").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(hv().get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(as("admin").get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void prometheus_metrics_include_axons_command_metrics() {
        hv().post("/api/v1/districts/hasselby-vallingby/cases", concern(daysAgo(1)));
        String metrics = as("admin").get("/actuator/prometheus").body();
        assertThat(metrics).contains("http_server_requests_seconds").containsPattern("(?m)^commandBus\\w*");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext server;

    @Test
    void with_the_demo_users_on_the_server_listens_on_loopback_only() {
        var tomcat = (org.springframework.boot.web.embedded.tomcat.TomcatWebServer) server.getWebServer();
        Object address = tomcat.getTomcat().getConnector().getProperty("address");
        assertThat(address).isInstanceOf(java.net.InetAddress.class);
        assertThat(((java.net.InetAddress) address).isLoopbackAddress()).isTrue();
    }

    @Test
    void projection_lag_and_replay_progress_are_metrics() {
        String metrics = as("admin").get("/actuator/prometheus").body();
        assertThat(metrics).contains("tidigt_projection_lag{", "processor=\"case-statistics\"",
                "tidigt_projection_replay_progress{");
    }

    @Test
    void the_openapi_document_describes_every_endpoint_and_its_errors() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        List<String> expected = List.of("/api/v1/districts/{district}/cases", "/api/v1/cases/{caseId}/protection-assessment",
                "/api/v1/cases/{caseId}/initial-assessment", "/api/v1/cases/{caseId}/investigation",
                "/api/v1/cases/{caseId}/investigation/extension", "/api/v1/cases/{caseId}/investigation/conclusion",
                "/api/v1/cases/{caseId}/offers", "/api/v1/cases/{caseId}/offers/{offerId}/response",
                "/api/v1/cases/{caseId}/interventions", "/api/v1/cases/{caseId}/interventions/{offerId}/end",
                "/api/v1/cases/{caseId}/workers", "/api/v1/cases/{caseId}/collaborations", "/api/v1/cases/{caseId}/transfer",
                "/api/v1/cases/{caseId}/closure", "/api/v1/cases/{caseId}", "/api/v1/districts/{district}/cases/search",
                "/api/v1/districts/{district}/deadlines", "/api/v1/districts/{district}/open-access-support", "/api/v1/import",
                "/api/v1/work-models", "/api/v1/districts", "/api/v1/districts/{district}/rollout",
                "/api/v1/districts/{district}/rollout/adoptions", "/api/v1/districts/{district}/rollout/suspensions",
                "/api/v1/districts/{district}/rollout/reinstatements", "/api/v1/districts/{district}/rollout/funding",
                "/api/v1/districts/{district}/rollout/staffing", "/api/v1/rollout-plans", "/api/v1/rollout-plans/{planId}",
                "/api/v1/rollout-plans/{planId}/approval", "/api/v1/stats/districts/{district}", "/api/v1/stats/city",
                "/api/v1/stats/rollout-effect", "/api/v1/admin/projections", "/api/v1/admin/projections/{name}/replay",
                "/api/v1/cases/{caseId}/placements", "/api/v1/cases/{caseId}/placements/{placementId}/end",
                "/api/v1/spread-investigation", "/api/v1/spread-investigation/scenarios", "/api/v1/spread-investigation/report");
        for (String path : expected) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/v1/cases/{caseId}/offers").toString()).contains("409", "412", "problem+json");
        assertThat(paths.get("/api/v1/cases/{caseId}/placements").toString()).contains("409", "412", "problem+json");
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
